package org.sibao.visit.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.identity.DataScope;
import org.sibao.platform.BusinessClock;
import org.sibao.region.Region;
import org.sibao.tasking.FigureRow;
import org.sibao.tasking.FigureSection;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.WeeklyFigures;
import org.springframework.stereotype.Component;

/**
 * The liaisons' visits (包保走访) in the weekly dispatch brief: visits in the week (by how many liaisons, to how many
 * enterprises, problems filed from them), and the duty board as of now — ACTIVE whitelist subjects without a
 * liaison (未包联) and those not visited in the follow-up days (超期未走访).
 */
@Component
class VisitBriefSection implements WeeklyFigures {

    private final VisitRepository repository;
    private final BusinessClock clock;

    VisitBriefSection(VisitRepository repository, BusinessClock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public List<FigureSection> weeklySections(String regionCode, IsoWeek week) {
        String prefix = Region.prefixOf(regionCode);
        long[] visits = repository.visitFigures(prefix, week.monday(), week.sunday());
        // active, no liaison, overdue, followed up (the duty board's counts, everything in the region)
        long[] duty = repository.counts(prefix, DataScope.system().subjects("s.region_code", "s.sector", "s.id"), true,
                VisitService.cutOff(clock.today()));
        List<FigureRow> rows = new ArrayList<>();
        rows.add(new FigureRow("本周走访次数", String.valueOf(visits[0]),
                "包保干部 " + visits[1] + " 人，走访企业 " + visits[2] + " 家，发现问题转诉求 " + visits[3] + " 件"));
        rows.add(new FigureRow("白名单在列企业 / 已包联", duty[0] + " / " + (duty[0] - duty[1]), null));
        rows.add(FigureRow.of("未包联企业", duty[1]));
        rows.add(new FigureRow("超期未走访企业", String.valueOf(duty[2]),
                VisitService.FOLLOW_UP_DAYS + " 天内无走访记录（截至生成时）"));
        return List.of(new FigureSection("visit.figures", 450, "包保走访（万人助万企）", rows));
    }
}
