package org.sibao.epidemicsupport.internal;

import java.util.List;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.sibao.platform.web.Percent;
import org.sibao.region.RegionService;
import org.sibao.subject.WhitelistStatus;
import org.springframework.stereotype.Component;

/**
 * The home page's 防疫保障 figures: for the epidemic officers and the HQ office, the coverage rate and the whitelist
 * subjects not yet covered; for an enterprise user, its assigned staff and its partner institution.
 */
@Component
class SupportHomeCards implements HomeCards {

    private final SupportService support;
    private final RegionService regions;

    SupportHomeCards(SupportService support, RegionService regions) {
        this.support = support;
        this.regions = regions;
    }

    @Override
    public List<HomeCard> forCurrentUser() {
        CurrentUser user = CurrentUser.find().orElse(null);
        if (user == null) {
            return List.of();
        }
        if (user.role() == Role.ENTERPRISE && user.enterpriseId() != null) {
            return enterprise(user.enterpriseId());
        }
        if (!user.is(Role.EPIDEMIC_OFFICER, Role.HQ_OFFICER)) {
            return List.of();
        }
        CoverageSummary s = support.summary(regions.get(user.regionCode()), null);
        return List.of(
                new HomeCard(402, "epidemicsupport.home.rate", Percent.format(s.coverageRate(), s.active()),
                        "/epidemic-support", "epidemicsupport.home.rate.hint"),
                new HomeCard(403, "epidemicsupport.home.notCovered", String.valueOf(s.notCovered()),
                        "/epidemic-support", "epidemicsupport.home.notCovered.hint"));
    }

    private List<HomeCard> enterprise(String enterpriseId) {
        EpidemicSupport s;
        try {
            s = support.get(enterpriseId);
        } catch (ApiException e) {
            return List.of();
        }
        boolean listed = s.whitelistStatus() == WhitelistStatus.ACTIVE || s.whitelistStatus() == WhitelistStatus.SUSPENDED;
        if (!listed && s.staff().isEmpty() && s.institution() == null) {
            return List.of();
        }
        String href = "/epidemic-support/enterprises/" + enterpriseId;
        String staff = s.staff().isEmpty() ? null
                : String.join("、", s.staff().stream().map(EpidemicSupport.Staff::name).toList());
        return List.of(
                new HomeCard(120, "epidemicsupport.home.staff", staff == null ? "—" : staff, href,
                        staff == null ? "epidemicsupport.home.staff.none" : "epidemicsupport.home.staff.hint"),
                new HomeCard(121, "epidemicsupport.home.institution",
                        s.institution() == null ? "—" : s.institution().name(), href,
                        s.institution() == null ? "epidemicsupport.home.institution.none"
                                : "epidemicsupport.home.institution.hint"));
    }
}
