package org.sibao.appeal.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The appeal metrics page (诉求考核) as an .xlsx: the figures of the region and period, then the rankings by region
 * and by department. Rates read as on the page (85.0%), and — where there is nothing to rate.
 */
@Component
class AppealMetricsExport {

    private static final List<String> RATES = List.of("responseRate", "resolutionRate", "satisfactionRate",
            "onTimeClosureRate", "reopenRate", "escalationRate");
    private static final List<String> COUNTS = List.of("assigned", "callbacks", "overdueOpen", "medianHoursToResponse",
            "medianHoursToClose", "filed");

    private final Messages messages;
    private final BusinessClock clock;

    AppealMetricsExport(Messages messages, BusinessClock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    void send(Map<String, Object> report, String regionName, HttpServletResponse response) throws IOException {
        List<List<?>> figures = new ArrayList<>();
        figures.add(List.of(messages.get("appeal.field.region"), regionName));
        figures.add(List.of(messages.get("appeal.metrics.export.period"), report.get("from") + " ~ " + report.get("to")));
        for (String k : RATES) {
            figures.add(List.of(messages.get("appeal.metric." + k), rate(report, k)));
        }
        for (String k : COUNTS) {
            Object v = report.get(k);
            figures.add(Arrays.asList(messages.get("appeal.metric." + k), v == null ? "—" : v));
        }
        List<String> ranking = ExcelExport.headers(messages, "appeal.metric.", "assigned", "responseRate",
                "satisfactionRate", "overdueOpen");
        ExcelExport.send(response, "appeal-metrics-" + report.get("regionCode") + "-" + clock.today() + ".xlsx",
                ExcelWorkbook.create()
                        .sheet(messages.get("appeal.web.metrics.title"), List.of(messages.get("appeal.metrics.export.metric"),
                                messages.get("appeal.metrics.export.value")), figures)
                        .sheet(messages.get("appeal.web.metrics.byRegion"), headers("appeal.field.region", ranking),
                                ranked(rows(report, "byRegion"), r -> (String) r.get("regionName")))
                        .sheet(messages.get("appeal.web.metrics.byDepartment"), headers("appeal.field.department", ranking),
                                ranked(rows(report, "byDepartment"), r -> messages.get("enum.Department." + r.get("departmentCode")))));
    }

    private List<String> headers(String nameKey, List<String> figures) {
        List<String> h = new ArrayList<>(List.of(messages.get("appeal.metrics.export.rank"), messages.get(nameKey)));
        h.addAll(figures);
        return h;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report, String key) {
        return (List<Map<String, Object>>) report.get(key);
    }

    private List<List<?>> ranked(List<Map<String, Object>> rows, java.util.function.Function<Map<String, Object>, String> name) {
        return rows.stream().<List<?>>map(r -> List.of(r.get("rank"), name.apply(r), r.get("assigned"),
                rate(r, "responseRate"), rate(r, "satisfactionRate"), r.get("overdueOpen"))).toList();
    }

    /** A rate as the page shows it: — when nothing was assigned (response) or called back (resolution, satisfaction). */
    private static String rate(Map<String, Object> figures, String key) {
        Object v = figures.get(key);
        boolean none = v == null || ("responseRate".equals(key) && zero(figures.get("assigned")))
                || (("resolutionRate".equals(key) || "satisfactionRate".equals(key)) && zero(figures.get("callbacks")));
        return none ? "—" : org.sibao.platform.web.Percent.format((Number) v);
    }

    private static boolean zero(Object n) {
        return n instanceof Number x && x.longValue() == 0;
    }
}
