package org.sibao.production.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A weekly report as the API and pages show it, with the previous week's output value for comparison.
 *
 * @param previousOutputValue the subject's output value of the week before, null without a report
 * @param changePercent       week-on-week change of the output value in %, one decimal; null without both
 * @param drop                output value fell by more than 20 % week on week
 */
record ProductionReport(String id, String enterpriseId, String enterpriseName, String regionCode, String sector,
        String week, BigDecimal outputValue, BigDecimal capacityUtilisation, int staffOnDuty,
        BigDecimal ordersOnHand, int rawMaterialDays, OperatingState operatingState, List<Problem> problems,
        BigDecimal previousOutputValue, BigDecimal changePercent, boolean drop, String submittedBy,
        OffsetDateTime submittedAt, int revision) {

    /** A problem line and the appeal it was filed as, if any. */
    record Problem(String text, String appealId) {
    }
}
