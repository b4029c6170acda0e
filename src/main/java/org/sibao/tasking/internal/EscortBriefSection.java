package org.sibao.tasking.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.escort.EscortFigures;
import org.sibao.region.Region;
import org.sibao.tasking.FigureRow;
import org.sibao.tasking.FigureSection;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.WeeklyFigures;
import org.springframework.stereotype.Component;

/**
 * 生产护航 in the weekly dispatch brief, from {@link EscortFigures} (here rather than in the escort module, which the
 * whitelist module this one reads already depends on): inspection requests of the week and those waiting now;
 * shutdown requests of the week, those waiting for the joint decision (会商), the subjects shut now by name, and
 * the shutdowns that ended in the week.
 */
@Component
class EscortBriefSection implements WeeklyFigures {

    /** Names of the subjects shut now listed in the brief, at most. */
    private static final int NAMES = 10;

    private final EscortFigures escort;

    EscortBriefSection(EscortFigures escort) {
        this.escort = escort;
    }

    @Override
    public List<FigureSection> weeklySections(String regionCode, IsoWeek week) {
        EscortFigures.Figures f = escort.figures(Region.prefixOf(regionCode), week.start(), week.end());
        List<String> shut = f.shutNow();
        List<FigureRow> rows = new ArrayList<>();
        rows.add(new FigureRow("本周涉企检查报备", String.valueOf(f.inspectionsFiled()), "仅报备（防疫、安全生产、检验检疫） "
                + f.inspectionsReported() + " 件；本周指挥部同意 " + f.inspectionsApproved() + " 件、不同意 "
                + f.inspectionsRefused() + " 件"));
        rows.add(FigureRow.of("待指挥部审批的检查申请", f.inspectionsPending()));
        rows.add(FigureRow.of("本周停产限产申请", f.shutdownsFiled()));
        rows.add(FigureRow.of("待会商决定的停产限产申请", f.shutdownsPending()));
        rows.add(new FigureRow("停产中的白名单企业", String.valueOf(shut.size()), shut.isEmpty() ? null
                : String.join("、", shut.subList(0, Math.min(NAMES, shut.size()))) + (shut.size() > NAMES ? " 等" : "")));
        rows.add(FigureRow.of("本周恢复生产（停产结束）", f.shutdownsEnded()));
        return List.of(new FigureSection("escort.figures", 250, "生产护航（涉企检查、停产限产）", rows));
    }
}
