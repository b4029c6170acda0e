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
        org.sibao.identity.SqlFilter rows = ReachRows.of(inForce, regionPrefix, sector);
        String sql = "SELECT COUNT(*) AS eligible, COALESCE(SUM(x.granted), 0),"
                + " COALESCE(SUM(CASE WHEN x.granted = 1 THEN x.granted_yuan END), 0)"
                + " FROM (" + rows.sql() + ") x";
        List<Object> params = rows.params();
        return jdbc.sql(sql).params(params).query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2),
                rs.getBigDecimal(3) == null ? BigDecimal.ZERO : rs.getBigDecimal(3))).single();
    }
}
