package org.sibao.visit.internal;

import java.util.Set;

import org.sibao.identity.Role;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 包保走访 for the liaisons, 包保责任 (the duty board) for the officials who follow the liaisons' work. */
@Configuration(proxyBeanMethods = false)
class VisitNavigation {

    @Bean
    NavItem visitNav() {
        return new NavItem(345, "nav.visits", "/visits", Set.of(Role.LIAISON.name()));
    }

    @Bean
    NavItem dutyNav() {
        return new NavItem(346, "nav.visitDuty", "/visits", Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(),
                Role.SUPERVISOR.name(), Role.SECTOR_OFFICER.name()));
    }
}
