package org.sibao.production;

import java.math.BigDecimal;

import org.sibao.region.Sector;
import org.sibao.tasking.IsoWeek;

/** What other modules (the dashboard) may ask of the weekly production reports. */
public interface ProductionFigures {

    /**
     * The week's figures of the ACTIVE whitelist subjects under {@code regionCode} (of one sector, or all when
     * null). Runs without a signed-in user; a region without reports gives zeros and a null index.
     */
    Weekly weekly(String regionCode, Sector sector, IsoWeek week);

    /**
     * @param received    reports received for the week
     * @param expected    ACTIVE subjects, one report each
     * @param outputValue the week's total output value of the reports received, in 万元
     * @param index       production index: this week's output of the subjects that reported both weeks ÷ their
     *                    previous week's × 100, one decimal; null when no subject reported both weeks
     * @param byState     the subjects owing a report by the operating state their report of the week gives
     *                    (NORMAL, REDUCED, CLOSED_LOOP, SUSPENDED) and NOT_REPORTED, every key present
     */
    record Weekly(String week, long received, long expected, BigDecimal outputValue, BigDecimal index,
            java.util.Map<String, Long> byState) {
    }
}
