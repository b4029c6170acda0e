package org.sibao.epidemicsupport.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.sibao.subject.WhitelistStatus;

/**
 * A subject's support as the API and the pages show it. Phones are in clear only when {@code phonesInClear}.
 *
 * @param updatedAt     when it was last saved, null if never
 * @param updatedByName who saved it last, null if never
 */
record EpidemicSupport(String enterpriseId, String enterpriseName, String regionCode, String sector,
        WhitelistStatus whitelistStatus, CoverageStatus status, List<Staff> staff, Institution institution,
        boolean phonesInClear, OffsetDateTime updatedAt, String updatedByName) {

    record Staff(String id, String name, String organisation, String phone) {
    }

    record Institution(String name, String contactName, String phone) {
    }
}
