package org.sibao.policy;

import java.math.BigDecimal;

import org.sibao.region.Sector;

/** Policy reach (应享尽享) totals for dashboards; callers check the reader's scope themselves. */
public interface PolicyReach {

    /**
     * Totals over the policies in force for the subjects under a region prefix ({@code 4101}), of one sector or of
     * all when {@code sector} is null: one set-based query over {@code policy_match} and {@code policy_redemption}.
     */
    Totals totals(String regionPrefix, Sector sector);

    /**
     * @param eligible    subject × policy pairs whose stored outcome is ELIGIBLE (or that were granted)
     * @param granted     of those, granted
     * @param grantedYuan sum of the amounts granted, in yuan
     */
    record Totals(long eligible, long granted, BigDecimal grantedYuan) {
    }
}
