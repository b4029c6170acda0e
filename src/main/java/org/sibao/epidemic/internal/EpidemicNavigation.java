package org.sibao.epidemic.internal;

import java.util.Set;

import org.sibao.identity.Role;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alert board for the officials who watch it, incidents for them and for enterprises (their own), the mode switch
 * for the HQ, the daily report for enterprises.
 */
@Configuration(proxyBeanMethods = false)
class EpidemicNavigation {

    @Bean
    NavItem epidemicAlertsNav() {
        return new NavItem(400, "nav.epidemic.alerts", "/epidemic/alerts",
                Set.of(Role.ADMIN.name(), Role.EPIDEMIC_OFFICER.name(), Role.HQ_OFFICER.name()));
    }

    @Bean
    NavItem epidemicIncidentsNav() {
        return new NavItem(405, "nav.epidemic.incidents", "/epidemic/incidents", Set.of(Role.ADMIN.name(),
                Role.EPIDEMIC_OFFICER.name(), Role.HQ_OFFICER.name(), Role.LIAISON.name(), Role.ENTERPRISE.name()));
    }

    @Bean
    NavItem epidemicCodeProtectionNav() {
        return new NavItem(407, "nav.epidemic.codeProtection", "/epidemic/code-protection",
                Set.of(Role.ADMIN.name(), Role.EPIDEMIC_OFFICER.name(), Role.HQ_OFFICER.name()));
    }

    @Bean
    NavItem epidemicModeNav() {
        return new NavItem(410, "nav.epidemic.mode", "/epidemic/mode",
                Set.of(Role.HQ_OFFICER.name(), Role.EPIDEMIC_OFFICER.name()));
    }

    @Bean
    NavItem epidemicEnterpriseNav() {
        return new NavItem(420, "nav.epidemic.enterprise", "/epidemic/enterprise", Set.of(Role.ENTERPRISE.name()));
    }
}
