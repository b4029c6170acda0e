package org.sibao.subject.internal;

import org.sibao.platform.Validation;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.subject.SizeClass;
import org.sibao.subject.SubjectKind;
import org.sibao.subject.WhitelistStatus;
import org.springframework.stereotype.Component;

/** Parses list/export query parameters into a {@link SubjectFilter}, naming each invalid parameter (400). */
@Component
class SubjectFilters {

    private final RegionService regions;

    SubjectFilters(RegionService regions) {
        this.regions = regions;
    }

    SubjectFilter parse(String regionCode, String sector, String q, String kind, String sizeClass, String whitelistStatus) {
        Validation v = new Validation();
        String region = blankToNull(regionCode);
        if (region != null) {
            v.check(regions.find(region).isPresent(), "regionCode", "region.unknown", region);
        }
        SubjectFilter f = new SubjectFilter(region,
                SubjectValidator.parseEnum(Sector.class, blankToNull(sector), "sector", v),
                blankToNull(q),
                SubjectValidator.parseEnum(SubjectKind.class, blankToNull(kind), "kind", v),
                SubjectValidator.parseEnum(SizeClass.class, blankToNull(sizeClass), "sizeClass", v),
                SubjectValidator.parseEnum(WhitelistStatus.class, blankToNull(whitelistStatus), "whitelistStatus", v));
        v.maxLength(f.q(), 100, "q");
        v.throwIfInvalid();
        return f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
