package org.sibao.coverage.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.sibao.coverage.CoverageFigure;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The coverage page in the menu of officials, and the coverage of the user's region on the home page. */
@Configuration(proxyBeanMethods = false)
class CoverageNavigation {

    static final Set<String> READERS = Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(), Role.SECTOR_OFFICER.name(),
            Role.DEPT_HANDLER.name(), Role.EPIDEMIC_OFFICER.name(), Role.SUPERVISOR.name());

    @Bean
    NavItem coverageNav() {
        return new NavItem(300, "nav.coverage", "/coverage", READERS);
    }

    @Bean
    HomeCards coverageHomeCards(CoverageService coverage) {
        return () -> {
            CurrentUser user = CurrentUser.find().orElse(null);
            if (user == null || !READERS.contains(user.role().name()) || user.scope().regionPrefix() == null) {
                return List.of();
            }
            CoverageFigure f = coverage.of(user.regionCode(), user.scope().sector());
            String value = f.ratio().multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP) + "%";
            return List.of(new HomeCard(300, "home.card.coverage", value, "/coverage",
                    f.met() ? "home.card.coverage.met" : "home.card.coverage.below"));
        };
    }
}
