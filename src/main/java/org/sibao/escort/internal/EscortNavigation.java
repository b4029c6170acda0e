package org.sibao.escort.internal;

import java.util.Set;

import org.sibao.identity.Role;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Escort lists in the menu of the officials who file requests and of the HQ who decides them. */
@Configuration(proxyBeanMethods = false)
class EscortNavigation {

    @Bean
    NavItem escortShutdownsNav() {
        return new NavItem(310, "nav.escort.shutdowns", "/escort/shutdowns", Set.of(Role.ADMIN.name(),
                Role.HQ_OFFICER.name(), Role.SECTOR_OFFICER.name(), Role.DEPT_HANDLER.name(), Role.EPIDEMIC_OFFICER.name()));
    }

    @Bean
    NavItem escortInspectionsNav() {
        return new NavItem(320, "nav.escort.inspections", "/escort/inspections", Set.of(Role.ADMIN.name(),
                Role.HQ_OFFICER.name(), Role.SECTOR_OFFICER.name(), Role.DEPT_HANDLER.name(), Role.EPIDEMIC_OFFICER.name()));
    }
}
