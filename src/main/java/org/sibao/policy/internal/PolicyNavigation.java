package org.sibao.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.sibao.platform.web.NavItem;
import org.sibao.policy.RedemptionState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The policy pages in the menu (one entry for officials, whose library page links the redemption queue and reach,
 * so that the menu stays on one line) and the eligible / pending figures on the home page.
 */
@Configuration(proxyBeanMethods = false)
class PolicyNavigation {

    private static final Set<String> OFFICIALS = Set.of(Role.ADMIN.name(), Role.HQ_OFFICER.name(),
            Role.SECTOR_OFFICER.name(), Role.DEPT_HANDLER.name(), Role.SUPERVISOR.name(), Role.LIAISON.name(),
            Role.EPIDEMIC_OFFICER.name());

    @Bean
    NavItem policiesNav() {
        return new NavItem(400, "nav.policies", "/policies", OFFICIALS);
    }

    @Bean
    NavItem myPoliciesNav() {
        return new NavItem(401, "nav.policiesMine", "/policies/mine", Set.of(Role.ENTERPRISE.name()));
    }

    @Bean
    HomeCards policyHomeCards(JdbcClient jdbc, Redemptions redemptions) {
        return () -> {
            CurrentUser user = CurrentUser.find().orElse(null);
            if (user == null) {
                return List.of();
            }
            List<HomeCard> cards = new ArrayList<>();
            if (user.role() == Role.ENTERPRISE && user.enterpriseId() != null) {
                long n = jdbc.sql("SELECT COUNT(*) FROM policy_match WHERE subject_id = ? AND outcome = 'ELIGIBLE'")
                        .param(user.enterpriseId()).query(Long.class).single();
                cards.add(new HomeCard(400, "home.card.policiesEligible", String.valueOf(n), "/policies/mine", null));
            } else if (PolicyAccess.isDecider(user)) {
                DataScope scope = user.scope();
                long n = redemptions.queue(scope, PolicyApiController.departmentOf(user), RedemptionState.APPLIED,
                        org.sibao.platform.PageQuery.of(0, 1)).total();
                cards.add(new HomeCard(401, "home.card.policyApplications", String.valueOf(n),
                        "/policies/applications?state=APPLIED", null));
            }
            return cards;
        };
    }
}
