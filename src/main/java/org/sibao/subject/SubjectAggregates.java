package org.sibao.subject;

import java.math.BigDecimal;
import java.util.List;

import org.sibao.identity.DataScope;
import org.sibao.region.Sector;

/**
 * Set-based figures over subjects for read models kept by other modules (coverage). A subject's <em>value</em> is
 * its annual output value, or its total investment for a KEY_PROJECT subject (SPEC §4 "Coverage"); a missing
 * value counts as 0.
 */
public interface SubjectAggregates {

    /**
     * Totals per county and sector, one GROUP BY over the subjects of one county (or of every county when
     * {@code countyCode} is null). Only pairs with at least one subject are returned.
     */
    List<ValueTotals> valueTotals(String countyCode);

    /**
     * Subjects not on the whitelist (status NONE) with a positive value, within {@code scope} and under
     * {@code regionPrefix} (and of {@code sector} when given), highest value first.
     */
    List<ValuedSubject> unlistedByValue(DataScope scope, String regionPrefix, Sector sector, int limit);

    record ValueTotals(String countyCode, Sector sector, BigDecimal coveredValue, BigDecimal totalValue,
            long subjects, long whitelisted) {
    }

    record ValuedSubject(String id, String name, String regionCode, Sector sector, WhitelistStatus whitelistStatus,
            BigDecimal value) {
    }
}
