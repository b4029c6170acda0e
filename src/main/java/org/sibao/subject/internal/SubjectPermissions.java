package org.sibao.subject.internal;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;

/**
 * Who may write subjects (SPEC §2): ADMIN and HQ_OFFICER create and edit within their region, SECTOR_OFFICER
 * within its region and sector; LIAISON edits the subjects assigned to it and ENTERPRISE its own one, without
 * changing USCC, project number, region or sector. Everyone else reads. Which subjects are reachable at all is
 * the data scope's business; these rules apply on top of it.
 */
final class SubjectPermissions {

    private SubjectPermissions() {
    }

    static boolean canCreate(CurrentUser u) {
        return u.is(Role.ADMIN, Role.HQ_OFFICER, Role.SECTOR_OFFICER);
    }

    static boolean canEdit(CurrentUser u) {
        return canCreate(u) || restrictedEditor(u);
    }

    /** Editors who may change facts but not the subject's identity (USCC, project number, region, sector). */
    static boolean restrictedEditor(CurrentUser u) {
        return u.is(Role.LIAISON, Role.ENTERPRISE);
    }
}
