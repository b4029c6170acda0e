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
    NavItem usersNav() {
        return new NavItem(900, "nav.users", "/admin/users", Set.of("ADMIN"));
    }
}
