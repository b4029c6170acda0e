package org.sibao.epidemicsupport.internal;

import java.util.Set;

import org.sibao.identity.Role;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 防疫保障: the coverage board for the officials, an enterprise's own support for its users. */
@Configuration(proxyBeanMethods = false)
class SupportNavigation {

    @Bean
    NavItem epidemicSupportNav() {
        return new NavItem(408, "nav.epidemicSupport", "/epidemic-support", Set.of(Role.ADMIN.name(),
                Role.HQ_OFFICER.name(), Role.EPIDEMIC_OFFICER.name(), Role.SUPERVISOR.name(), Role.SECTOR_OFFICER.name()));
    }

    @Bean
    NavItem epidemicSupportMineNav() {
        return new NavItem(421, "nav.epidemicSupportMine", "/epidemic-support/mine", Set.of(Role.ENTERPRISE.name()));
    }
}
