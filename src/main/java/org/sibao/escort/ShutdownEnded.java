package org.sibao.escort;

/**
 * A shutdown ended; the subject resumes. {@code cause} is EXPIRED (its time passed on the business clock) or LIFTED
 * (either deciding side ended it early); {@code incidentId} names the epidemic incident the shutdown came from, or is null.
 */
public record ShutdownEnded(String shutdownId, String enterpriseId, String incidentId, String cause) {
}
