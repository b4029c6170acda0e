package org.sibao.whitelist.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.identity.Role;
import org.sibao.identity.UserDirectory;
import org.sibao.region.Region;
import org.sibao.region.RegionLevel;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.springframework.stereotype.Component;

/**
 * The review steps due for an application (逐级审核): the sector department at the subject's county, then its
 * city, then the province, up to the level applied for. A county-level unit that acts at city level (济源, under
 * 419000) has no city government above it: its own department takes the city step.
 * <p>
 * A step whose region has no enabled SECTOR_OFFICER of the application's sector (a county without its department
 * on the platform, as 开封's and 南阳's counties in the demo) is taken by the nearest region above it that has one
 * (county → its city → the province); the step keeps its level but names the region that actually reviews. When
 * no region up to the province has one, the step stays at its own region. Consecutive steps that end up at the
 * same region merge into one step recorded at the higher level (济源's county and city steps, or a county step
 * taken by its city). The path is computed from the users as they are: at submission for the first step, and at
 * each approval for the next one, so a reviewer added or disabled in between counts from then on.
 */
@Component
class ReviewPath {

    static final String PROVINCE = "410000";
    private static final List<String> LEVELS = CriteriaService.LEVELS;

    record Step(String level, String regionCode) {
    }

    private final RegionService regions;
    private final UserDirectory users;

    ReviewPath(RegionService regions, UserDirectory users) {
        this.regions = regions;
        this.users = users;
    }

    List<Step> steps(String countyCode, String appliedLevel, String sector) {
        // the regions of the three levels; a step may be taken by its own region or any above it
        List<String> chain = List.of(countyCode, cityOf(countyCode), PROVINCE);
        Sector s = Sector.valueOf(sector);
        List<Step> merged = new ArrayList<>();
        for (int i = 0; i <= LEVELS.indexOf(appliedLevel); i++) {
            String own = chain.get(i);
            String region = regions.nearestUpwards(own, code -> !users.userIds(Role.SECTOR_OFFICER, code, s).isEmpty());
            Step step = new Step(LEVELS.get(i), region);
            if (!merged.isEmpty() && merged.get(merged.size() - 1).regionCode().equals(region)) {
                merged.set(merged.size() - 1, step);
            } else {
                merged.add(step);
            }
        }
        return merged;
    }

    private String cityOf(String countyCode) {
        if (regions.actingLevel(countyCode) == RegionLevel.CITY) {
            return countyCode;
        }
        List<Region> path = regions.path(countyCode);
        return path.stream().filter(r -> r.level() == RegionLevel.CITY).map(Region::code).findFirst()
                .orElse(countyCode);
    }

    /**
     * The step after the one at {@code level} in a path computed now: the first step of a higher level. The path
     * may have changed since that step was due (a reviewer added or disabled), so the step is found by its level's
     * rank rather than by position.
     */
    Step next(List<Step> steps, String level) {
        int rank = LEVELS.indexOf(level);
        return steps.stream().filter(s -> LEVELS.indexOf(s.level()) > rank).findFirst().orElse(null);
    }
}
