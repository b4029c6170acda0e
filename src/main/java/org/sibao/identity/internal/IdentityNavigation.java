package org.sibao.identity.internal;

import java.util.Set;

import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavItem homeNav() {
        return new NavItem(0, "nav.home", "/", Set.of());
    }

    @Bean
    NavItem liaisonsNav() {
        return new NavItem(800, "nav.liaisons", "/liaisons", Set.of("ADMIN", "HQ_OFFICER"));
    }

    @Bean
    NavItem usersNav() {
        return new NavItem(900, "nav.users", "/admin/users", Set.of("ADMIN"));
    }

    @Bean
    NavItem auditNav() {
        return new NavItem(910, "nav.audit", "/admin/audit", Set.of("ADMIN"));
    }

    @Bean
    NavItem accountNav() {
        return new NavItem(990, "nav.account", "/account", Set.of());
    }
}
