package org.sibao.escort.internal;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.UserDirectory;
import org.sibao.region.Region;
import org.sibao.region.RegionLevel;
import org.sibao.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * Where shutdowns and inspections are decided ({@link EscortProperties}): the region of the configured level over
 * the subject's region (its county; its city — a county-level unit acting as a city, 济源, is its own —; the
 * province), or where that region has no enabled officer of the deciding role on the platform, the nearest region
 * above that has one (as appeals find a staffed HQ office); the level's own region when nobody up to the province
 * has. Computed from the users as they are, at each decision.
 */
@Component
class EscortDeciders {

    private final RegionService regions;
    private final UserDirectory users;
    private final EscortProperties properties;

    EscortDeciders(RegionService regions, UserDirectory users, EscortProperties properties) {
        this.regions = regions;
        this.users = users;
        this.properties = properties;
    }

    /** Both sides of a shutdown's joint decision over a subject in {@code regionCode}. */
    Deciders shutdown(String regionCode) {
        RegionLevel level = properties.shutdownDecisionLevel();
        String hq = deciding(Role.HQ_OFFICER, regionCode, level);
        String epidemic = deciding(Role.EPIDEMIC_OFFICER, regionCode, level);
        return new Deciders(level.name(), hq, regions.name(hq), epidemic, regions.name(epidemic));
    }

    /** The HQ office that approves an inspection of a subject in {@code regionCode}. */
    String inspection(String regionCode) {
        return deciding(Role.HQ_OFFICER, regionCode, properties.inspectionApprovalLevel());
    }

    /** Whether the user acts at the deciding region or above it (the role is the caller's to check). */
    boolean atOrAbove(CurrentUser user, String decidingRegion) {
        return user.regionCode() != null && regions.isWithin(decidingRegion, user.regionCode());
    }

    String name(String regionCode) {
        return regions.name(regionCode);
    }

    private String deciding(Role role, String regionCode, RegionLevel level) {
        return regions.nearestUpwards(levelRegion(regionCode, level), code -> !users.userIds(role, code, null).isEmpty());
    }

    /** The nearest of the region and its ancestors that acts at {@code level} or higher. */
    String levelRegion(String regionCode, RegionLevel level) {
        for (Region r : regions.upwards(regionCode)) {
            if (regions.actingLevel(r.code()).ordinal() <= level.ordinal()) {
                return r.code();
            }
        }
        return regionCode;
    }
}
