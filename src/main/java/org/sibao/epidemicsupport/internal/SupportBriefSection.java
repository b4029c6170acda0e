package org.sibao.epidemicsupport.internal;

import java.util.List;

import org.sibao.identity.DataScope;
import org.sibao.platform.web.Percent;
import org.sibao.region.Region;
import org.sibao.region.TaskForce;
import org.sibao.tasking.FigureRow;
import org.sibao.tasking.FigureSection;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.WeeklyFigures;
import org.springframework.stereotype.Component;

/**
 * 防疫保障 in the weekly dispatch brief, as of its generation: how many ACTIVE whitelist subjects of the region have
 * professional epidemic staff and a partner medical institution (确保全覆盖), and the region's task forces still
 * without an epidemic-prevention expert.
 */
@Component
class SupportBriefSection implements WeeklyFigures {

    private final SupportRepository repository;

    SupportBriefSection(SupportRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<FigureSection> weeklySections(String regionCode, IsoWeek week) {
        // active, with staff, with an institution, covered (the coverage board's counts, everything in the region)
        long[] c = repository.counts(Region.prefixOf(regionCode), null,
                DataScope.system().subjects("s.region_code", "s.sector", "s.id"));
        long experts = repository.experts(regionCode).size();
        int taskForces = TaskForce.values().length;
        List<FigureRow> rows = List.of(
                new FigureRow("防疫保障全覆盖率", Percent.format(c[0] == 0 ? null : (double) c[3] / c[0], c[0]), "已全覆盖 " + c[3] + " 家，白名单在列 " + c[0] + " 家"),
                FigureRow.of("未配备专业防疫人员的企业", c[0] - c[1]),
                FigureRow.of("未结对帮扶医疗卫生机构的企业", c[0] - c[2]),
                new FigureRow("本级工作专班未配备疫情防控专家", String.valueOf(taskForces - experts), "共 " + taskForces + " 个专班"));
        return List.of(new FigureSection("epidemicsupport.figures", 350, "防疫保障（确保全覆盖）", rows));
    }
}
