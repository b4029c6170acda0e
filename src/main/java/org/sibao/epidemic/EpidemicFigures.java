package org.sibao.epidemic;

import org.sibao.identity.DataScope;

/** Summary figures of the epidemic watch for dashboards: one aggregate query each, filtered by a scope. */
public interface EpidemicFigures {

    /** Open alerts, watched employees and how many of them tested negative within their interval, in a scope. */
    Figures figures(DataScope scope);

    /**
     * @param openAlerts        alerts with status OPEN
     * @param watched           rostered employees (those the sentinel sweep watches)
     * @param onTime            of those, with a negative sample within their test interval (24 h or 48 h, as the
     *                          sweep), or rostered within it and so not due yet
     * @param onTimeTestingRate onTime ÷ watched, 0..1 (0 when nobody is watched)
     */
    /** @param openAlertsByType the open alerts by type (SPEC §11 "open alerts by kind"), types with none left out */
    record Figures(long openAlerts, long watched, long onTime, double onTimeTestingRate,
            java.util.Map<String, Long> openAlertsByType) {
    }
}
