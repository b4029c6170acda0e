package org.sibao.whitelist.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.region.Region;
import org.sibao.region.RegionLevel;
import org.sibao.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * The review steps due for an application (逐级审核): the sector department at the subject's county, then its
 * city, then the province, up to the level applied for. A county-level unit that acts at city level (济源, under
 * 419000) has no city government above it: its own department takes the city step, and since the county and city
 * steps would be the same region they merge into one step recorded at the higher level.
 */
@Component
class ReviewPath {

    static final String PROVINCE = "410000";

    record Step(String level, String regionCode) {
    }

    private final RegionService regions;

    ReviewPath(RegionService regions) {
        this.regions = regions;
    }

    List<Step> steps(String countyCode, String appliedLevel) {
        List<Step> raw = new ArrayList<>();
        raw.add(new Step("COUNTY", countyCode));
        if (!"COUNTY".equals(appliedLevel)) {
            raw.add(new Step("CITY", cityOf(countyCode)));
        }
        if ("PROVINCE".equals(appliedLevel)) {
            raw.add(new Step("PROVINCE", PROVINCE));
        }
        List<Step> merged = new ArrayList<>();
        for (Step s : raw) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).regionCode().equals(s.regionCode())) {
                merged.set(merged.size() - 1, s);
            } else {
                merged.add(s);
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

    /** The step after the one at {@code level}, if any. */
    Step next(List<Step> steps, String level) {
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).level().equals(level)) {
                return steps.get(i + 1);
            }
        }
        return null;
    }
}
