package org.sibao.appeal.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.appeal.AppealMetrics;
import org.sibao.identity.SqlFilter;
import org.sibao.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The assessment figures (SPEC §5), set-based: a handful of GROUP BY statements per request whatever the number of
 * appeals, grouped by county or by department and rolled up in memory (a few hundred groups at most).
 *
 * <ul>
 * <li>assigned / respondedOnTime: appeals assigned in the period / of those accepted by the response deadline;</li>
 * <li>callbacks / solved / satisfied: call-backs recorded in the period / saying solved / (basically) satisfied;</li>
 * <li>closed / closedOnTime: closed in the period / resolved by the resolution deadline;</li>
 * <li>filed / reopened / escalated: filed in the period / reopened or escalated at least once;</li>
 * <li>overdueOpen: open appeals past a deadline now (not bound to the period).</li>
 * </ul>
 */
@Component
class AppealMetricsQuery {

    /** Counts of one group. */
    static final class Counts {
        long filed;
        long reopened;
        long escalated;
        long assigned;
        long respondedOnTime;
        long resolved;
        long callbacks;
        long solved;
        long satisfied;
        long closed;
        long closedOnTime;
        long overdueOpen;

        void add(Counts o) {
            filed += o.filed;
            reopened += o.reopened;
            escalated += o.escalated;
            assigned += o.assigned;
            respondedOnTime += o.respondedOnTime;
            resolved += o.resolved;
            callbacks += o.callbacks;
            solved += o.solved;
            satisfied += o.satisfied;
            closed += o.closed;
            closedOnTime += o.closedOnTime;
            overdueOpen += o.overdueOpen;
        }

        AppealMetrics metrics() {
            return new AppealMetrics(assigned, respondedOnTime, AppealMetrics.rate(respondedOnTime, assigned), callbacks,
                    solved, AppealMetrics.rate(solved, callbacks), satisfied, AppealMetrics.rate(satisfied, callbacks),
                    overdueOpen);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            AppealMetrics x = metrics();
            m.put("assigned", x.assigned());
            m.put("respondedOnTime", x.respondedOnTime());
            m.put("responseRate", x.responseRate());
            m.put("callbacks", x.callbacks());
            m.put("solved", x.solved());
            m.put("resolutionRate", x.resolutionRate());
            m.put("satisfied", x.satisfied());
            m.put("satisfactionRate", x.satisfactionRate());
            m.put("overdueOpen", x.overdueOpen());
            m.put("filed", filed);
            m.put("resolved", resolved);
            m.put("closed", closed);
            m.put("closedOnTime", closedOnTime);
            m.put("onTimeClosureRate", AppealMetrics.rate(closedOnTime, closed));
            m.put("reopenRate", AppealMetrics.rate(reopened, filed));
            m.put("escalationRate", AppealMetrics.rate(escalated, filed));
            return m;
        }
    }

    /** The period as half-open instants: [from 00:00, to + 1 day 00:00) in Asia/Shanghai. */
    record Period(OffsetDateTime start, OffsetDateTime end) {
        static Period of(LocalDate from, LocalDate to) {
            return new Period(from.atStartOfDay(BusinessClock.ZONE).toOffsetDateTime(),
                    to.plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime());
        }
    }

    private final JdbcClient jdbc;

    AppealMetricsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts per value of {@code groupColumn} ({@code a.region_code} or {@code a.department_code}, never input).
     * Rows without a group value are kept under the key {@code ""}.
     */
    Map<String, Counts> grouped(String groupColumn, SqlFilter where, Period p, OffsetDateTime now) {
        Map<String, Counts> out = new HashMap<>();
        String g = "COALESCE(" + groupColumn + ", '')";
        query("SELECT " + g + ", COUNT(*), SUM(CASE WHEN a.reopen_count > 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.escalation_count > 0 THEN 1 ELSE 0 END)"
                + " FROM appeal a WHERE " + where.sql() + " AND a.filed_at >= ? AND a.filed_at < ? GROUP BY " + g,
                params(where, p.start(), p.end()), out, (c, v) -> {
                    c.filed = v[0];
                    c.reopened = v[1];
                    c.escalated = v[2];
                });
        query("SELECT " + g + ", COUNT(*), SUM(CASE WHEN a.accepted_at IS NOT NULL AND a.accepted_at <= a.response_due_at THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.resolved_at IS NOT NULL THEN 1 ELSE 0 END)"
                + " FROM appeal a WHERE " + where.sql() + " AND a.assigned_at >= ? AND a.assigned_at < ? GROUP BY " + g,
                params(where, p.start(), p.end()), out, (c, v) -> {
                    c.assigned = v[0];
                    c.respondedOnTime = v[1];
                    c.resolved = v[2];
                });
        query("SELECT " + g + ", COUNT(*), SUM(CASE WHEN c.solved THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.satisfaction IN ('SATISFIED','BASICALLY_SATISFIED') THEN 1 ELSE 0 END)"
                + " FROM appeal_callback c JOIN appeal a ON a.id = c.appeal_id WHERE " + where.sql()
                + " AND c.at >= ? AND c.at < ? GROUP BY " + g,
                params(where, p.start(), p.end()), out, (c, v) -> {
                    c.callbacks = v[0];
                    c.solved = v[1];
                    c.satisfied = v[2];
                });
        query("SELECT " + g + ", COUNT(*), SUM(CASE WHEN a.resolved_at <= a.resolution_due_at THEN 1 ELSE 0 END)"
                + " FROM appeal a WHERE " + where.sql() + " AND a.status = 'CLOSED' AND a.closed_at >= ? AND a.closed_at < ?"
                + " GROUP BY " + g,
                params(where, p.start(), p.end()), out, (c, v) -> {
                    c.closed = v[0];
                    c.closedOnTime = v[1];
                });
        query("SELECT " + g + ", COUNT(*) FROM appeal a WHERE " + where.sql() + " AND " + AppealSql.OVERDUE + " GROUP BY " + g,
                params(where, now, now, now), out, (c, v) -> c.overdueOpen = v[0]);
        return out;
    }

    /** Median hours from assignment to acceptance (accepted in the period) and from filing to closure (closed in it). */
    Map<String, Double> medians(SqlFilter where, Period p) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("medianHoursToResponse", median("(EXTRACT(EPOCH FROM a.accepted_at) - EXTRACT(EPOCH FROM a.assigned_at)) / 3600.0",
                where.sql() + " AND a.assigned_at IS NOT NULL AND a.accepted_at >= ? AND a.accepted_at < ?",
                params(where, p.start(), p.end())));
        m.put("medianHoursToClose", median("(EXTRACT(EPOCH FROM a.closed_at) - EXTRACT(EPOCH FROM a.filed_at)) / 3600.0",
                where.sql() + " AND a.status = 'CLOSED' AND a.closed_at >= ? AND a.closed_at < ?",
                params(where, p.start(), p.end())));
        return m;
    }

    /** Appeals filed per category in the period, most first. */
    List<Map<String, Object>> topCategories(SqlFilter where, Period p, int limit) {
        List<Object> params = params(where, p.start(), p.end());
        params.add(limit);
        return jdbc.sql("SELECT a.category, COUNT(*) AS n FROM appeal a WHERE " + where.sql()
                + " AND a.filed_at >= ? AND a.filed_at < ? GROUP BY a.category ORDER BY n DESC, a.category LIMIT ?")
                .params(params)
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("category", rs.getString(1));
                    m.put("count", rs.getLong(2));
                    return m;
                }).list();
    }

    /** Per business day of the period: appeals filed and appeals resolved. */
    List<Map<String, Object>> trend(SqlFilter where, LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new long[2]);
        }
        Period p = Period.of(from, to);
        jdbc.sql("SELECT a.filed_on, COUNT(*) FROM appeal a WHERE " + where.sql()
                + " AND a.filed_at >= ? AND a.filed_at < ? GROUP BY a.filed_on")
                .params(params(where, p.start(), p.end()))
                .query(rs -> {
                    long[] v = days.get(rs.getObject(1, LocalDate.class));
                    if (v != null) {
                        v[0] = rs.getLong(2);
                    }
                });
        jdbc.sql("SELECT a.resolved_at FROM appeal a WHERE " + where.sql() + " AND a.resolved_at >= ? AND a.resolved_at < ?")
                .params(params(where, p.start(), p.end()))
                .query(rs -> {
                    long[] v = days.get(AppealRepository.time(rs, 1).toLocalDate());
                    if (v != null) {
                        v[1]++;
                    }
                });
        List<Map<String, Object>> out = new ArrayList<>();
        days.forEach((d, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", d.toString());
            m.put("filed", v[0]);
            m.put("resolved", v[1]);
            out.add(m);
        });
        return out;
    }

    private Double median(String expression, String whereSql, List<Object> params) {
        return jdbc.sql("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + expression + ") FROM appeal a WHERE " + whereSql)
                .params(params)
                .query((rs, i) -> {
                    double d = rs.getDouble(1);
                    return rs.wasNull() ? null : Math.round(d * 10) / 10.0;
                }).optional().orElse(null);
    }

    private interface Setter {
        void set(Counts c, long[] values);
    }

    private void query(String sql, List<Object> params, Map<String, Counts> out, Setter setter) {
        jdbc.sql(sql).params(params).query(rs -> {
            int n = rs.getMetaData().getColumnCount();
            long[] v = new long[n - 1];
            for (int i = 2; i <= n; i++) {
                v[i - 2] = rs.getLong(i);
            }
            setter.set(out.computeIfAbsent(rs.getString(1), k -> new Counts()), v);
        });
    }

    private static List<Object> params(SqlFilter where, Object... more) {
        List<Object> p = new ArrayList<>(where.params());
        p.addAll(List.of(more));
        return p;
    }
}
