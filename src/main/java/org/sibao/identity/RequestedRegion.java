package org.sibao.identity;

import org.sibao.platform.ApiException;
import org.sibao.platform.Validation;
import org.sibao.region.Region;
import org.sibao.region.RegionService;

/**
 * The region a board or a list is asked for ({@code ?regionCode=}): the user's own when none is given; an unknown
 * code is a problem on {@code regionCode} recorded in the caller's {@link Validation} (null is answered, so that
 * the other parameters' problems are reported with it); a region outside the user's scope is not found (404).
 */
public final class RequestedRegion {

    private RequestedRegion() {
    }

    /** The region asked for, within the user's scope. */
    public static Region inScope(CurrentUser user, RegionService regions, String regionCode, Validation v) {
        Region region = known(user, regions, regionCode, v);
        if (region != null && !user.scope().coversRegion(region.code())) {
            throw ApiException.notFound("region", region.code());
        }
        return region;
    }

    /** The region asked for, whatever the scope (for lists the scope filters by other means). */
    public static Region known(CurrentUser user, RegionService regions, String regionCode, Validation v) {
        if (regionCode == null || regionCode.isBlank()) {
            return regions.get(user.regionCode());
        }
        Region region = regions.find(regionCode.trim()).orElse(null);
        if (region == null) {
            v.reject("regionCode", "validation.regionCode", regionCode.trim());
        }
        return region;
    }
}
