package org.sibao.appeal.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.sibao.appeal.AppealMetrics;
import org.sibao.appeal.Appeals;
import org.sibao.identity.DataScope;
import org.sibao.platform.BusinessClock;
import org.sibao.region.Region;
import org.sibao.tasking.FigureRow;
import org.sibao.tasking.FigureSection;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.SupervisionItem;
import org.sibao.tasking.SupervisionItems;
import org.sibao.tasking.SupervisionKind;
import org.sibao.tasking.WeeklyFigures;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The appeals' part of the weekly dispatch brief (opened, closed, overdue, the three rates of SPEC §5) and of
 * the Friday supervision report (appeals overdue now, reopened or rated unsatisfied during the week), for a
 * region and everything under it. Reports are official documents kept in Chinese.
 */
@Component
class AppealReportSections implements WeeklyFigures, SupervisionItems {

    private static final int MAX_ITEMS_PER_KIND = 200;

    private final JdbcClient jdbc;
    private final Appeals appeals;
    private final BusinessClock clock;

    AppealReportSections(JdbcClient jdbc, Appeals appeals, BusinessClock clock) {
        this.jdbc = jdbc;
        this.appeals = appeals;
        this.clock = clock;
    }

    @Override
    public List<FigureSection> weeklySections(String regionCode, IsoWeek week) {
        String prefix = Region.prefixOf(regionCode) + "%";
        long opened = count("SELECT COUNT(*) FROM appeal a WHERE a.region_code LIKE ? AND a.filed_at >= ? AND a.filed_at < ?",
                prefix, week.start(), week.end());
        long closed = count("SELECT COUNT(*) FROM appeal a WHERE a.region_code LIKE ? AND a.closed_at >= ? AND a.closed_at < ?",
                prefix, week.start(), week.end());
        OffsetDateTime now = clock.nowOffset();
        long open = count("SELECT COUNT(*) FROM appeal a WHERE a.region_code LIKE ? AND " + AppealSql.OPEN, prefix);
        long overdue = count("SELECT COUNT(*) FROM appeal a WHERE a.region_code LIKE ? AND " + AppealSql.OVERDUE,
                prefix, now, now, now);
        LocalDate from = week.monday();
        LocalDate to = week.sunday();
        AppealMetrics m = appeals.metrics(DataScope.system(), regionCode, from, to);
        List<FigureRow> rows = List.of(
                FigureRow.of("本周新增诉求", opened + " 件"),
                FigureRow.of("本周销号", closed + " 件"),
                FigureRow.of("在办诉求", open + " 件"),
                new FigureRow("超期未办", overdue + " 件", overdue > 0 ? "已提醒责任单位并抄送督办督查组" : null),
                new FigureRow("响应率", percent(m.responseRate(), m.assigned()), m.respondedOnTime() + " / " + m.assigned() + " 件按时响应"),
                new FigureRow("解决率", percent(m.resolutionRate(), m.callbacks()), m.solved() + " / " + m.callbacks() + " 次回访表示已解决"),
                new FigureRow("满意率", percent(m.satisfactionRate(), m.callbacks()), m.satisfied() + " / " + m.callbacks() + " 次回访满意或基本满意"));
        return List.of(new FigureSection("appeal.figures", 200, "企业诉求办理", rows));
    }

    @Override
    public List<SupervisionItem> supervisionItems(String regionCode, IsoWeek week) {
        String prefix = Region.prefixOf(regionCode) + "%";
        OffsetDateTime now = clock.nowOffset();
        List<SupervisionItem> items = new ArrayList<>();
        items.addAll(jdbc.sql("""
                SELECT a.id, a.title, a.enterprise_name, a.department_code,
                       COALESCE(a.assigned_region_code, a.handler_region_code),
                       """ + AppealSql.MISSED_DUE + """

                FROM appeal a WHERE a.region_code LIKE ? AND """ + AppealSql.OVERDUE + " ORDER BY a.filed_at LIMIT ?")
                .params(now, prefix, now, now, now, MAX_ITEMS_PER_KIND)
                .query(item(SupervisionKind.OVERDUE))
                .list());
        items.addAll(jdbc.sql("""
                SELECT a.id, a.title, a.enterprise_name, a.department_code,
                       COALESCE(a.assigned_region_code, a.handler_region_code), MAX(h.at)
                FROM appeal a JOIN appeal_history h ON h.appeal_id = a.id
                WHERE a.region_code LIKE ? AND h.to_status = 'REOPENED' AND h.at >= ? AND h.at < ?
                GROUP BY a.id, a.title, a.enterprise_name, a.department_code, a.assigned_region_code, a.handler_region_code
                ORDER BY MAX(h.at) LIMIT ?""")
                .params(prefix, week.start(), week.end(), MAX_ITEMS_PER_KIND)
                .query(item(SupervisionKind.REOPENED))
                .list());
        items.addAll(jdbc.sql("""
                SELECT a.id, a.title, a.enterprise_name, a.department_code,
                       COALESCE(a.assigned_region_code, a.handler_region_code), MAX(c.at)
                FROM appeal a JOIN appeal_callback c ON c.appeal_id = a.id
                WHERE a.region_code LIKE ? AND c.satisfaction = 'UNSATISFIED' AND c.at >= ? AND c.at < ?
                GROUP BY a.id, a.title, a.enterprise_name, a.department_code, a.assigned_region_code, a.handler_region_code
                ORDER BY MAX(c.at) LIMIT ?""")
                .params(prefix, week.start(), week.end(), MAX_ITEMS_PER_KIND)
                .query(item(SupervisionKind.UNSATISFIED))
                .list());
        return items;
    }

    /** A supervision item of this kind from columns id, title, enterprise, department, region, since. */
    private static RowMapper<SupervisionItem> item(SupervisionKind kind) {
        return (rs, i) -> {
            String id = rs.getString(1);
            return new SupervisionItem("appeal", id, "诉求：" + rs.getString(2) + "（" + rs.getString(3) + "）",
                    rs.getString(4), rs.getString(5), kind, rs.getObject(6, OffsetDateTime.class), "/appeals/" + id);
        };
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** A rate as a percentage, or "—" when nothing was counted (0 ÷ 0 is no rate, not 0 %). */
    private static String percent(double rate, long denominator) {
        return org.sibao.platform.web.Percent.format(rate, denominator);
    }
}
