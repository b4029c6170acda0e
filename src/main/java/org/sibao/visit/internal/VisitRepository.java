package org.sibao.visit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sibao.identity.SqlFilter;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the visits and the duty board. Every read that lists subjects or visits takes the caller's scope as a
 * {@link SqlFilter} over the subject ({@code s}) or the visit ({@code v}).
 */
@Repository
class VisitRepository {

    /** A visit as stored. */
    record Row(String id, String enterpriseId, String regionCode, String sector, LocalDate visitedOn,
            VisitMethod method, String findings, String appealId, String visitedBy, String visitorName,
            OffsetDateTime createdAt) {
    }

    private static final String COLUMNS = "v.id, v.enterprise_id, v.region_code, v.sector, v.visited_on, v.method, "
            + "v.findings, v.appeal_id, v.visited_by, v.visitor_name, v.created_at";

    /**
     * The ACTIVE whitelist subjects (or, for a liaison's own board, every subject in the scope) under a region prefix
     * within a scope, each with its number of enabled liaisons,
     * its latest visit and its status against the cut-off (the earliest visit date that still counts as followed
     * up). Parameters: cut-off, prefix, then the scope's.
     */
    private static final String BOARD = """
            SELECT b.*, CASE WHEN b.liaisons = 0 THEN 'NO_LIAISON'
                             WHEN b.last_visit IS NULL OR b.last_visit < ? THEN 'OVERDUE' ELSE 'OK' END AS status
            FROM (SELECT s.id, s.name, s.region_code, s.sector,
                         (SELECT COUNT(*) FROM liaison_assignment la JOIN app_user u ON u.id = la.user_id
                          WHERE la.enterprise_id = s.id AND u.role = 'LIAISON' AND u.enabled = TRUE) AS liaisons,
                         (SELECT MAX(x.visited_on) FROM liaison_visit x WHERE x.enterprise_id = s.id) AS last_visit
                  FROM subject s
                  WHERE %s AND s.region_code LIKE ? AND (%s)) b""";

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row r) {
        jdbc.sql("""
                INSERT INTO liaison_visit (id, enterprise_id, region_code, sector, visited_on, method, findings, appeal_id,
                    visited_by, visitor_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.enterpriseId(), r.regionCode(), r.sector(), r.visitedOn(), r.method().name(),
                        r.findings(), r.appealId(), r.visitedBy(), r.visitorName(), r.createdAt())
                .update();
    }

    /** The same visit sent before: same enterprise, date, method and findings by the same liaison. */
    Optional<Row> same(String enterpriseId, LocalDate on, VisitMethod method, String findings, String visitedBy) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM liaison_visit v WHERE v.enterprise_id = ? AND v.visited_on = ? "
                        + "AND v.method = ? AND v.findings = ? AND v.visited_by = ?")
                .params(enterpriseId, on, method.name(), findings, visitedBy).query(VisitRepository::row).optional();
    }

    /** An enterprise's visits, newest first. */
    PageResult<Row> ofEnterprise(String enterpriseId, PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM liaison_visit WHERE enterprise_id = ?").param(enterpriseId)
                .query(Long.class).single();
        List<Row> items = jdbc.sql("SELECT " + COLUMNS + " FROM liaison_visit v WHERE v.enterprise_id = ? "
                        + "ORDER BY v.visited_on DESC, v.created_at DESC, v.id LIMIT ? OFFSET ?")
                .params(enterpriseId, page.size(), page.offset()).query(VisitRepository::row).list();
        return page.result(items, total);
    }

    /** The duty board's rows, those in trouble first (no liaison, then the longest without a visit). */
    PageResult<DutyRow> board(String regionPrefix, SqlFilter scope, boolean activeOnly, LocalDate cutOff,
            LocalDate today, DutyStatus status, PageQuery page) {
        List<Object> params = boardParams(regionPrefix, scope, cutOff);
        String where = status == null ? "" : " WHERE d.status = ?";
        if (status != null) {
            params.add(status.name());
        }
        String from = " FROM (" + board(scope, activeOnly) + ") d" + where;
        long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        List<Object> listParams = new ArrayList<>(params);
        listParams.add(page.size());
        listParams.add(page.offset());
        List<DutyRow> rows = jdbc.sql("SELECT d.id, d.name, d.region_code, d.sector, d.last_visit, d.status" + from
                        + " ORDER BY CASE d.status WHEN 'NO_LIAISON' THEN 0 WHEN 'OVERDUE' THEN 1 ELSE 2 END,"
                        + " d.last_visit NULLS FIRST, d.region_code, d.name, d.id LIMIT ? OFFSET ?")
                .params(listParams)
                .query((rs, i) -> {
                    LocalDate last = rs.getObject(5, LocalDate.class);
                    return new DutyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of(),
                            last, last == null ? null : java.time.temporal.ChronoUnit.DAYS.between(last, today),
                            DutyStatus.valueOf(rs.getString(6)));
                }).list();
        Map<String, List<String>> names = liaisonNames(rows.stream().map(DutyRow::enterpriseId).toList());
        return page.result(rows.stream().map(r -> new DutyRow(r.enterpriseId(), r.name(), r.regionCode(), r.sector(),
                names.getOrDefault(r.enterpriseId(), List.of()), r.lastVisitOn(), r.daysSinceVisit(), r.status()))
                .toList(), total);
    }

    /** Counts per status over the board: {@code [active, noLiaison, overdue, ok]}. */
    long[] counts(String regionPrefix, SqlFilter scope, boolean activeOnly, LocalDate cutOff) {
        return jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN d.status = 'NO_LIAISON' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN d.status = 'OVERDUE' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN d.status = 'OK' THEN 1 ELSE 0 END) FROM (" + board(scope, activeOnly) + ") d")
                .params(boardParams(regionPrefix, scope, cutOff))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    /**
     * Visits from {@code first} to {@code last} (dates included) under a region prefix: how many, by how many
     * liaisons, to how many enterprises, and how many filed a problem as an appeal.
     */
    long[] visitFigures(String regionPrefix, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                SELECT COUNT(*), COUNT(DISTINCT visited_by), COUNT(DISTINCT enterprise_id),
                    COALESCE(SUM(CASE WHEN appeal_id IS NOT NULL THEN 1 ELSE 0 END), 0)
                FROM liaison_visit WHERE region_code LIKE ? AND visited_on >= ? AND visited_on <= ?""")
                .params(regionPrefix + "%", first, last)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    /** Visits on or after a date under a region prefix within a scope over the visit's subject. */
    long visitsSince(String regionPrefix, SqlFilter visitScope, LocalDate since) {
        List<Object> params = new ArrayList<>(List.of(since, regionPrefix + "%"));
        params.addAll(visitScope.params());
        return jdbc.sql("SELECT COUNT(*) FROM liaison_visit v WHERE v.visited_on >= ? AND v.region_code LIKE ? AND ("
                + visitScope.sql() + ")").params(params).query(Long.class).single();
    }

    /**
     * For each enabled liaison, its assigned ACTIVE whitelist subjects without a visit on or after the cut-off, by
     * name: the Monday follow-up reminder.
     */
    Map<String, List<String>> notFollowedUp(LocalDate cutOff) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT la.user_id, s.name FROM liaison_assignment la
                JOIN app_user u ON u.id = la.user_id AND u.role = 'LIAISON' AND u.enabled = TRUE
                JOIN subject s ON s.id = la.enterprise_id AND s.whitelist_status = 'ACTIVE'
                WHERE NOT EXISTS (SELECT 1 FROM liaison_visit v WHERE v.enterprise_id = s.id AND v.visited_on >= ?)
                ORDER BY la.user_id, s.name""")
                .param(cutOff)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    boolean anyVisit() {
        return jdbc.sql("SELECT COUNT(*) FROM liaison_visit").query(Long.class).single() > 0;
    }

    /** Display names of the enabled liaisons of each enterprise, by name. */
    private Map<String, List<String>> liaisonNames(Collection<String> enterpriseIds) {
        Map<String, List<String>> out = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return out;
        }
        String in = String.join(",", enterpriseIds.stream().map(x -> "?").toList());
        jdbc.sql("SELECT la.enterprise_id, u.display_name FROM liaison_assignment la JOIN app_user u ON u.id = la.user_id "
                        + "WHERE u.role = 'LIAISON' AND u.enabled = TRUE AND la.enterprise_id IN (" + in + ") "
                        + "ORDER BY u.display_name")
                .params(new ArrayList<Object>(enterpriseIds))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static String board(SqlFilter scope, boolean activeOnly) {
        return BOARD.formatted(activeOnly ? "s.whitelist_status = 'ACTIVE'" : "1 = 1", scope.sql());
    }

    private static List<Object> boardParams(String regionPrefix, SqlFilter scope, LocalDate cutOff) {
        List<Object> params = new ArrayList<>();
        params.add(cutOff);
        params.add(regionPrefix + "%");
        params.addAll(scope.params());
        return params;
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), VisitMethod.valueOf(rs.getString(6)), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class));
    }
}
