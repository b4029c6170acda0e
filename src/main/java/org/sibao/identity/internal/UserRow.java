package org.sibao.identity.internal;

import java.time.OffsetDateTime;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.region.Sector;

/** A row of {@code app_user}. The password hash never leaves this package. */
record UserRow(String id, String username, String passwordHash, String displayName, Role role, String regionCode,
        Sector sector, String departmentCode, String enterpriseId, boolean enabled, int failedAttempts,
        OffsetDateTime lockedUntil, OffsetDateTime createdAt) {

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, displayName, role, regionCode, sector, departmentCode, enterpriseId);
    }

    @Override
    public String toString() {
        return "UserRow[" + username + ", " + role + ", " + regionCode + "]";
    }
}
