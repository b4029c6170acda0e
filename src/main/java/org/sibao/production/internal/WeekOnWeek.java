package org.sibao.production.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Week-on-week arithmetic shared by the reports, the summary and the dashboard figures. */
final class WeekOnWeek {

    static final BigDecimal DROP_THRESHOLD = new BigDecimal("0.8");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private WeekOnWeek() {
    }

    /** Change in %, one decimal; null without a positive previous figure. */
    static BigDecimal changePercent(BigDecimal current, BigDecimal previous) {
        if (current == null || previous == null || previous.signum() <= 0) {
            return null;
        }
        return current.subtract(previous).multiply(HUNDRED).divide(previous, 1, RoundingMode.HALF_UP);
    }

    /** current ÷ previous × 100, one decimal; null without a positive previous figure. */
    static BigDecimal index(BigDecimal current, BigDecimal previous) {
        if (current == null || previous == null || previous.signum() <= 0) {
            return null;
        }
        return current.multiply(HUNDRED).divide(previous, 1, RoundingMode.HALF_UP);
    }

    /** More than 20 % below a positive previous figure (the same test as {@link ProductionRepository#DROP}). */
    static boolean drop(BigDecimal current, BigDecimal previous) {
        return current != null && previous != null && previous.signum() > 0
                && current.compareTo(previous.multiply(DROP_THRESHOLD)) < 0;
    }
}
