package org.sibao.whitelist.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.sibao.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The whitelist's menu entries and home-page figures. */
@Configuration(proxyBeanMethods = false)
class WhitelistNavigation {

    private static final Set<String> OFFICIALS = Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(),
            Role.SECTOR_OFFICER.name(), Role.EPIDEMIC_OFFICER.name(), Role.SUPERVISOR.name());

    @Bean
    NavItem whitelistApplicationsNav() {
        return new NavItem(200, "nav.whitelist.applications", "/whitelist/applications", Set.of(Role.ADMIN.name(),
                Role.HQ_OFFICER.name(), Role.SECTOR_OFFICER.name(), Role.LIAISON.name(), Role.ENTERPRISE.name()));
    }

    @Bean
    NavItem whitelistEntriesNav() {
        return new NavItem(210, "nav.whitelist.entries", "/whitelist/entries", OFFICIALS);
    }

    @Bean
    NavItem whitelistApplyNav() {
        return new NavItem(205, "nav.whitelist.apply", "/whitelist/apply",
                Set.of(Role.ENTERPRISE.name(), Role.LIAISON.name()));
    }

    @Bean
    NavItem whitelistBatchesNav() {
        return new NavItem(212, "nav.whitelist.batches", "/whitelist/batches", Set.of(Role.SECTOR_OFFICER.name()));
    }

    @Bean
    NavItem whitelistObjectionsNav() {
        return new NavItem(214, "nav.whitelist.objections", "/whitelist/objections", Set.of(Role.SECTOR_OFFICER.name()));
    }

    @Bean
    NavItem whitelistRecommendationsNav() {
        return new NavItem(216, "nav.whitelist.recommendations", "/whitelist/recommendations",
                Set.of(Role.SECTOR_OFFICER.name()));
    }

    @Bean
    NavItem whitelistCriteriaNav() {
        return new NavItem(218, "nav.whitelist.criteria", "/whitelist/criteria", Set.of(Role.SECTOR_OFFICER.name()));
    }

    @Bean
    HomeCards whitelistHomeCards(ApplicationService applications, EntryService entries) {
        return () -> {
            CurrentUser user = CurrentUser.find().orElse(null);
            if (user == null || !user.role().isOfficial()) {
                return List.of();
            }
            List<HomeCard> cards = new ArrayList<>();
            if (user.is(Role.SECTOR_OFFICER)) {
                cards.add(new HomeCard(200, "home.card.wlDue", String.valueOf(applications.countDueFor(user)),
                        "/whitelist/applications?dueForMe=true", null));
                cards.add(new HomeCard(220, "home.card.wlObjections", String.valueOf(entries.countOpenObjections(user)),
                        "/whitelist/objections", null));
            }
            cards.add(new HomeCard(210, "home.card.wlActive", String.valueOf(entries.countActive(user)),
                    "/whitelist/entries?status=ACTIVE", null));
            return cards;
        };
    }
}
