package org.sibao.epidemic.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.sibao.epidemic.EpidemicFigures;
import org.sibao.identity.DataScope;
import org.sibao.identity.SqlFilter;
import org.sibao.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link EpidemicFigures}: open alerts by one COUNT over {@code epi_alert} (index on region and status), and the
 * on-time testing rate by one aggregate over the watched employees and their narrow {@code epi_latest_result} row,
 * with the sweep's interval rule (24 h when closed-loop, MOBILE, CITY_SUPPLY in an emergency region or under an
 * active incident; 48 h otherwise).
 */
@Component
@Transactional(readOnly = true)
class EpidemicFiguresQuery implements EpidemicFigures {

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final EmergencyService modes;

    EpidemicFiguresQuery(JdbcClient jdbc, BusinessClock clock, EmergencyService modes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.modes = modes;
    }

    @Override
    public Figures figures(DataScope scope) {
        SqlFilter alertScope = scope.subjects("a.region_code", "a.sector", "a.subject_id");
        java.util.Map<String, Long> byType = new java.util.TreeMap<>();
        jdbc.sql("SELECT a.type, COUNT(*) FROM epi_alert a WHERE " + alertScope.sql() + " AND a.status = 'OPEN' GROUP BY a.type")
                .params(alertScope.params()).query((rs, n) -> byType.put(rs.getString(1), rs.getLong(2))).list();
        long open = byType.values().stream().mapToLong(Long::longValue).sum();

        OffsetDateTime now = clock.nowOffset();
        List<Object> params = new ArrayList<>();
        StringBuilder emergency = new StringBuilder();
        for (String prefix : modes.emergencyPrefixes()) {
            emergency.append(emergency.length() == 0 ? "" : " OR ").append("s.region_code LIKE ?");
            params.add(prefix + "%");
        }
        if (emergency.length() == 0) {
            emergency.append("1 = 0");
        }
        params.add(now.minus(SentinelSweep.TIGHT));
        params.add(now.minus(SentinelSweep.NORMAL));
        SqlFilter employeeScope = scope.subjects("e.region_code", "e.sector", "e.subject_id");
        params.addAll(employeeScope.params());
        // on time as the sweep counts it: a negative sample within the interval, or rostered within it (not due yet)
        String sql = "SELECT COUNT(*) AS watched, COALESCE(SUM(CASE WHEN COALESCE(x.last_negative_at, e.rostered_at) >= CASE WHEN "
                + "s.operation_mode = 'CLOSED_LOOP' OR e.post_type = 'MOBILE' OR (e.post_type = 'CITY_SUPPLY' AND ("
                + emergency + ")) OR s.id IN (SELECT i.subject_id FROM epi_incident i WHERE i.status IN ("
                + IncidentService.ACTIVE_STATUSES + ")) THEN ? ELSE ? END THEN 1 ELSE 0 END), 0) AS on_time"
                + " FROM epi_employee e JOIN subject s ON s.id = e.subject_id"
                + " LEFT JOIN epi_latest_result x ON x.employee_seq = e.seq"
                + " WHERE " + employeeScope.sql();
        long[] counts = jdbc.sql(sql).params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        double rate = counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
        return new Figures(open, counts[0], counts[1], rate, java.util.Map.copyOf(byType));
    }
}
