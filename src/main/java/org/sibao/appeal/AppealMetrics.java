package org.sibao.appeal;

/**
 * The assessment figures of SPEC §5 for a region and period (rates 0..1, 0 when the denominator is 0).
 *
 * @param assigned        appeals assigned to a department in the period
 * @param respondedOnTime of those, accepted before the response deadline
 * @param callbacks       call-backs recorded in the period
 * @param solved          call-backs answering "solved"
 * @param satisfied       call-backs answering satisfied or basically satisfied
 * @param overdueOpen     open appeals past a deadline now
 */
public record AppealMetrics(long assigned, long respondedOnTime, double responseRate, long callbacks, long solved,
        double resolutionRate, long satisfied, double satisfactionRate, long overdueOpen) {

    public static double rate(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
