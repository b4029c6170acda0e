package org.sibao.logistics.internal;

import java.util.Set;

import org.sibao.identity.Role;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Passes in the menu of the carriers and the officials who read or decide them. */
@Configuration(proxyBeanMethods = false)
class LogisticsNavigation {

    @Bean
    NavItem passesNav() {
        return new NavItem(330, "nav.passes", "/passes", Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(),
                Role.SECTOR_OFFICER.name(), Role.LIAISON.name(), Role.ENTERPRISE.name()));
    }
}
