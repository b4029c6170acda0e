package org.sibao.whitelist.internal;

import java.util.List;

import org.sibao.platform.Validation;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.springframework.stereotype.Component;

/**
 * Parses the whitelist lists' query parameters, recording each invalid one in the caller's {@link Validation} so
 * that one 400 names them all (with {@code page} and {@code size}), as the subject list does: a status or sector
 * that is not one of the values, a region code that names no region (well-formed or not). A known region outside
 * the caller's scope is no error: the list is then empty.
 */
@Component
class WhitelistFilters {

    static final List<String> APPLICATION_STATUSES = List.of("DRAFT", "SUBMITTED", "UNDER_REVIEW", "APPROVED",
            "REJECTED", "RETURNED");
    static final List<String> ENTRY_STATUSES = List.of("PUBLICIZED", "ACTIVE", "SUSPENDED", "REMOVED", "WITHDRAWN");
    static final List<String> OBJECTION_STATUSES = List.of("OPEN", "SUSTAINED", "DISMISSED");
    static final List<String> RECOMMENDATION_STATUSES = List.of("OPEN", "INVITED", "DISMISSED");

    private final RegionService regions;

    WhitelistFilters(RegionService regions) {
        this.regions = regions;
    }

    ApplicationService.Filter applications(String status, String sector, String regionCode, String enterpriseId,
            boolean dueForMe, Validation v) {
        return new ApplicationService.Filter(v.oneOf(APPLICATION_STATUSES, status, "status"), sector(sector, v),
                region(regionCode, v), blankToNull(enterpriseId), dueForMe);
    }

    EntryService.EntryFilter entries(String regionCode, String sector, String status, Validation v) {
        return new EntryService.EntryFilter(region(regionCode, v), sector(sector, v),
                v.oneOf(ENTRY_STATUSES, status, "status"));
    }

    /** The public list: region and sector only (it shows entries in publicity or ACTIVE). */
    EntryService.EntryFilter published(String regionCode, String sector, Validation v) {
        return new EntryService.EntryFilter(region(regionCode, v), sector(sector, v), null);
    }

    /** A status filter on its own (the officers' pages, whose statuses come from links): 400 at once if unknown. */
    static String status(List<String> accepted, String status) {
        Validation v = new Validation();
        String s = v.oneOf(accepted, status, "status");
        v.throwIfInvalid();
        return s;
    }

    private static String sector(String sector, Validation v) {
        Sector s = v.oneOf(Sector.class, sector, "sector");
        return s == null ? null : s.name();
    }

    private String region(String regionCode, Validation v) {
        String code = blankToNull(regionCode);
        if (code == null) {
            return null;
        }
        return v.check(regions.find(code).isPresent(), "regionCode", "region.unknown", code) ? code : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
