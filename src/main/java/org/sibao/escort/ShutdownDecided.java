package org.sibao.escort;

import java.time.OffsetDateTime;

/**
 * A shutdown request was finally decided: approved by the joint decision (会商) — published with the second side's
 * consent; it starts now for {@code days} — or refused by either side. A single side's consent publishes nothing.
 * Published in the deciding transaction; {@code incidentId} names the epidemic incident the request came from, or
 * is null.
 */
public record ShutdownDecided(String shutdownId, String enterpriseId, String incidentId, boolean approved, int days,
        String comment, OffsetDateTime decidedAt) {
}
