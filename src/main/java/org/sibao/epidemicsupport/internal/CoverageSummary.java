package org.sibao.epidemicsupport.internal;

import java.math.BigDecimal;

/**
 * The coverage board's figures for a region (and a sector, if chosen): ACTIVE whitelist subjects, those with staff,
 * with a partner institution and with both (covered); {@code coverageRate} is covered ÷ active (0..1, null when
 * there is no subject). The region's own HQ task forces: how many have their epidemic-prevention expert.
 */
record CoverageSummary(String regionCode, String sector, long active, long withStaff, long withoutStaff,
        long withInstitution, long withoutInstitution, long covered, long notCovered, BigDecimal coverageRate,
        int taskForces, long expertsAssigned, long expertsMissing) {
}
