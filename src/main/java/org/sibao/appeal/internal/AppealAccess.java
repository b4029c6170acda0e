package org.sibao.appeal.internal;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;

/** Who may act on an appeal they can see (seeing is decided by the scope filter: outside it, 404). */
final class AppealAccess {

    private AppealAccess() {
    }

    /** The HQ office where the appeal currently sits (the subject's county, or higher after escalation). */
    static boolean isTriageHq(CurrentUser u, AppealRow a) {
        return u.role() == Role.HQ_OFFICER && u.regionCode().equals(a.handlerRegionCode());
    }

    /**
     * A handler of the department the appeal is assigned to, at the assigned region: its DEPT_HANDLERs, or for a
     * sector's competent department (工信局, 商务局 …) that sector's officers.
     */
    static boolean isHandler(CurrentUser u, AppealRow a) {
        return a.departmentCode() != null && u.handlesDepartment(a.departmentCode(), a.assignedRegionCode());
    }

    /** The user who filed it, or the enterprise's own user. */
    static boolean isFiler(CurrentUser u, AppealRow a) {
        return u.username().equals(a.filedBy())
                || (u.role() == Role.ENTERPRISE && a.enterpriseId().equals(u.enterpriseId()));
    }

    /** Call-back: the filer or enterprise, the enterprise's liaison, or a supervisor recording a phone call. */
    static boolean mayGiveFeedback(CurrentUser u, AppealRow a) {
        return isFiler(u, a) || u.role() == Role.LIAISON || u.role() == Role.SUPERVISOR;
    }

    static boolean isSupervisor(CurrentUser u) {
        return u.role() == Role.SUPERVISOR;
    }

    /** Who may file: the enterprise, its liaison, or an official (the subject must be in their scope). */
    static boolean mayFile(CurrentUser u) {
        return u.role() != Role.INTEGRATION;
    }
}
