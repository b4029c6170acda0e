package org.sibao.production.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.identity.DataScope;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.tasking.FigureRow;
import org.sibao.tasking.FigureSection;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.WeeklyFigures;
import org.springframework.stereotype.Component;

/** The production figures of the week in the weekly dispatch brief (周调度简报), the meeting they are collected for. */
@Component
class ProductionBriefSection implements WeeklyFigures {

    private static final int MAX_NAMED = 10;

    private final ProductionSummary summary;
    private final RegionService regions;

    ProductionBriefSection(ProductionSummary summary, RegionService regions) {
        this.summary = summary;
        this.regions = regions;
    }

    @Override
    public List<FigureSection> weeklySections(String regionCode, IsoWeek week) {
        Region region = regions.get(regionCode);
        ProductionSummary.Summary s = summary.summary(region,
                DataScope.system().subjects("s.region_code", "s.sector", "s.id"), week);
        ProductionSummary.Figures f = s.total();
        List<FigureRow> rows = new ArrayList<>();
        rows.add(new FigureRow("生产周报已报 / 应报", f.received() + " / " + f.expected(),
                f.missing() > 0 ? "未报 " + f.missing() + " 家" : null));
        rows.add(FigureRow.of("本周产值（万元）", f.outputValue().toPlainString()));
        rows.add(FigureRow.of("产值环比", f.changePercent() == null ? "—" : f.changePercent() + "%"));
        rows.add(FigureRow.of("生产指数", f.index() == null ? "—" : f.index().toPlainString()));
        rows.add(FigureRow.of("平均产能利用率", f.averageUtilisation() == null ? "—" : f.averageUtilisation() + "%"));
        List<String> names = s.drops().stream().limit(MAX_NAMED).map(ProductionSummary.Entry::name).toList();
        rows.add(new FigureRow("产值环比下降超过20%的企业", String.valueOf(f.drops()),
                names.isEmpty() ? null : String.join("、", names)));
        return List.of(new FigureSection("production.figures", 400, "生产经营（周调度）", rows));
    }
}
