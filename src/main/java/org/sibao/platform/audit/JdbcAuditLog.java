package org.sibao.platform.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.sibao.platform.BusinessClock;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.personal.PersonalDataInText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

@Component
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BusinessClock clock;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json, BusinessClock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void record(String action, String entityType, String entityId, Object before, Object after) {
        record(action, entityType, entityId, null, before, after);
    }

    @Override
    public void record(String action, String entityType, String entityId, String regionCode, Object before, Object after) {
        jdbc.sql("""
                INSERT INTO audit_log (at, actor, action, entity_type, entity_id, region_code, before_json, after_json)
                VALUES (:at, :actor, :action, :type, :id, :region, :before, :after)""")
                .param("at", clock.nowOffset())
                .param("actor", currentActor())
                .param("action", action)
                .param("type", entityType)
                .param("id", entityId)
                .param("region", regionCode)
                .param("before", toJson(before))
                .param("after", toJson(after))
                .update();
    }

    @Override
    public PageResult<AuditEntry> search(AuditFilter f, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (f.actor() != null && !f.actor().isBlank()) {
            where.append(" AND actor = ?");
            params.add(f.actor().trim());
        }
        if (f.action() != null && !f.action().isBlank()) {
            where.append(" AND action = ?");
            params.add(f.action().trim());
        }
        if (f.entityType() != null && !f.entityType().isBlank()) {
            where.append(" AND entity_type = ?");
            params.add(f.entityType().trim());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            where.append(" AND entity_id = ?");
            params.add(f.entityId().trim());
        }
        if (f.from() != null) {
            where.append(" AND at >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            where.append(" AND at < ?");
            params.add(f.to());
        }
        if (f.regionPrefix() != null) {
            where.append(" AND region_code LIKE ?");
            params.add(f.regionPrefix() + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<AuditEntry> items = jdbc.sql("SELECT id, at, actor, action, entity_type, entity_id, region_code, before_json, after_json FROM audit_log"
                + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
        return page.result(items, total);
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        // a phone or ID number typed into a comment or reason is not kept in clear in the log
        return PersonalDataInText.mask(value instanceof String s ? s : json.writeValueAsString(value), clock.today());
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
