package org.sibao.escort;

/** A shutdown ended (expired on the business clock, or lifted early); the subject resumes. */
public record ShutdownEnded(String shutdownId, String enterpriseId) {
}
