package org.sibao.production.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sibao.identity.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the weekly reports. Every read that lists subjects takes the caller's scope as a {@link SqlFilter}. */
@Repository
class ProductionRepository {

    /** A stored report, the figures only. */
    record Row(String id, String enterpriseId, String regionCode, String sector, String week, String prevWeek,
            BigDecimal outputValue, BigDecimal utilisation, int staffOnDuty, BigDecimal ordersOnHand,
            int materialDays, OperatingState state, String submittedBy, OffsetDateTime submittedAt, int revision) {
    }

    /** The figures of one county and sector for a week and the week before (ACTIVE subjects only). */
    record Cell(String regionCode, String sector, long expected, long received, BigDecimal output,
            BigDecimal utilisationSum, BigDecimal previousOutput, BigDecimal pairedOutput,
            BigDecimal pairedPreviousOutput, long drops, Map<OperatingState, Long> byState) {
    }

    /** The week's reports counted by operating state, one column per state (in {@link OperatingState} order). */
    private static final String STATE_COUNTS = java.util.Arrays.stream(OperatingState.values())
            .map(st -> "SUM(CASE WHEN r.operating_state = '" + st.name() + "' THEN 1 ELSE 0 END)")
            .collect(java.util.stream.Collectors.joining(", "));

    /** A subject in a summary list: a missing report or a drop. */
    record Listed(String enterpriseId, String name, String regionCode, String sector, BigDecimal outputValue,
            BigDecimal previousOutputValue) {
    }

    private static final String COLUMNS = "r.id, r.enterprise_id, r.region_code, r.sector, r.iso_week, r.prev_week,"
            + " r.output_value, r.utilisation, r.staff_on_duty, r.orders_on_hand, r.material_days, r.operating_state,"
            + " r.submitted_by, r.submitted_at, r.revision";

    /** A drop: more than 20 % below the same subject's previous-week report. */
    static final String DROP = "p.output_value > 0 AND r.output_value < p.output_value * 0.8";

    private final JdbcClient jdbc;

    ProductionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String enterpriseId, String week) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM production_report r WHERE r.enterprise_id = ? AND r.iso_week = ?")
                .params(enterpriseId, week).query(ProductionRepository::row).optional();
    }

    void insert(Row r) {
        jdbc.sql("""
                INSERT INTO production_report (id, enterprise_id, region_code, sector, iso_week, prev_week, output_value,
                    utilisation, staff_on_duty, orders_on_hand, material_days, operating_state, submitted_by,
                    submitted_at, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.enterpriseId(), r.regionCode(), r.sector(), r.week(), r.prevWeek(), r.outputValue(),
                        r.utilisation(), r.staffOnDuty(), r.ordersOnHand(), r.materialDays(), r.state().name(),
                        r.submittedBy(), r.submittedAt(), r.revision())
                .update();
    }

    /** Replaces the figures of a stored report if nobody replaced it meanwhile. */
    boolean update(Row r) {
        return jdbc.sql("""
                UPDATE production_report SET output_value = ?, utilisation = ?, staff_on_duty = ?, orders_on_hand = ?,
                    material_days = ?, operating_state = ?, submitted_by = ?, submitted_at = ?, revision = ?
                WHERE id = ? AND revision = ?""")
                .params(r.outputValue(), r.utilisation(), r.staffOnDuty(), r.ordersOnHand(), r.materialDays(),
                        r.state().name(), r.submittedBy(), r.submittedAt(), r.revision(), r.id(), r.revision() - 1)
                .update() == 1;
    }

    List<ProductionReport.Problem> problems(String reportId) {
        return jdbc.sql("SELECT text, appeal_id FROM production_problem WHERE report_id = ? ORDER BY line_no")
                .param(reportId).query((rs, n) -> new ProductionReport.Problem(rs.getString(1), rs.getString(2)))
                .list();
    }

    void replaceProblems(String reportId, List<ProductionReport.Problem> problems) {
        jdbc.sql("DELETE FROM production_problem WHERE report_id = ?").param(reportId).update();
        for (int i = 0; i < problems.size(); i++) {
            jdbc.sql("INSERT INTO production_problem (report_id, line_no, text, appeal_id) VALUES (?, ?, ?, ?)")
                    .params(reportId, i + 1, problems.get(i).text(), problems.get(i).appealId()).update();
        }
    }

    /** A subject's reports, newest week first, with the previous week's output value and the problems. */
    List<ProductionReport> history(String enterpriseId, String enterpriseName, int limit) {
        Map<String, List<ProductionReport.Problem>> problems = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT pp.report_id, pp.text, pp.appeal_id FROM production_problem pp
                JOIN production_report r ON r.id = pp.report_id WHERE r.enterprise_id = ? ORDER BY pp.line_no""")
                .param(enterpriseId).query((ResultSet rs) -> {
                    problems.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ProductionReport.Problem(rs.getString(2), rs.getString(3)));
                });
        return jdbc.sql("SELECT " + COLUMNS + ", p.output_value AS prev_output FROM production_report r"
                + " LEFT JOIN production_report p ON p.enterprise_id = r.enterprise_id AND p.iso_week = r.prev_week"
                + " WHERE r.enterprise_id = ? ORDER BY r.iso_week DESC LIMIT ?")
                .params(enterpriseId, limit)
                .query((rs, n) -> ProductionService.view(row(rs, n), enterpriseName,
                        problems.getOrDefault(rs.getString("id"), List.of()), rs.getBigDecimal("prev_output")))
                .list();
    }

    /**
     * Which subjects count for a week, over {@code s} (the subject table): once the week's reminders have fixed its
     * roll, those on the roll and any other that reported for the week all the same ({@code report}, the alias of
     * the week's report in the query, or null where there is none); before that (the current week) those ACTIVE now.
     * Adds its two parameters.
     */
    private static String expected(String week, String report, List<Object> params) {
        // decided in the statement itself (the run's EXISTS is evaluated once), not by a query of its own
        params.add(week);
        params.add(week);
        String onRoll = "EXISTS (SELECT 1 FROM production_roll o WHERE o.iso_week = ? AND o.enterprise_id = s.id)";
        return "(CASE WHEN EXISTS (SELECT 1 FROM production_reminder_run w WHERE w.iso_week = ?) THEN ("
                + (report == null ? onRoll : onRoll + " OR " + report + ".id IS NOT NULL")
                + ") ELSE s.whitelist_status = 'ACTIVE' END)";
    }

    /** Fixes the roll of a week: the subjects ACTIVE now (run with the week's reminders, once). */
    int fixRoll(String week) {
        return jdbc.sql("""
                INSERT INTO production_roll (iso_week, enterprise_id)
                SELECT ?, s.id FROM subject s WHERE s.whitelist_status = 'ACTIVE'
                  AND NOT EXISTS (SELECT 1 FROM production_roll o WHERE o.iso_week = ? AND o.enterprise_id = s.id)""")
                .params(week, week).update();
    }

    /**
     * The week's figures per county and sector of the subjects owing a report under a region prefix within a scope (over
     * {@code s}, the subject table), with the week before for comparison.
     */
    List<Cell> cells(String regionPrefix, SqlFilter scope, String week, String previousWeek) {
        List<Object> params = new ArrayList<>(List.of(week, previousWeek, regionPrefix + "%"));
        params.addAll(scope.params());
        String expected = expected(week, "r", params);
        return jdbc.sql("""
                SELECT s.region_code, s.sector, COUNT(*) AS expected, COUNT(r.id) AS received,
                    COALESCE(SUM(r.output_value), 0) AS output, COALESCE(SUM(r.utilisation), 0) AS util_sum,
                    COALESCE(SUM(p.output_value), 0) AS prev_output,
                    COALESCE(SUM(CASE WHEN r.id IS NOT NULL AND p.id IS NOT NULL THEN r.output_value END), 0) AS paired,
                    COALESCE(SUM(CASE WHEN r.id IS NOT NULL AND p.id IS NOT NULL THEN p.output_value END), 0)
                        AS paired_prev,
                    SUM(CASE WHEN r.id IS NOT NULL AND %s THEN 1 ELSE 0 END) AS drops, %s
                FROM subject s
                LEFT JOIN production_report r ON r.enterprise_id = s.id AND r.iso_week = ?
                LEFT JOIN production_report p ON p.enterprise_id = s.id AND p.iso_week = ?
                WHERE s.region_code LIKE ? AND (%s) AND %s
                GROUP BY s.region_code, s.sector""".formatted(DROP, STATE_COUNTS, scope.sql(), expected))
                .params(params)
                .query((rs, n) -> {
                    Map<OperatingState, Long> byState = new java.util.EnumMap<>(OperatingState.class);
                    for (OperatingState st : OperatingState.values()) {
                        byState.put(st, rs.getLong(11 + st.ordinal()));
                    }
                    return new Cell(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5),
                            rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                            rs.getLong(10), byState);
                })
                .list();
    }

    /** Subjects owing a report under a region prefix within a scope without one for the week, by region and name. */
    List<Listed> missing(String regionPrefix, SqlFilter scope, String week, int limit) {
        List<Object> params = new ArrayList<>(List.of(regionPrefix + "%"));
        params.addAll(scope.params());
        String expected = expected(week, null, params);
        params.add(week);
        params.add(limit);
        return jdbc.sql("""
                SELECT s.id, s.name, s.region_code, s.sector FROM subject s
                WHERE s.region_code LIKE ? AND (%s) AND %s
                  AND NOT EXISTS (SELECT 1 FROM production_report r WHERE r.enterprise_id = s.id AND r.iso_week = ?)
                ORDER BY s.region_code, s.name, s.id LIMIT ?""".formatted(scope.sql(), expected))
                .params(params)
                .query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), null,
                        null))
                .list();
    }

    /** Reports of the week more than 20 % below the subject's previous week, largest fall first. */
    List<Listed> drops(String regionPrefix, SqlFilter scope, String week, int limit) {
        List<Object> params = new ArrayList<>(List.of(week, regionPrefix + "%"));
        params.addAll(scope.params());
        String expected = expected(week, "r", params);
        params.add(limit);
        return jdbc.sql("""
                SELECT s.id, s.name, s.region_code, s.sector, r.output_value, p.output_value FROM production_report r
                JOIN subject s ON s.id = r.enterprise_id
                JOIN production_report p ON p.enterprise_id = r.enterprise_id AND p.iso_week = r.prev_week
                WHERE r.iso_week = ? AND s.region_code LIKE ? AND (%s) AND %s AND %s
                ORDER BY r.output_value / p.output_value, s.id LIMIT ?""".formatted(scope.sql(), expected, DROP))
                .params(params)
                .query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
    }

    /** ACTIVE subjects within a scope (a liaison's enterprises), by name. */
    List<Listed> activeSubjects(SqlFilter scope, int limit) {
        List<Object> params = new ArrayList<>(scope.params());
        params.add(limit);
        return jdbc.sql("SELECT s.id, s.name, s.region_code, s.sector FROM subject s WHERE s.whitelist_status = 'ACTIVE'"
                + " AND (" + scope.sql() + ") ORDER BY s.name, s.id LIMIT ?").params(params)
                .query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), null,
                        null))
                .list();
    }

    /** Claims the reminder run of a week; false when it already ran. */
    boolean claimReminder(String week, OffsetDateTime now) {
        return jdbc.sql("""
                INSERT INTO production_reminder_run (iso_week, ran_at)
                SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM production_reminder_run WHERE iso_week = ?)""")
                .params(week, now, week).update() == 1;
    }

    boolean anyReport() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM production_report LIMIT 1) x").query(Long.class)
                .single() > 0;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("region_code"),
                rs.getString("sector"), rs.getString("iso_week"), rs.getString("prev_week"),
                rs.getBigDecimal("output_value"), rs.getBigDecimal("utilisation"), rs.getInt("staff_on_duty"),
                rs.getBigDecimal("orders_on_hand"), rs.getInt("material_days"),
                OperatingState.valueOf(rs.getString("operating_state")), rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getInt("revision"));
    }
}
