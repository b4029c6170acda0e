package org.sibao.production.internal;

import java.util.Set;

import org.sibao.identity.Role;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Weekly production reports in the menu: the enterprises and liaisons file, the officials read the summary. */
@Configuration(proxyBeanMethods = false)
class ProductionNavigation {

    @Bean
    NavItem productionNav() {
        return new NavItem(340, "nav.production", "/production", Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(),
                Role.SECTOR_OFFICER.name(), Role.SUPERVISOR.name(), Role.LIAISON.name(), Role.ENTERPRISE.name()));
    }
}
