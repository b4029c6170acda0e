package org.sibao.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.sibao.region.Sector;

/**
 * Coverage of one region and sector (null: all sectors). Values in 万元.
 *
 * @param ratio    coveredValue ÷ totalValue, 0..1 with 4 decimals; 0 when the total is 0
 * @param daysLeft days from the business date to the deadline; negative once it has passed
 * @param met      whether {@code ratio ≥ target}
 */
public record CoverageFigure(String regionCode, String regionName, Sector sector, BigDecimal coveredValue,
        BigDecimal totalValue, BigDecimal ratio, BigDecimal target, LocalDate deadline, long daysLeft, long subjects,
        long whitelisted, boolean met) {
}
