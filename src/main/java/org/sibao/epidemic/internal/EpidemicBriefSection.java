package org.sibao.epidemic.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.epidemic.EpidemicFigures;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.region.Region;
import org.sibao.tasking.FigureRow;
import org.sibao.tasking.FigureSection;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.WeeklyFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The epidemic watch in the weekly dispatch brief (周调度简报, SPEC §6 "alerts"): sentinel alerts opened in the week
 * by type, alerts still open, incidents, regions in emergency and the on-time testing rate, for the region and
 * everything under it.
 */
@Component
class EpidemicBriefSection implements WeeklyFigures {

    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("TEST_OVERDUE", "核酸检测超期");
        TYPES.put("POSITIVE_RESULT", "检测阳性");
        TYPES.put("HEALTH_REPORT_MISSING", "未报日报");
        TYPES.put("ARRIVAL_UNREGISTERED", "来豫未报备");
        TYPES.put("SYMPTOM", "症状异常");
    }

    private final JdbcClient jdbc;
    private final EmergencyService modes;
    private final EpidemicFigures figures;

    EpidemicBriefSection(JdbcClient jdbc, EmergencyService modes, EpidemicFigures figures) {
        this.jdbc = jdbc;
        this.modes = modes;
        this.figures = figures;
    }

    @Override
    public List<FigureSection> weeklySections(String regionCode, IsoWeek week) {
        String like = Region.prefixOf(regionCode) + "%";
        Map<String, Long> opened = new LinkedHashMap<>();
        jdbc.sql("SELECT type, COUNT(*) FROM epi_alert WHERE region_code LIKE ? AND opened_at >= ? AND opened_at < ?"
                + " GROUP BY type").params(like, week.start(), week.end())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> opened.put(e.getKey(), e.getValue()));
        long stillOpen = jdbc.sql("SELECT COUNT(*) FROM epi_alert WHERE region_code LIKE ? AND status IN ('OPEN', 'ACKNOWLEDGED')")
                .param(like).query(Long.class).single();
        long incidentsOpened = jdbc.sql("SELECT COUNT(*) FROM epi_incident WHERE region_code LIKE ? AND opened_at >= ?"
                + " AND opened_at < ?").params(like, week.start(), week.end()).query(Long.class).single();
        long incidentsActive = jdbc.sql("SELECT COUNT(*) FROM epi_incident WHERE region_code LIKE ? AND status IN ("
                + IncidentService.ACTIVE_STATUSES + ")").param(like).query(Long.class).single();
        List<String> emergency = modes.regionsInEmergency(Region.prefixOf(regionCode));
        EpidemicFigures.Figures f = figures.figures(
                new DataScope(Role.HQ_OFFICER, Region.prefixOf(regionCode), null, null, null));

        List<FigureRow> rows = new ArrayList<>();
        long total = opened.values().stream().mapToLong(Long::longValue).sum();
        List<String> byType = new ArrayList<>();
        TYPES.forEach((type, label) -> {
            long n = opened.getOrDefault(type, 0L);
            if (n > 0) {
                byType.add(label + " " + n);
            }
        });
        rows.add(new FigureRow("本周新增电子哨预警", String.valueOf(total), byType.isEmpty() ? null : String.join("，", byType)));
        rows.add(FigureRow.of("尚未处置完毕的预警", stillOpen));
        rows.add(new FigureRow("本周新增应急处置事件 / 处置中", incidentsOpened + " / " + incidentsActive, null));
        rows.add(new FigureRow("处于应急状态（平急转换）的地区", String.valueOf(emergency.size()),
                emergency.isEmpty() ? null : String.join("、", emergency)));
        rows.add(new FigureRow("核酸检测按时率", f.watched() == 0 ? "—"
                : String.format(java.util.Locale.ROOT, "%.1f%%", f.onTimeTestingRate() * 100),
                "在册员工 " + f.watched() + " 人，按时 " + f.onTime() + " 人"));
        return List.of(new FigureSection("epidemic.figures", 300, "疫情防控（电子哨预警）", rows));
    }
}
