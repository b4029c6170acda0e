package org.sibao.subject.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.identity.DataScope;
import org.sibao.identity.SqlFilter;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectAggregates;
import org.sibao.subject.WhitelistStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link SubjectAggregates} as grouped SQL over the {@code subject} table (one statement per call). */
@Component
@Transactional(readOnly = true)
class JdbcSubjectAggregates implements SubjectAggregates {

    /** The value measure of SPEC §4: investment for key projects, output value otherwise; missing = 0. */
    static final String VALUE = "(CASE WHEN s.sector = 'KEY_PROJECT' THEN COALESCE(s.total_investment, 0)"
            + " ELSE COALESCE(s.output_value, 0) END)";

    private final JdbcClient jdbc;

    JdbcSubjectAggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ValueTotals> valueTotals(String countyCode) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (countyCode != null) {
            where = " WHERE s.region_code = ?";
            params.add(countyCode);
        }
        return jdbc.sql("SELECT s.region_code, s.sector,"
                + " SUM(CASE WHEN s.whitelist_status = 'ACTIVE' THEN " + VALUE + " ELSE 0 END) AS covered,"
                + " SUM(" + VALUE + ") AS total, COUNT(*) AS subjects,"
                + " SUM(CASE WHEN s.whitelist_status = 'ACTIVE' THEN 1 ELSE 0 END) AS whitelisted"
                + " FROM subject s" + where + " GROUP BY s.region_code, s.sector")
                .params(params)
                .query((rs, n) -> new ValueTotals(rs.getString(1), Sector.valueOf(rs.getString(2)), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    @Override
    public List<ValuedSubject> unlistedByValue(DataScope scope, String regionPrefix, Sector sector, int limit) {
        SqlFilter filter = scope.subjects("s.region_code", "s.sector", "s.id")
                .and(new SqlFilter("s.region_code LIKE ?", List.of(regionPrefix + "%")))
                .and(new SqlFilter("s.whitelist_status = ?", List.of(WhitelistStatus.NONE.name())));
        if (sector != null) {
            filter = filter.and(new SqlFilter("s.sector = ?", List.of(sector.name())));
        }
        List<Object> params = new ArrayList<>(filter.params());
        params.add(limit);
        return jdbc.sql("SELECT s.id, s.name, s.region_code, s.sector, s.whitelist_status, " + VALUE + " AS v"
                + " FROM subject s WHERE " + filter.sql() + " AND " + VALUE + " > 0"
                + " ORDER BY v DESC, s.id LIMIT ?")
                .params(params)
                .query((rs, n) -> new ValuedSubject(rs.getString(1), rs.getString(2), rs.getString(3),
                        Sector.valueOf(rs.getString(4)), WhitelistStatus.valueOf(rs.getString(5)), rs.getBigDecimal(6)))
                .list();
    }
}
