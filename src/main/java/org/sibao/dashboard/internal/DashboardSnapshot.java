package org.sibao.dashboard.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.production.ProductionFigures;
import org.sibao.region.Sector;

/** The figures of one region and sector (null: all), computed at {@code asOf}; immutable, shared by readers. */
record DashboardSnapshot(String regionCode, String regionName, String level, Sector sector, OffsetDateTime asOf,
        long active, Map<String, Long> activeBySector, BigDecimal coverageOverall, boolean coverageCounted,
        BigDecimal coverageTarget,
        Map<String, BigDecimal> coverageBySector, long appealsOpen, long appealsOverdue, long appealsClosed,
        double responseRate,
        double resolutionRate, double satisfactionRate, long appealsAssigned, long appealsCallbacks,
        long regionsInEmergency, String mode, long openAlerts, Map<String, Long> openAlertsByType,
        double onTimeTestingRate, long watchedEmployees, ProductionFigures.Weekly production, long eligible,
        long granted, BigDecimal grantedYuan, List<Child> children) {

    /** A rate as a page shows it: "77.8%", or "—" when there was nothing to count (0 of 0 is not 0 %). */
    static String percent(double rate, long denominator) {
        return org.sibao.platform.web.Percent.format(rate, denominator);
    }

    public String responseShown() {
        return percent(responseRate, appealsAssigned);
    }

    public String resolutionShown() {
        return percent(resolutionRate, appealsCallbacks);
    }

    public String satisfactionShown() {
        return percent(satisfactionRate, appealsCallbacks);
    }

    public String onTimeShown() {
        return percent(onTimeTestingRate, watchedEmployees);
    }

    /** A child region's figures for the drill-down. */
    record Child(String regionCode, String regionName, boolean drillable, long active, BigDecimal coverage) {
    }

    /** The contract's shape ({@code GET /api/v1/dashboard}), plus the region it is about. */
    Map<String, Object> contract() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("regionCode", regionCode);
        out.put("regionName", regionName);
        out.put("sector", sector == null ? null : sector.name());
        out.put("asOf", asOf);
        Map<String, Object> coverage = new LinkedHashMap<>(coverageBySector);
        coverage.put("overall", coverageOverall);
        coverage.put("target", coverageTarget);
        Map<String, Object> whitelist = new LinkedHashMap<>();
        whitelist.put("active", active);
        whitelist.put("bySector", activeBySector);
        whitelist.put("coverage", coverage);
        out.put("whitelist", whitelist);
        Map<String, Object> appeals = new LinkedHashMap<>();
        appeals.put("open", appealsOpen);
        appeals.put("overdue", appealsOverdue);
        appeals.put("closed", appealsClosed);
        appeals.put("responseRate", responseRate);
        appeals.put("resolutionRate", resolutionRate);
        appeals.put("satisfactionRate", satisfactionRate);
        out.put("appeals", appeals);
        Map<String, Object> epidemic = new LinkedHashMap<>();
        epidemic.put("regionsInEmergency", regionsInEmergency);
        epidemic.put("openAlerts", openAlerts);
        epidemic.put("openAlertsByType", openAlertsByType);
        epidemic.put("onTimeTestingRate", onTimeTestingRate);
        epidemic.put("watchedEmployees", watchedEmployees);
        epidemic.put("mode", mode);
        out.put("epidemic", epidemic);
        Map<String, Object> production = new LinkedHashMap<>();
        production.put("week", this.production.week());
        production.put("reportsThisWeek", this.production.received());
        production.put("expected", this.production.expected());
        production.put("outputValue", this.production.outputValue());
        production.put("index", this.production.index());
        production.put("byState", this.production.byState());
        out.put("production", production);
        Map<String, Object> policies = new LinkedHashMap<>();
        policies.put("eligible", eligible);
        policies.put("granted", granted);
        // API convention: money in 万元 unless the field name ends in Yuan
        policies.put("grantedAmount", grantedYuan.movePointLeft(4));
        policies.put("grantedAmountYuan", grantedYuan);
        out.put("policies", policies);
        return out;
    }
}
