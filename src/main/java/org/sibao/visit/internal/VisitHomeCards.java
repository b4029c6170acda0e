package org.sibao.visit.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * The home page's 包保 figures: a liaison's enterprises not visited within the week; for the HQ office, the
 * supervisors and the sector officers, the whitelist subjects without a liaison and those not visited.
 */
@Component
class VisitHomeCards implements HomeCards {

    private final VisitService visits;
    private final RegionService regions;

    VisitHomeCards(VisitService visits, RegionService regions) {
        this.visits = visits;
        this.regions = regions;
    }

    @Override
    public List<HomeCard> forCurrentUser() {
        CurrentUser user = CurrentUser.find().orElse(null);
        if (user == null || user.role() == Role.INTEGRATION || !VisitService.mayReadBoard(user)) {
            return List.of();
        }
        Region region = regions.find(user.regionCode()).orElse(null);
        if (region == null) {
            return List.of();
        }
        DutySummary s = visits.summary(region);
        List<HomeCard> cards = new ArrayList<>();
        if (user.role() != Role.LIAISON) {
            cards.add(new HomeCard(905, "visit.home.noLiaison", String.valueOf(s.noLiaison()), "/visits?status=NO_LIAISON",
                    "visit.home.noLiaison.hint"));
        }
        cards.add(new HomeCard(906, "visit.home.overdue", String.valueOf(s.overdue()), "/visits?status=OVERDUE",
                "visit.home.overdue.hint"));
        return cards;
    }
}
