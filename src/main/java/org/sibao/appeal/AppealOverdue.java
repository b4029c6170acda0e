package org.sibao.appeal;

import java.time.OffsetDateTime;

/**
 * An appeal missed a deadline (published once per appeal, kind and deadline by the overdue sweep), for the
 * supervision report and the dashboard.
 *
 * @param handlerRegionCode the HQ region the appeal sits with
 * @param departmentCode    the responsible department, null while unassigned
 */
public record AppealOverdue(String appealId, OverdueKind kind, String regionCode, String handlerRegionCode,
        String departmentCode, OffsetDateTime dueAt) {
}
