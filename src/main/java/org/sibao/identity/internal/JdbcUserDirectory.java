package org.sibao.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.identity.UserDirectory;
import org.sibao.region.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcUserDirectory implements UserDirectory {

    private final JdbcClient jdbc;
    private final UserRepository users;

    JdbcUserDirectory(JdbcClient jdbc, UserRepository users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public List<String> userIds(Role role, String regionCode, Sector sector) {
        return ids(userIdsQuery(role, regionCode, sector));
    }

    @Override
    public SqlFilter userIdsUnderQuery(Role role, String regionPrefix) {
        return new SqlFilter("SELECT id FROM app_user WHERE enabled = TRUE AND role = ? AND region_code LIKE ?",
                List.of(role.name(), regionPrefix + "%"));
    }

    @Override
    public SqlFilter userIdsQuery(Role role, String regionCode, Sector sector) {
        String sql = "SELECT id FROM app_user WHERE enabled = TRUE AND role = ? AND region_code = ?";
        List<Object> params = new ArrayList<>(List.of(role.name(), regionCode));
        if (sector != null) {
            sql += " AND sector = ?";
            params.add(sector.name());
        }
        return new SqlFilter(sql, params);
    }

    @Override
    public List<String> enterpriseUserIds(String enterpriseId) {
        return ids(enterpriseUserIdsQuery(enterpriseId));
    }

    @Override
    public SqlFilter enterpriseUserIdsQuery(String enterpriseId) {
        return new SqlFilter("""
                SELECT id FROM app_user WHERE enabled = TRUE AND (
                    (role = 'ENTERPRISE' AND enterprise_id = ?)
                    OR id IN (SELECT la.user_id FROM liaison_assignment la WHERE la.enterprise_id = ?))""",
                List.of(enterpriseId, enterpriseId));
    }

    private List<String> ids(SqlFilter query) {
        return jdbc.sql(query.sql() + " ORDER BY username")
                .params(query.params()).query(String.class).list();
    }

    @Override
    public List<String> departmentUserIds(String regionCode, String departmentCode) {
        String sector = Sector.ofDepartment(departmentCode).map(Enum::name).orElse(null);
        return jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND region_code = ? AND ("
                + "(role = 'DEPT_HANDLER' AND department_code = ?)"
                + " OR (role = 'SECTOR_OFFICER' AND (department_code = ? OR (department_code IS NULL AND sector = ?))))"
                + " ORDER BY username")
                .params(regionCode, departmentCode, departmentCode, sector).query(String.class).list();
    }

    @Override
    public String displayName(String userId) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(userId).query(String.class)
                .optional().orElse(userId);
    }

    @Override
    public java.util.Map<String, String> displayNamesByUsername(java.util.Collection<String> usernames) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        List<String> names = usernames.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (names.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
        jdbc.sql("SELECT username, display_name FROM app_user WHERE username IN (" + marks + ")").params(names)
                .query((rs, n) -> out.put(rs.getString("username"), rs.getString("display_name"))).list();
        return out;
    }

    @Override
    public Optional<CurrentUser> principal(String userId) {
        return users.findById(userId).filter(UserRow::enabled).map(UserRow::toCurrentUser);
    }
}
