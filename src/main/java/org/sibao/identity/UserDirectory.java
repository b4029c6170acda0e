package org.sibao.identity;

import java.util.List;
import java.util.Optional;

import org.sibao.region.Department;
import org.sibao.region.Sector;

/** Look-ups of users by what they are responsible for, for notifications and assignment pickers. */
public interface UserDirectory {

    /** Enabled users with a role at exactly this region, optionally only of one sector. */
    List<String> userIds(Role role, String regionCode, Sector sector);

    /**
     * The same users as {@link #userIds} as a sub-query selecting one column {@code id}, for set-based inserts
     * (a notice to every HQ officer of a county in one statement).
     */
    SqlFilter userIdsQuery(Role role, String regionCode, Sector sector);

    /** Enabled users with the role at any region under the prefix, as a sub-query selecting one column {@code id}. */
    SqlFilter userIdsUnderQuery(Role role, String regionPrefix);

    /** The same users as {@link #enterpriseUserIds} as a sub-query selecting one column {@code id}. */
    SqlFilter enterpriseUserIdsQuery(String enterpriseId);

    /** Enabled ENTERPRISE users of the enterprise and the LIAISONs assigned to it. */
    List<String> enterpriseUserIds(String enterpriseId);

    /**
     * Enabled users who handle a department's work at exactly this region (e.g. 开封's 税务局): its DEPT_HANDLERs,
     * and for a sector's competent department (MIIT, COMMERCE …) the SECTOR_OFFICERs acting for it.
     */
    List<String> departmentUserIds(String regionCode, String departmentCode);

    /** Display name of a user, or the id when unknown. */
    String displayName(String userId);

    /**
     * Display names by username (records that keep who acted by login name: appeal history, call-backs); a name
     * not found is left out.
     */
    java.util.Map<String, String> displayNamesByUsername(java.util.Collection<String> usernames);

    /** The principal of an enabled user, to act as them outside a request (see {@link ActingUser}). */
    Optional<CurrentUser> principal(String userId);

    /** The first (by username) enabled user with a role at exactly this region, as a principal. */
    default Optional<CurrentUser> first(Role role, String regionCode) {
        return userIds(role, regionCode, null).stream().map(this::principal).flatMap(Optional::stream).findFirst();
    }

    /**
     * The HQ office (指挥部办公室) of a region to act as outside a request: its first HQ officer, or a stand-in
     * ({@link ActingUser#standIn}) where the region has none.
     */
    default CurrentUser hqOffice(String regionCode) {
        return first(Role.HQ_OFFICER, regionCode)
                .orElseGet(() -> ActingUser.standIn(Role.HQ_OFFICER, regionCode, Department.NDRC.name()));
    }
}
