package org.sibao.subject.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.sibao.platform.web.NavItem;
import org.sibao.subject.Subjects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The subject list in the menu and the subject figures on the home page. */
@Configuration(proxyBeanMethods = false)
class SubjectNavigation {

    /** Officials and enterprise/liaison users; not integration accounts. */
    @Bean
    NavItem subjectsNav() {
        return new NavItem(100, "nav.subjects", "/enterprises", Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(),
                Role.SECTOR_OFFICER.name(), Role.DEPT_HANDLER.name(), Role.EPIDEMIC_OFFICER.name(),
                Role.SUPERVISOR.name(), Role.LIAISON.name(), Role.ENTERPRISE.name()));
    }

    @Bean
    HomeCards subjectHomeCards(Subjects subjects) {
        return () -> {
            CurrentUser user = CurrentUser.find().orElse(null);
            if (user == null || user.role() == Role.INTEGRATION) {
                return List.of();
            }
            List<HomeCard> cards = new ArrayList<>();
            if (user.role() == Role.ENTERPRISE && user.enterpriseId() != null) {
                cards.add(new HomeCard(100, "home.card.mySubject",
                        subjects.find(user.enterpriseId()).map(f -> f.name()).orElse("-"),
                        "/enterprises/" + user.enterpriseId(), null));
                return cards;
            }
            Subjects.Counts counts = subjects.count(user.scope());
            cards.add(new HomeCard(100, "home.card.subjects", String.valueOf(counts.subjects()), "/enterprises", null));
            cards.add(new HomeCard(110, "home.card.whitelisted", String.valueOf(counts.whitelisted()),
                    "/enterprises?whitelistStatus=ACTIVE", null));
            return cards;
        };
    }
}
