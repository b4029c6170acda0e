package org.sibao.tasking;

import java.time.OffsetDateTime;

/**
 * One item the supervisors report on Friday.
 *
 * @param module         contributing module, e.g. {@code appeal} or {@code tasking}
 * @param itemId         the item's id in that module
 * @param title          short description (zh-CN)
 * @param departmentCode responsible department ({@link org.sibao.region.Department} name), or null when a region
 *                       or task force is responsible
 * @param regionCode     region of the responsible unit
 * @param kind           why it is reported
 * @param since          when it became overdue / was reopened / was rated unsatisfied
 * @param link           path of the item in the web UI, or null
 */
public record SupervisionItem(String module, String itemId, String title, String departmentCode, String regionCode,
        SupervisionKind kind, OffsetDateTime since, String link) {
}
