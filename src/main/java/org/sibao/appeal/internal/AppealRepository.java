package org.sibao.appeal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sibao.appeal.AppealCategory;
import org.sibao.appeal.AppealStatus;
import org.sibao.appeal.Satisfaction;
import org.sibao.appeal.Urgency;
import org.sibao.identity.SqlFilter;
import org.sibao.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the appeal tables. Scope filters come from {@code DataScope} over alias {@code a}. */
@Repository
class AppealRepository {

    static final String COLUMNS = """
            a.id, a.enterprise_id, a.enterprise_name, a.region_code, a.sector, a.category, a.title, a.description,
            a.urgency, a.major, a.status, a.filed_by, a.filed_by_role, a.filed_at, a.handler_region_code,
            a.department_code, a.assigned_region_code, a.cluster_id, a.due_days, a.assign_due_at, a.response_due_at,
            a.resolution_due_at, a.assigned_at, a.accepted_at, a.resolved_at, a.closed_at, a.result, a.reopen_count,
            a.escalation_count, a.version""";

    record HistoryEntry(String action, String by, OffsetDateTime at, String note, String fromStatus, String status,
            String handlerRegionCode) {

        /** The first entry of every appeal: filed, now SUBMITTED at the subject's county HQ. */
        static HistoryEntry submitted(AppealRow filed) {
            return new HistoryEntry(AppealStatus.SUBMITTED.name(), filed.filedBy(), filed.filedAt(), null, null,
                    AppealStatus.SUBMITTED.name(), filed.handlerRegionCode());
        }
    }

    record Callback(String id, OffsetDateTime at, String by, String channel, boolean solved, Satisfaction satisfaction,
            String comment) {
    }

    record Attachment(String id, String fileName, String contentType, long size, String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    record Cluster(String id, String regionCode, AppealCategory category, String title, String taskForce,
            String status, String result, String createdBy, OffsetDateTime createdAt, String resolvedBy,
            OffsetDateTime resolvedAt) {
    }

    private final JdbcClient jdbc;

    AppealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AppealRow r) {
        jdbc.sql("""
                INSERT INTO appeal (id, enterprise_id, enterprise_name, region_code, sector, category, title, description,
                    urgency, major, status, filed_by, filed_by_role, filed_at, filed_on, handler_region_code,
                    assign_due_at, response_due_at, resolution_due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.enterpriseId(), r.enterpriseName(), r.regionCode(), r.sector(), r.category().name(),
                        r.title(), r.description(), r.urgency().name(), r.major(), r.status().name(), r.filedBy(),
                        r.filedByRole(), r.filedAt(), r.filedAt().atZoneSameInstant(BusinessClock.ZONE).toLocalDate(),
                        r.handlerRegionCode(), r.assignDueAt(), r.responseDueAt(), r.resolutionDueAt())
                .update();
    }

    /** Writes the mutable state if nobody changed the row since it was read; false when someone did. */
    boolean update(AppealRow r) {
        return jdbc.sql("""
                UPDATE appeal SET status = ?, handler_region_code = ?, department_code = ?, assigned_region_code = ?,
                    cluster_id = ?, due_days = ?, major = ?, assign_due_at = ?, response_due_at = ?, resolution_due_at = ?,
                    assigned_at = ?, accepted_at = ?, resolved_at = ?, closed_at = ?, result = ?, reopen_count = ?,
                    escalation_count = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(r.status().name(), r.handlerRegionCode(), r.departmentCode(), r.assignedRegionCode(),
                        r.clusterId(), r.dueDays(), r.major(), r.assignDueAt(), r.responseDueAt(), r.resolutionDueAt(),
                        r.assignedAt(), r.acceptedAt(), r.resolvedAt(), r.closedAt(), r.result(), r.reopenCount(),
                        r.escalationCount(), r.id(), r.version())
                .update() == 1;
    }

    Optional<AppealRow> find(String id, SqlFilter scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scope.params());
        return jdbc.sql("SELECT " + COLUMNS + " FROM appeal a WHERE a.id = ? AND (" + scope.sql() + ")")
                .params(params).query(AppealRepository::row).optional();
    }

    /** An appeal with its history and how many call-backs and attachments it has. */
    record Detail(AppealRow row, List<HistoryEntry> history, int callbacks, int attachments) {
    }

    /**
     * An appeal in scope with its history, in one statement (the detail is the most frequent read): the history
     * joined in, the call-back and attachment counts as sub-queries so that their lists are read only when there
     * is something to read.
     */
    Optional<Detail> detail(String id, SqlFilter scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scope.params());
        return jdbc.sql("SELECT " + COLUMNS + """
                , (SELECT COUNT(*) FROM appeal_callback c WHERE c.appeal_id = a.id) AS n_callbacks,
                  (SELECT COUNT(*) FROM appeal_attachment x WHERE x.appeal_id = a.id) AS n_attachments,
                  h.action AS h_action, h.actor AS h_actor, h.at AS h_at, h.note AS h_note, h.from_status AS h_from,
                  h.to_status AS h_to, h.handler_region_code AS h_region
                FROM appeal a LEFT JOIN appeal_history h ON h.appeal_id = a.id
                WHERE a.id = ? AND (""" + scope.sql() + ") ORDER BY h.id")
                .params(params)
                .query(rs -> {
                    Detail d = null;
                    List<HistoryEntry> history = new ArrayList<>();
                    while (rs.next()) {
                        if (d == null) {
                            d = new Detail(row(rs, 0), history, rs.getInt("n_callbacks"), rs.getInt("n_attachments"));
                        }
                        if (rs.getString("h_action") != null) {
                            history.add(new HistoryEntry(rs.getString("h_action"), rs.getString("h_actor"),
                                    time(rs, "h_at"), rs.getString("h_note"), rs.getString("h_from"),
                                    rs.getString("h_to"), rs.getString("h_region")));
                        }
                    }
                    return Optional.ofNullable(d);
                });
    }

    List<AppealRow> list(SqlFilter where, String orderBy, int limit, long offset) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM appeal a WHERE " + where.sql() + " ORDER BY " + orderBy
                + " LIMIT ? OFFSET ?").params(params).query(AppealRepository::row).list();
    }

    long count(SqlFilter where) {
        return jdbc.sql("SELECT COUNT(*) FROM appeal a WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    List<AppealRow> inCluster(String clusterId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appeal a WHERE a.cluster_id = ? ORDER BY a.filed_at")
                .param(clusterId).query(AppealRepository::row).list();
    }

    void addHistory(String appealId, HistoryEntry h) {
        jdbc.sql("""
                INSERT INTO appeal_history (appeal_id, action, actor, at, note, from_status, to_status, handler_region_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(appealId, h.action(), h.by(), h.at(), h.note(), h.fromStatus(), h.status(), h.handlerRegionCode())
                .update();
    }

    void addHistory(String appealId, String action, String actor, OffsetDateTime at, String note, AppealStatus from,
            AppealStatus to, String handlerRegionCode) {
        addHistory(appealId, new HistoryEntry(action, actor, at, note, from == null ? null : from.name(), to.name(),
                handlerRegionCode));
    }

    List<HistoryEntry> history(String appealId) {
        return jdbc.sql("""
                SELECT action, actor, at, note, from_status, to_status, handler_region_code
                FROM appeal_history WHERE appeal_id = ? ORDER BY id""")
                .param(appealId)
                .query((rs, i) -> new HistoryEntry(rs.getString(1), rs.getString(2), time(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    void addCallback(String appealId, Callback c) {
        jdbc.sql("""
                INSERT INTO appeal_callback (id, appeal_id, at, actor, channel, solved, satisfaction, comment_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), appealId, c.at(), c.by(), c.channel(), c.solved(), c.satisfaction().name(), c.comment())
                .update();
    }

    List<Callback> callbacks(String appealId) {
        return jdbc.sql("""
                SELECT id, at, actor, channel, solved, satisfaction, comment_text
                FROM appeal_callback WHERE appeal_id = ? ORDER BY at, id""")
                .param(appealId)
                .query((rs, i) -> new Callback(rs.getString(1), time(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), Satisfaction.valueOf(rs.getString(6)), rs.getString(7)))
                .list();
    }

    void addAttachment(String appealId, Attachment a, byte[] content) {
        jdbc.sql("""
                INSERT INTO appeal_attachment (id, appeal_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), appealId, a.fileName(), a.contentType(), a.size(), content, a.uploadedBy(), a.uploadedAt())
                .update();
    }

    List<Attachment> attachments(String appealId) {
        return jdbc.sql("""
                SELECT id, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                FROM appeal_attachment WHERE appeal_id = ? ORDER BY uploaded_at, id""")
                .param(appealId)
                .query((rs, i) -> new Attachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), time(rs, 6)))
                .list();
    }

    Optional<byte[]> attachmentContent(String appealId, String attachmentId) {
        return jdbc.sql("SELECT content FROM appeal_attachment WHERE appeal_id = ? AND id = ?")
                .params(appealId, attachmentId).query((rs, i) -> rs.getBytes(1)).optional();
    }

    /**
     * Moves every time of an appeal back by {@code by}: its filing, deadlines and steps, its history and its
     * call-backs (the demo data's past; the audit log keeps the true times).
     */
    void shiftBack(String appealId, Duration by) {
        AppealRow r = find(appealId, SqlFilter.NONE).orElseThrow();
        OffsetDateTime filed = r.filedAt().minus(by);
        jdbc.sql("""
                UPDATE appeal SET filed_at = ?, filed_on = ?, assign_due_at = ?, response_due_at = ?, resolution_due_at = ?,
                    assigned_at = ?, accepted_at = ?, resolved_at = ?, closed_at = ? WHERE id = ?""")
                .params(filed, filed.atZoneSameInstant(BusinessClock.ZONE).toLocalDate(), minus(r.assignDueAt(), by),
                        minus(r.responseDueAt(), by), minus(r.resolutionDueAt(), by), minus(r.assignedAt(), by),
                        minus(r.acceptedAt(), by), minus(r.resolvedAt(), by), minus(r.closedAt(), by), appealId)
                .update();
        for (String table : List.of("appeal_history", "appeal_callback")) {
            List<Object[]> times = jdbc.sql("SELECT id, at FROM " + table + " WHERE appeal_id = ?").param(appealId)
                    .query((rs, i) -> new Object[] {time(rs, 2).minus(by), rs.getObject(1)}).list();
            times.forEach(t -> jdbc.sql("UPDATE " + table + " SET at = ? WHERE id = ?").params(t).update());
        }
    }

    /** Sets an appeal's three deadlines (the demo data's back-dating; no history, no version change). */
    void setDeadlines(String appealId, OffsetDateTime assignDue, OffsetDateTime responseDue, OffsetDateTime resolutionDue) {
        jdbc.sql("UPDATE appeal SET assign_due_at = ?, response_due_at = ?, resolution_due_at = ? WHERE id = ?")
                .params(assignDue, responseDue, resolutionDue, appealId).update();
    }

    private static OffsetDateTime minus(OffsetDateTime t, Duration by) {
        return t == null ? null : t.minus(by);
    }

    void insertCluster(Cluster c) {
        jdbc.sql("""
                INSERT INTO appeal_cluster (id, region_code, category, title, task_force, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.regionCode(), c.category().name(), c.title(), c.taskForce(), c.status(), c.createdBy(),
                        c.createdAt())
                .update();
    }

    Optional<Cluster> cluster(String id) {
        return jdbc.sql("""
                SELECT id, region_code, category, title, task_force, status, result, created_by, created_at, resolved_by, resolved_at
                FROM appeal_cluster WHERE id = ?""")
                .param(id)
                .query((rs, i) -> new Cluster(rs.getString(1), rs.getString(2), AppealCategory.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), time(rs, 9),
                        rs.getString(10), time(rs, 11)))
                .optional();
    }

    /** Marks an open cluster resolved; false when it was not open any more. */
    boolean resolveCluster(String id, String result, String by, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE appeal_cluster SET status = 'RESOLVED', result = ?, resolved_by = ?, resolved_at = ?
                WHERE id = ? AND status = 'OPEN'""")
                .params(result, by, at, id).update() == 1;
    }

    List<Cluster> openClusters(String regionCode) {
        return jdbc.sql("""
                SELECT id, region_code, category, title, task_force, status, result, created_by, created_at, resolved_by, resolved_at
                FROM appeal_cluster WHERE region_code = ? AND status = 'OPEN' ORDER BY created_at DESC""")
                .param(regionCode)
                .query((rs, i) -> new Cluster(rs.getString(1), rs.getString(2), AppealCategory.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), time(rs, 9),
                        rs.getString(10), time(rs, 11)))
                .list();
    }

    static OffsetDateTime time(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime();
    }

    static OffsetDateTime time(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime();
    }

    static AppealRow row(ResultSet rs, int i) throws SQLException {
        int due = rs.getInt("due_days");
        Integer dueDays = rs.wasNull() ? null : due;
        return new AppealRow(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("sector"), AppealCategory.valueOf(rs.getString("category")),
                rs.getString("title"), rs.getString("description"), Urgency.valueOf(rs.getString("urgency")),
                rs.getBoolean("major"), AppealStatus.valueOf(rs.getString("status")), rs.getString("filed_by"),
                rs.getString("filed_by_role"), time(rs, "filed_at"), rs.getString("handler_region_code"),
                rs.getString("department_code"), rs.getString("assigned_region_code"), rs.getString("cluster_id"),
                dueDays, time(rs, "assign_due_at"), time(rs, "response_due_at"), time(rs, "resolution_due_at"),
                time(rs, "assigned_at"), time(rs, "accepted_at"), time(rs, "resolved_at"), time(rs, "closed_at"),
                rs.getString("result"), rs.getInt("reopen_count"), rs.getInt("escalation_count"), rs.getInt("version"));
    }
}
