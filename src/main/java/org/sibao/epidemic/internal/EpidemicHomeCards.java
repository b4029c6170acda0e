package org.sibao.epidemic.internal;

import java.util.List;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.springframework.stereotype.Component;

/** Open sentinel alerts in the user's scope, on the home page of the officials who watch them. */
@Component
class EpidemicHomeCards implements HomeCards {

    private final AlertService alerts;

    EpidemicHomeCards(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<HomeCard> forCurrentUser() {
        CurrentUser user = CurrentUser.find().orElse(null);
        if (user == null || !user.is(Role.EPIDEMIC_OFFICER, Role.HQ_OFFICER, Role.ADMIN)) {
            return List.of();
        }
        return List.of(new HomeCard(400, "home.card.epidemicAlerts", String.valueOf(alerts.countOpen(user)),
                "/epidemic/alerts?status=OPEN", "home.card.epidemicAlerts.hint"));
    }
}
