package org.sibao.tasking.internal;

import java.util.Set;

import org.sibao.identity.Role;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tasks for the officials who assign or handle them; reports for the HQ office and the supervisors. */
@Configuration(proxyBeanMethods = false)
class TaskingNavigation {

    @Bean
    NavItem taskingTasksNav() {
        return new NavItem(400, "nav.tasking.tasks", "/tasks", Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(),
                Role.SECTOR_OFFICER.name(), Role.DEPT_HANDLER.name(), Role.EPIDEMIC_OFFICER.name(), Role.SUPERVISOR.name()));
    }

    @Bean
    NavItem taskingReportsNav() {
        return new NavItem(410, "nav.tasking.reports", "/reports",
                Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(), Role.SUPERVISOR.name()));
    }
}
