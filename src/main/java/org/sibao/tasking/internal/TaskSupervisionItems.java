package org.sibao.tasking.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.identity.SqlFilter;
import org.sibao.platform.BusinessClock;
import org.sibao.region.Region;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.SupervisionItem;
import org.sibao.tasking.SupervisionItems;
import org.sibao.tasking.SupervisionKind;
import org.sibao.tasking.internal.TaskTypes.AssigneeKind;
import org.sibao.tasking.internal.TaskTypes.Assignment;
import org.sibao.tasking.internal.TaskTypes.Task;
import org.springframework.stereotype.Component;

/** Tasking's own Friday items: every open assignment past its task's deadline, by its responsible unit. */
@Component
class TaskSupervisionItems implements SupervisionItems {

    private final TaskService tasks;
    private final BusinessClock clock;

    TaskSupervisionItems(TaskService tasks, BusinessClock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public List<SupervisionItem> supervisionItems(String regionCode, IsoWeek week) {
        String prefix = Region.prefixOf(regionCode);
        List<SupervisionItem> items = new ArrayList<>();
        List<Task> late = tasks.forRegion(regionCode, new SqlFilter("t.status IN " + TaskRepository.OPEN_STATES
                + " AND t.deadline < ?", List.of(clock.nowOffset())));
        for (Task t : late) {
            for (Assignment a : t.assignments()) {
                if (a.overdue() && a.regionCode().startsWith(prefix)) {
                    items.add(new SupervisionItem("tasking", t.id(), t.title() + "（" + a.label() + "）",
                            a.kind() == AssigneeKind.DEPARTMENT ? a.code() : null, a.regionCode(),
                            SupervisionKind.OVERDUE, t.deadline(), TaskService.link(t.id())));
                }
            }
        }
        return items;
    }
}
