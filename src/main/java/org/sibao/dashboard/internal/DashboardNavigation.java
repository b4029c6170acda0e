package org.sibao.dashboard.internal;

import java.util.stream.Collectors;

import org.sibao.identity.Role;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one screen, first in the menu of officials. */
@Configuration(proxyBeanMethods = false)
class DashboardNavigation {

    @Bean
    NavItem dashboardNav() {
        return new NavItem(5, "nav.dashboard", "/dashboard",
                DashboardService.READERS.stream().map(Role::name).collect(Collectors.toUnmodifiableSet()));
    }
}
