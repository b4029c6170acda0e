package org.sibao.appeal.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sibao.appeal.Appeals;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The appeal pages in the menu and the open/overdue figures on the home page. */
@Configuration(proxyBeanMethods = false)
class AppealNavigation {

    @Bean
    NavItem appealsNav() {
        return new NavItem(300, "nav.appeals", "/appeals", Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(),
                Role.SECTOR_OFFICER.name(), Role.DEPT_HANDLER.name(), Role.SUPERVISOR.name(), Role.LIAISON.name(),
                Role.ENTERPRISE.name(), Role.EPIDEMIC_OFFICER.name()));
    }

    @Bean
    NavItem appealMetricsNav() {
        return new NavItem(310, "nav.appealMetrics", "/appeal-metrics", Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(),
                Role.SECTOR_OFFICER.name(), Role.SUPERVISOR.name()));
    }

    @Bean
    HomeCards appealHomeCards(Appeals appeals) {
        return () -> {
            CurrentUser user = CurrentUser.find().orElse(null);
            if (user == null || user.role() == Role.INTEGRATION) {
                return List.of();
            }
            List<HomeCard> cards = new ArrayList<>();
            cards.add(new HomeCard(300, "home.card.appealsOpen", String.valueOf(appeals.openCount(user.scope())),
                    "/appeals", null));
            cards.add(new HomeCard(301, "home.card.appealsOverdue", String.valueOf(appeals.overdueCount(user.scope())),
                    "/appeals?overdue=true", null));
            return cards;
        };
    }
}
