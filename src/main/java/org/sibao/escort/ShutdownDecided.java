package org.sibao.escort;

import java.time.OffsetDateTime;

/**
 * The HQ decided a shutdown request: approved (it starts now for {@code days}) or refused. Published in the
 * deciding transaction; {@code incidentId} names the epidemic incident the request came from, or is null.
 */
public record ShutdownDecided(String shutdownId, String enterpriseId, String incidentId, boolean approved, int days,
        String comment, OffsetDateTime decidedAt) {
}
