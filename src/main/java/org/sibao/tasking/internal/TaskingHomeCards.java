package org.sibao.tasking.internal;

import java.util.List;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.springframework.stereotype.Component;

/** "My open tasks" and "of them overdue" for the HQ office and department handlers. */
@Component
class TaskingHomeCards implements HomeCards {

    private final TaskService tasks;

    TaskingHomeCards(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<HomeCard> forCurrentUser() {
        CurrentUser u = CurrentUser.find().orElse(null);
        if (u == null || !u.is(Role.HQ_OFFICER, Role.DEPT_HANDLER, Role.SECTOR_OFFICER, Role.EPIDEMIC_OFFICER,
                Role.SUPERVISOR)) {
            return List.of();
        }
        long[] counts = tasks.myOpenAndOverdue(u);
        return List.of(
                new HomeCard(400, "home.card.tasking.open", String.valueOf(counts[0]), "/tasks?assignedToMe=true",
                        "home.card.tasking.open.hint"),
                new HomeCard(401, "home.card.tasking.overdue", String.valueOf(counts[1]),
                        "/tasks?assignedToMe=true&overdue=true", null));
    }
}
