package org.sibao.escort;

import java.time.OffsetDateTime;

/**
 * A shutdown request and where it stands: {@code status} PENDING, ACTIVE, REFUSED or ENDED ({@code endCause}
 * EXPIRED or LIFTED); {@code endsAt} on the business clock once approved.
 */
public record ShutdownSummary(String id, String enterpriseId, String incidentId, String reason, int days, String status,
        OffsetDateTime requestedAt, OffsetDateTime decidedAt, String decisionComment, OffsetDateTime endsAt,
        String endCause) {
}
