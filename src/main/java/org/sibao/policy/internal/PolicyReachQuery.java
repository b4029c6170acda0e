package org.sibao.policy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.sibao.policy.PolicyReach;
import org.sibao.region.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PolicyReach}: the totals of {@link ReachQuery} without the grouping, in one statement. A sector is
 * filtered through the subject table's sector column (policy rows carry the county only).
 */
@Component
@Transactional(readOnly = true)
class PolicyReachQuery implements PolicyReach {

    private final JdbcClient jdbc;
    private final PolicyMatcher matcher;

    PolicyReachQuery(JdbcClient jdbc, PolicyMatcher matcher) {
        this.jdbc = jdbc;
        this.matcher = matcher;
    }

    @Override
    public Totals totals(String regionPrefix, Sector sector) {
        List<String> inForce = matcher.inForce().stream().map(c -> c.row().id()).toList();
        if (inForce.isEmpty()) {
            return new Totals(0, 0, BigDecimal.ZERO);
        }
        String in = String.join(", ", Collections.nCopies(inForce.size(), "?"));
        String sectorM = sector == null ? "" : " AND m.subject_id IN (SELECT s.id FROM subject s WHERE s.sector = ?)";
        String sectorR = sector == null ? "" : " AND r.subject_id IN (SELECT s.id FROM subject s WHERE s.sector = ?)";
        List<Object> params = new ArrayList<>(inForce);
        params.add(regionPrefix + "%");
        if (sector != null) {
            params.add(sector.name());
        }
        params.addAll(inForce);
        params.add(regionPrefix + "%");
        if (sector != null) {
            params.add(sector.name());
        }
        String sql = "SELECT COUNT(*) AS eligible, COALESCE(SUM(CASE WHEN x.state = 'GRANTED' THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN x.state = 'GRANTED' THEN x.granted_yuan END), 0)"
                + " FROM (SELECT r.state, r.granted_yuan"
                + "       FROM policy_match m LEFT JOIN policy_redemption r"
                + "         ON r.subject_id = m.subject_id AND r.policy_id = m.policy_id"
                + "       WHERE m.outcome = 'ELIGIBLE' AND m.policy_id IN (" + in + ") AND m.region_code LIKE ?" + sectorM
                + "       UNION ALL"
                + "       SELECT r.state, r.granted_yuan FROM policy_redemption r"
                + "       WHERE r.state = 'GRANTED' AND r.policy_id IN (" + in + ") AND r.region_code LIKE ?" + sectorR
                + "         AND NOT EXISTS (SELECT 1 FROM policy_match m WHERE m.subject_id = r.subject_id"
                + "                         AND m.policy_id = r.policy_id AND m.outcome = 'ELIGIBLE')) x";
        return jdbc.sql(sql).params(params).query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2),
                rs.getBigDecimal(3) == null ? BigDecimal.ZERO : rs.getBigDecimal(3))).single();
    }
}
