package org.sibao.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.region.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String COLUMNS = "id, username, password_hash, display_name, role, region_code, sector, "
            + "department_code, enterprise_id, enabled, failed_attempts, locked_until, created_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserRow> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?").param(username).query(this::map).optional();
    }

    Optional<UserRow> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id).query(this::map).optional();
    }

    boolean usernameExists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() > 0;
    }

    void insert(UserRow u) {
        jdbc.sql("INSERT INTO app_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(u.id(), u.username(), u.passwordHash(), u.displayName(), u.role().name(), u.regionCode(),
                        u.sector() == null ? null : u.sector().name(), u.departmentCode(), u.enterpriseId(), u.enabled(),
                        u.failedAttempts(), u.lockedUntil(), u.createdAt())
                .update();
    }

    void updateProfile(UserRow u) {
        jdbc.sql("""
                UPDATE app_user SET display_name = ?, role = ?, region_code = ?, sector = ?, department_code = ?,
                       enterprise_id = ?, enabled = ? WHERE id = ?""")
                .params(u.displayName(), u.role().name(), u.regionCode(), u.sector() == null ? null : u.sector().name(),
                        u.departmentCode(), u.enterpriseId(), u.enabled(), u.id())
                .update();
    }

    /** A new password: tokens issued under the old one stop working (see {@link #credentialsVersion}). */
    void updatePassword(String id, String hash) {
        jdbc.sql("""
                UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL,
                       credentials_version = credentials_version + 1 WHERE id = ?""")
                .params(hash, id).update();
    }

    /** Revokes the tokens issued so far (a disabled user stays out after being enabled again). */
    void revokeCredentials(String id) {
        jdbc.sql("UPDATE app_user SET credentials_version = credentials_version + 1 WHERE id = ?").param(id).update();
    }

    /** An enabled user with the version of its credentials, in one read. */
    record Active(CurrentUser user, int credentialsVersion) {
    }

    Optional<Active> findActive(String id) {
        return jdbc.sql("SELECT " + COLUMNS + ", credentials_version FROM app_user WHERE id = ? AND enabled = TRUE")
                .param(id).query((rs, i) -> new Active(map(rs, i).toCurrentUser(), rs.getInt("credentials_version")))
                .optional();
    }

    /** The version API tokens are issued under; -1 for no such user. */
    int credentialsVersion(String id) {
        return jdbc.sql("SELECT credentials_version FROM app_user WHERE id = ?").param(id).query(Integer.class)
                .optional().orElse(-1);
    }

    /** Counts a failure; locks when the count reaches {@code lockAfter}. Returns the new count. */
    int recordFailure(String id, int lockAfter, OffsetDateTime lockUntil) {
        jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE id = ?").param(id).update();
        int count = jdbc.sql("SELECT failed_attempts FROM app_user WHERE id = ?").param(id).query(Integer.class).single();
        if (count >= lockAfter) {
            jdbc.sql("UPDATE app_user SET locked_until = ?, failed_attempts = 0 WHERE id = ?").params(lockUntil, id).update();
        }
        return count;
    }

    void recordSuccess(String id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)")
                .param(id).update();
    }

    /** Users whose home region lies in the scope's region; filtered by role and a name search. */
    PageResult<UserRow> search(DataScope scope, Role role, String q, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE region_code LIKE ?");
        List<Object> params = new ArrayList<>();
        params.add((scope.regionPrefix() == null ? "-" : scope.regionPrefix()) + "%");
        if (role != null) {
            where.append(" AND role = ?");
            params.add(role.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (username LIKE ? OR display_name LIKE ?)");
            params.add("%" + q.trim() + "%");
            params.add("%" + q.trim() + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM app_user" + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(page.size());
        p.add(page.offset());
        List<UserRow> items = jdbc.sql("SELECT " + COLUMNS + " FROM app_user" + where + " ORDER BY region_code, role, username LIMIT ? OFFSET ?")
                .params(p).query(this::map).list();
        return page.result(items, total);
    }

    /** Users per role whose home region lies under the prefix. */
    Map<Role, Long> countByRole(String regionPrefix) {
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        jdbc.sql("SELECT role, COUNT(*) AS n FROM app_user WHERE region_code LIKE ? GROUP BY role")
                .param(regionPrefix + "%")
                .query(rs -> {
                    counts.put(Role.valueOf(rs.getString("role")), rs.getLong("n"));
                });
        return counts;
    }

    long countDisabled(String regionPrefix) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE region_code LIKE ? AND enabled = FALSE")
                .param(regionPrefix + "%").query(Long.class).single();
    }

    /** Enterprises assigned to liaisons whose home region lies under the prefix. */
    long countAssignmentsUnder(String regionPrefix) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM liaison_assignment la JOIN app_user u ON u.id = la.user_id
                WHERE u.region_code LIKE ?""").param(regionPrefix + "%").query(Long.class).single();
    }

    long countAssigned(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM liaison_assignment WHERE user_id = ?").param(userId).query(Long.class).single();
    }

    /** Number of assigned enterprises for each of the given liaisons (absent when none). */
    Map<String, Long> countAssigned(List<String> userIds) {
        Map<String, Long> counts = new HashMap<>();
        if (userIds.isEmpty()) {
            return counts;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(userIds.size(), "?"));
        jdbc.sql("SELECT user_id, COUNT(*) AS n FROM liaison_assignment WHERE user_id IN (" + marks + ") GROUP BY user_id")
                .params(new ArrayList<Object>(userIds))
                .query(rs -> {
                    counts.put(rs.getString("user_id"), rs.getLong("n"));
                });
        return counts;
    }

    List<String> assignedEnterprises(String userId) {
        return jdbc.sql("SELECT enterprise_id FROM liaison_assignment WHERE user_id = ? ORDER BY enterprise_id")
                .param(userId).query(String.class).list();
    }

    int assign(String userId, String enterpriseId, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO liaison_assignment (user_id, enterprise_id, assigned_at)
                SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM liaison_assignment WHERE user_id = ? AND enterprise_id = ?)""")
                .params(userId, enterpriseId, at, userId, enterpriseId).update();
    }

    int unassign(String userId, String enterpriseId) {
        return jdbc.sql("DELETE FROM liaison_assignment WHERE user_id = ? AND enterprise_id = ?").params(userId, enterpriseId).update();
    }

    private UserRow map(ResultSet rs, int i) throws SQLException {
        String sector = rs.getString("sector");
        return new UserRow(rs.getString("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("region_code"),
                sector == null ? null : Sector.valueOf(sector), rs.getString("department_code"),
                rs.getString("enterprise_id"), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
                rs.getObject("locked_until", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class));
    }
}
