package org.sibao.identity.internal;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.PageQuery;
import org.sibao.platform.audit.AuditLog;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.springframework.stereotype.Component;

/** Identity's figures on the home page: user counts and today's audit entries for administrators, liaison figures. */
@Component
class IdentityHomeCards implements HomeCards {

    private final UserRepository users;
    private final AuditLog audit;
    private final BusinessClock clock;

    IdentityHomeCards(UserRepository users, AuditLog audit, BusinessClock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<HomeCard> forCurrentUser() {
        CurrentUser user = CurrentUser.find().orElse(null);
        if (user == null) {
            return List.of();
        }
        List<HomeCard> cards = new ArrayList<>();
        String prefix = user.regionPrefix();
        switch (user.role()) {
            case ADMIN -> {
                Map<Role, Long> byRole = users.countByRole(prefix);
                long total = byRole.values().stream().mapToLong(Long::longValue).sum();
                cards.add(new HomeCard(900, "home.card.users", String.valueOf(total), "/admin/users", "home.card.users.hint"));
                cards.add(new HomeCard(901, "home.card.disabled", String.valueOf(users.countDisabled(prefix)),
                        "/admin/users", null));
                cards.add(new HomeCard(902, "home.card.auditToday", String.valueOf(auditToday(prefix)), "/admin/audit", null));
                int order = 910;
                for (Role role : Role.values()) {
                    long n = byRole.getOrDefault(role, 0L);
                    if (n > 0) {
                        cards.add(new HomeCard(order++, "enum.Role." + role.name(), String.valueOf(n),
                                "/admin/users?role=" + role.name(), "home.card.roleUsers.hint"));
                    }
                }
            }
            case HQ_OFFICER -> {
                long liaisons = users.countByRole(prefix).getOrDefault(Role.LIAISON, 0L);
                cards.add(new HomeCard(900, "home.card.liaisons", String.valueOf(liaisons), "/liaisons", null));
                cards.add(new HomeCard(901, "home.card.assignments", String.valueOf(users.countAssignmentsUnder(prefix)),
                        "/liaisons", "home.card.assignments.hint"));
            }
            case LIAISON -> cards.add(new HomeCard(900, "home.card.myEnterprises",
                    String.valueOf(users.countAssigned(user.id())), "/account", null));
            default -> {
            }
        }
        return cards;
    }

    private long auditToday(String prefix) {
        var start = clock.today().atTime(LocalTime.MIDNIGHT).atZone(BusinessClock.ZONE).toOffsetDateTime();
        var filter = new AuditLog.AuditFilter(null, null, null, null, start, start.plusDays(1), AuditScope.prefixFor(prefix));
        return audit.search(filter, PageQuery.of(0, 1)).total();
    }
}
