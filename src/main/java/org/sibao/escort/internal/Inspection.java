package org.sibao.escort.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An inspection request on a whitelist subject, as stored and as the API shows it. */
record Inspection(String id, String enterpriseId, String enterpriseName, String regionCode, String sector,
        String departmentCode, InspectionKind kind, String reason, LocalDate plannedDate, InspectionStatus status,
        boolean approvalRequired, String requestedBy, OffsetDateTime requestedAt, String decidedBy,
        OffsetDateTime decidedAt, String decisionComment, int version) {
}
