package org.sibao.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
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
        String sql = "SELECT id FROM app_user WHERE enabled = TRUE AND role = ? AND region_code = ?";
        List<Object> params = new ArrayList<>(List.of(role.name(), regionCode));
        if (sector != null) {
            sql += " AND sector = ?";
            params.add(sector.name());
        }
        return jdbc.sql(sql + " ORDER BY username").params(params).query(String.class).list();
    }

    @Override
    public List<String> enterpriseUserIds(String enterpriseId) {
        return jdbc.sql("""
                SELECT id FROM app_user WHERE enabled = TRUE AND (
                    (role = 'ENTERPRISE' AND enterprise_id = ?)
                    OR id IN (SELECT la.user_id FROM liaison_assignment la WHERE la.enterprise_id = ?))
                ORDER BY username""")
                .params(enterpriseId, enterpriseId).query(String.class).list();
    }

    @Override
    public List<String> departmentUserIds(String regionCode, String departmentCode) {
        return jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND role = 'DEPT_HANDLER' AND region_code = ?"
                + " AND department_code = ? ORDER BY username")
                .params(regionCode, departmentCode).query(String.class).list();
    }

    @Override
    public String displayName(String userId) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(userId).query(String.class)
                .optional().orElse(userId);
    }

    @Override
    public Optional<CurrentUser> principal(String userId) {
        return users.findById(userId).filter(UserRow::enabled).map(UserRow::toCurrentUser);
    }
}
