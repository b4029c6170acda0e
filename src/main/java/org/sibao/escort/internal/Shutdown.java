package org.sibao.escort.internal;

import java.time.OffsetDateTime;

import org.sibao.escort.ShutdownSummary;

/**
 * A shutdown (停产/限产) request on a whitelist subject. {@code endsAt} is on the business clock; {@code endCause}
 * is EXPIRED or LIFTED once ENDED; {@code incidentId} names the epidemic incident it was filed from, if any.
 */
record Shutdown(String id, String enterpriseId, String enterpriseName, String regionCode, String sector,
        String reason, int days, ShutdownStatus status, String requestedBy, OffsetDateTime requestedAt,
        String decidedBy, OffsetDateTime decidedAt, String decisionComment, OffsetDateTime startedAt,
        OffsetDateTime endsAt, OffsetDateTime endedAt, String endCause, int renewals, int version, String incidentId) {

    ShutdownSummary summary() {
        return new ShutdownSummary(id, enterpriseId, incidentId, reason, days, status.name(), requestedAt, decidedAt,
                decisionComment, endsAt, endCause);
    }
}
