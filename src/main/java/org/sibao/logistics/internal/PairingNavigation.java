package org.sibao.logistics.internal;

import java.util.Set;

import org.sibao.identity.Role;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pairings in the menu of the officials who propose and follow them and of the enterprises on either side. */
@Configuration(proxyBeanMethods = false)
class PairingNavigation {

    @Bean
    NavItem pairingsNav() {
        return new NavItem(335, "nav.pairings", "/pairings", Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(),
                Role.SECTOR_OFFICER.name(), Role.LIAISON.name(), Role.ENTERPRISE.name()));
    }
}
