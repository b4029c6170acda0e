package org.sibao.escort;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A shutdown request and where it stands: {@code status} PENDING, ACTIVE, REFUSED or ENDED ({@code endCause}
 * EXPIRED or LIFTED); {@code endsAt} on the business clock once approved. {@code awaiting} names the commands whose
 * consent the joint decision (会商) still waits for — HQ (the economic dispatch HQ office), EPIDEMIC (the epidemic
 * prevention command) — on a pending request or a proposed renewal; empty otherwise.
 */
public record ShutdownSummary(String id, String enterpriseId, String incidentId, String reason, int days, String status,
        OffsetDateTime requestedAt, OffsetDateTime decidedAt, String decisionComment, OffsetDateTime endsAt,
        String endCause, List<String> awaiting) {
}
