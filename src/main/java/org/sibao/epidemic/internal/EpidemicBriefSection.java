package org.sibao.epidemic.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sibao.epidemic.EpidemicFigures;
import org.sibao.identity.DataScope;
import org.sibao.platform.Messages;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.tasking.FigureRow;
import org.sibao.tasking.FigureSection;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.WeeklyFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The epidemic watch in the weekly dispatch brief (周调度简报, SPEC §6 "alerts"): sentinel alerts opened in the week
 * by type, alerts still open, incidents, regions in emergency and the on-time testing rate, for the region and
 * everything under it. Reports are zh-CN documents: labels come from the Chinese bundle.
 */
@Component
class EpidemicBriefSection implements WeeklyFigures {

    private record TypeCounts(String type, long opened, long stillOpen) {
    }

    private final JdbcClient jdbc;
    private final EmergencyService modes;
    private final EpidemicFigures figures;
    private final Messages messages;
    private final RegionService regions;

    EpidemicBriefSection(JdbcClient jdbc, EmergencyService modes, EpidemicFigures figures, Messages messages,
            RegionService regions) {
        this.jdbc = jdbc;
        this.modes = modes;
        this.figures = figures;
        this.messages = messages;
        this.regions = regions;
    }

    @Override
    public List<FigureSection> weeklySections(String regionCode, IsoWeek week) {
        String like = Region.prefixOf(regionCode) + "%";
        // one pass over the region's alerts: opened in the week by type, and still open
        Map<String, Long> opened = new HashMap<>();
        long stillOpen = 0;
        for (TypeCounts c : jdbc.sql("SELECT type, SUM(CASE WHEN opened_at >= ? AND opened_at < ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status IN ('OPEN', 'ACKNOWLEDGED') THEN 1 ELSE 0 END)"
                + " FROM epi_alert WHERE region_code LIKE ? GROUP BY type").params(week.start(), week.end(), like)
                .query((rs, n) -> new TypeCounts(rs.getString(1), rs.getLong(2), rs.getLong(3))).list()) {
            opened.put(c.type(), c.opened());
            stillOpen += c.stillOpen();
        }
        long[] incidents = jdbc.sql("SELECT COALESCE(SUM(CASE WHEN opened_at >= ? AND opened_at < ? THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN status IN (" + IncidentService.ACTIVE_STATUSES + ") THEN 1 ELSE 0 END), 0)"
                + " FROM epi_incident WHERE region_code LIKE ?").params(week.start(), week.end(), like)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<String> emergency = modes.regionsInEmergency(Region.prefixOf(regionCode));
        EpidemicFigures.Figures f = figures.figures(DataScope.ofRegion(regionCode));

        List<String> byType = new ArrayList<>();
        for (AlertType type : AlertType.values()) {
            long n = opened.getOrDefault(type.name(), 0L);
            if (n > 0) {
                byType.add(zh("enum.AlertType." + type.name()) + " " + n);
            }
        }
        long total = opened.values().stream().mapToLong(Long::longValue).sum();
        Map<String, String> names = regions.names(emergency);
        List<FigureRow> rows = new ArrayList<>();
        rows.add(new FigureRow("本周新增电子哨预警", String.valueOf(total), byType.isEmpty() ? null : String.join("，", byType)));
        rows.add(FigureRow.of("尚未处置完毕的预警", stillOpen));
        rows.add(new FigureRow("本周新增应急处置事件 / 处置中", incidents[0] + " / " + incidents[1], null));
        rows.add(new FigureRow("处于应急状态（平急转换）的地区", String.valueOf(emergency.size()), emergency.isEmpty() ? null
                : String.join("、", emergency.stream().map(c -> names.getOrDefault(c, c)).toList())));
        rows.add(new FigureRow("核酸检测按时率", org.sibao.platform.web.Percent.format(f.onTimeTestingRate(), f.watched()),
                "在册员工 " + f.watched() + " 人，按时 " + f.onTime() + " 人"));
        return List.of(new FigureSection("epidemic.figures", 300, "疫情防控（电子哨预警）", rows));
    }

    private String zh(String key) {
        return messages.get(Locale.SIMPLIFIED_CHINESE, key);
    }
}
