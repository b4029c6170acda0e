package org.sibao.policy.internal;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;

/** Who may author policies and who decides applications (package-info "Decisions"). */
final class PolicyAccess {

    private PolicyAccess() {
    }

    static boolean isAuthor(CurrentUser u) {
        return u.is(Role.ADMIN, Role.HQ_OFFICER, Role.SECTOR_OFFICER, Role.DEPT_HANDLER);
    }

    /** An author whose region covers the policy's issuing region. */
    static boolean canAuthor(CurrentUser u, PolicyRow p) {
        return isAuthor(u) && p.regionCode().startsWith(u.regionPrefix());
    }

    /** May decide applications and confirm AUTO grants of this policy (for subjects in the caller's region). */
    static boolean canDecide(CurrentUser u, PolicyRow p) {
        if (u.is(Role.ADMIN, Role.HQ_OFFICER)) {
            return true;
        }
        return u.department() != null && u.department().equals(p.departmentCode());
    }

    static boolean isDecider(CurrentUser u) {
        return u.is(Role.ADMIN, Role.HQ_OFFICER, Role.DEPT_HANDLER, Role.SECTOR_OFFICER);
    }
}
