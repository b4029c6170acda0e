package org.sibao.policy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 应享尽享率 (reach) = granted ÷ eligible over the policies in force, with granted amounts, by policy, department
 * and county: grouped SQL over {@code policy_match} and {@code policy_redemption} under a region prefix.
 */
@Component
@Transactional(readOnly = true)
class ReachQuery {

    record Figure(String key, String label, long eligible, long granted, BigDecimal rate, BigDecimal grantedYuan) {
    }

    record Reach(String regionCode, long eligible, long granted, BigDecimal rate, BigDecimal grantedYuan,
            List<Figure> byPolicy, List<Figure> byDepartment, List<Figure> byRegion) {
    }

    private final JdbcClient jdbc;

    ReachQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param regionCode the region reported on; {@code prefix} its code prefix
     * @param sector     the subjects' sector counted (a sector officer's own), null for all
     * @param inForce    ids of the policy versions in force
     */
    Reach reach(String regionCode, String prefix, org.sibao.region.Sector sector, List<String> inForce) {
        if (inForce.isEmpty()) {
            return new Reach(regionCode, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), List.of(), List.of());
        }
        List<Figure> byPolicy = grouped("p.code", "p.title", prefix, sector, inForce);
        List<Figure> byDepartment = grouped("COALESCE(p.department_code, '-')", "COALESCE(p.department_code, '-')",
                prefix, sector, inForce);
        List<Figure> byRegion = grouped("x.region_code", "x.region_code", prefix, sector, inForce);
        long eligible = byPolicy.stream().mapToLong(Figure::eligible).sum();
        long granted = byPolicy.stream().mapToLong(Figure::granted).sum();
        BigDecimal amount = byPolicy.stream().map(Figure::grantedYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Reach(regionCode, eligible, granted, rate(granted, eligible), amount, byPolicy, byDepartment, byRegion);
    }

    /**
     * One GROUP BY over the eligible matches and the grants of the policies in force ({@link ReachRows}): a subject
     * counts as eligible when its stored outcome is ELIGIBLE (or it was granted, under this or an earlier version:
     * a grant stands when facts change later).
     */
    private List<Figure> grouped(String key, String label, String prefix, org.sibao.region.Sector sector,
            List<String> inForce) {
        org.sibao.identity.SqlFilter rows = ReachRows.of(inForce, prefix, sector);
        List<Object> params = rows.params();
        String sql = "SELECT " + key + " AS k, MIN(" + label + ") AS l, COUNT(*) AS eligible,"
                + " SUM(x.granted) AS granted,"
                + " COALESCE(SUM(CASE WHEN x.granted = 1 THEN x.granted_yuan END), 0) AS amount"
                + " FROM (" + rows.sql() + ") x"
                + " JOIN policy p ON p.id = x.policy_id GROUP BY " + key + " ORDER BY 1";
        return jdbc.sql(sql).params(params).query((rs, n) -> {
            long e = rs.getLong(3);
            long g = rs.getLong(4);
            return new Figure(rs.getString(1), rs.getString(2), e, g, rate(g, e), rs.getBigDecimal(5));
        }).list();
    }

    static BigDecimal rate(long granted, long eligible) {
        return eligible == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(granted).divide(BigDecimal.valueOf(eligible), 4, RoundingMode.HALF_UP);
    }
}
