package org.sibao.appeal.internal;

/** Request bodies of the appeal API; enum values arrive as text so that a bad one is a 400 naming the field. */
final class AppealInputs {

    private AppealInputs() {
    }

    record FileAppeal(String enterpriseId, String category, String title, String description, String urgency,
            Boolean major) {
    }

    /**
     * {@code kind} INDIVIDUAL: {@code departmentCode}, {@code regionCode} (defaults to the HQ's region),
     * {@code dueDays} and {@code major} optional. COMMON: {@code clusterId} of an open cluster, or
     * {@code clusterTitle} (and optional {@code taskForce}) for a new one.
     */
    record Triage(String kind, String departmentCode, String regionCode, Integer dueDays, Boolean major,
            String clusterId, String clusterTitle, String taskForce, String note) {
    }

    /** Accept, close, withdraw: an optional note. Resolve: {@code result}. Escalate, reject: {@code reason}. */
    record Note(String note, String result, String reason) {
    }

    record Feedback(Boolean solved, String satisfaction, String comment, String channel) {
    }
}
