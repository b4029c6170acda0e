package org.sibao.escort.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An inspection request on a whitelist subject, as stored and as the API shows it. {@code approvalRegionCode} and
 * {@code approvalRegionName} name the HQ office that decides one needing approval (the subject's city or the nearest
 * staffed office above, see {@link EscortDeciders}); null for a kind that needs none. Filled on reads.
 */
record Inspection(String id, String enterpriseId, String enterpriseName, String regionCode, String sector,
        String departmentCode, InspectionKind kind, String reason, LocalDate plannedDate, InspectionStatus status,
        boolean approvalRequired, String requestedBy, OffsetDateTime requestedAt, String decidedBy,
        OffsetDateTime decidedAt, String decisionComment, int version, String approvalRegionCode,
        String approvalRegionName) {

    Inspection withApprovalRegion(String code, String name) {
        return new Inspection(id, enterpriseId, enterpriseName, regionCode, sector, departmentCode, kind, reason,
                plannedDate, status, approvalRequired, requestedBy, requestedAt, decidedBy, decidedAt, decisionComment,
                version, code, name);
    }
}
