package org.sibao.notification;

import java.util.List;

import org.sibao.identity.Role;
import org.sibao.region.Sector;

/** Who receives a notice; resolved to users set-wise when the notice is stored. */
public sealed interface Recipients {

    /** Named users. */
    record Users(List<String> userIds) implements Recipients {
    }

    /** Users with a role at exactly one region (e.g. the HQ office of 新郑), optionally of one sector. */
    record RoleAt(Role role, String regionCode, Sector sector) implements Recipients {
    }

    /** Users with a role at a region or any division below it (e.g. every epidemic office of 开封 and its counties). */
    record RoleUnder(Role role, String regionPrefix) implements Recipients {
    }

    /** An enterprise's own users and the liaisons assigned to it. */
    record Enterprise(String enterpriseId) implements Recipients {
    }

    static Recipients users(List<String> ids) {
        return new Users(List.copyOf(ids));
    }

    static Recipients roleAt(Role role, String regionCode) {
        return new RoleAt(role, regionCode, null);
    }

    static Recipients roleAt(Role role, String regionCode, Sector sector) {
        return new RoleAt(role, regionCode, sector);
    }

    static Recipients roleUnder(Role role, String regionPrefix) {
        return new RoleUnder(role, regionPrefix);
    }

    static Recipients enterprise(String enterpriseId) {
        return new Enterprise(enterpriseId);
    }
}
