package org.sibao.identity;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;

import org.sibao.region.Region;
import org.sibao.region.Sector;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as every module sees it: role, home region, and the sector, department or enterprise the
 * role is bound to. The principal of both web sessions and API tokens.
 */
public record CurrentUser(String id, String username, String displayName, Role role, String regionCode,
        Sector sector, String departmentCode, String enterpriseId) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return username;
    }

    public String regionPrefix() {
        return Region.prefixOf(regionCode);
    }

    /**
     * The department this user acts for when work is assigned to a department: a DEPT_HANDLER's own, and a
     * SECTOR_OFFICER's (its explicit department, else its sector's 主管部门, e.g. INDUSTRY → MIIT); otherwise null.
     */
    public String department() {
        if (role == Role.DEPT_HANDLER) {
            return departmentCode;
        }
        if (role == Role.SECTOR_OFFICER) {
            return departmentCode != null ? departmentCode : sector == null ? null : sector.department().name();
        }
        return null;
    }

    /** Whether work assigned to a department at a region is this user's to handle. */
    public boolean handlesDepartment(String department, String region) {
        String own = department();
        return own != null && own.equals(department) && regionCode.equals(region);
    }

    public DataScope scope() {
        return DataScope.of(this);
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser u ? Optional.of(u) : Optional.empty();
    }

    /** The signed-in user; only called behind authenticated endpoints. */
    public static CurrentUser get() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
