package org.sibao.escort;

import java.time.OffsetDateTime;

/** The HQ approved a shutdown of a whitelist subject; it lasts until {@code until} unless renewed. */
public record ShutdownStarted(String shutdownId, String enterpriseId, String reason, OffsetDateTime until) {
}
