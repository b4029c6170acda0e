package org.sibao.escort;

import java.time.OffsetDateTime;

/**
 * A shutdown of a whitelist subject took effect by joint decision (both consents), or a renewal was agreed; it lasts
 * until {@code until} unless renewed.
 */
public record ShutdownStarted(String shutdownId, String enterpriseId, String reason, OffsetDateTime until) {
}
