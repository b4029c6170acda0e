package org.sibao.coverage.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.sibao.region.Sector;
import org.sibao.subject.SubjectAggregates.ValueTotals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code coverage_aggregate} table: one row per county and sector. */
@Repository
class AggregateStore {

    /** One row of the read model, or a sum of rows. */
    record Row(String countyCode, Sector sector, BigDecimal covered, BigDecimal total, long subjects, long whitelisted) {
    }

    private final JdbcClient jdbc;

    AggregateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes sure the county has a row per sector, then locks them so that refreshes of one county run one by one. */
    void lockCounty(String countyCode, OffsetDateTime now) {
        for (Sector s : Sector.values()) {
            jdbc.sql("""
                    INSERT INTO coverage_aggregate (county_code, sector, covered_value, total_value, subjects, whitelisted, refreshed_at)
                    VALUES (?, ?, 0, 0, 0, 0, ?) ON CONFLICT DO NOTHING""")
                    .params(countyCode, s.name(), now).update();
        }
        jdbc.sql("SELECT county_code FROM coverage_aggregate WHERE county_code = ? FOR UPDATE")
                .param(countyCode).query(String.class).list();
    }

    void update(String countyCode, Sector sector, ValueTotals t, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE coverage_aggregate SET covered_value = ?, total_value = ?, subjects = ?, whitelisted = ?, refreshed_at = ?
                WHERE county_code = ? AND sector = ?""")
                .params(t == null ? BigDecimal.ZERO : t.coveredValue(), t == null ? BigDecimal.ZERO : t.totalValue(),
                        t == null ? 0 : t.subjects(), t == null ? 0 : t.whitelisted(), now, countyCode, sector.name())
                .update();
    }

    /** Replaces the whole read model (within the caller's transaction). */
    int replaceAll(List<ValueTotals> totals, OffsetDateTime now) {
        jdbc.sql("DELETE FROM coverage_aggregate").update();
        for (ValueTotals t : totals) {
            // a county refresh committing between the DELETE and here may have re-created the row: insert if
            // absent, then set the figures, so the rebuild never fails on the key
            jdbc.sql("""
                    INSERT INTO coverage_aggregate (county_code, sector, covered_value, total_value, subjects, whitelisted, refreshed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(t.countyCode(), t.sector().name(), t.coveredValue(), t.totalValue(), t.subjects(),
                            t.whitelisted(), now)
                    .update();
            jdbc.sql("""
                    UPDATE coverage_aggregate SET covered_value = ?, total_value = ?, subjects = ?, whitelisted = ?, refreshed_at = ?
                    WHERE county_code = ? AND sector = ?""")
                    .params(t.coveredValue(), t.totalValue(), t.subjects(), t.whitelisted(), now, t.countyCode(),
                            t.sector().name())
                    .update();
        }
        return totals.size();
    }

    /** The rows under a region prefix (at most every county × 5 sectors), optionally of one sector. */
    List<Row> rowsUnder(String regionPrefix, Sector sector) {
        String sql = "SELECT county_code, sector, covered_value, total_value, subjects, whitelisted FROM coverage_aggregate"
                + " WHERE county_code LIKE ?" + (sector == null ? "" : " AND sector = ?");
        var spec = jdbc.sql(sql).param(regionPrefix + "%");
        if (sector != null) {
            spec = spec.param(sector.name());
        }
        return spec.query((rs, n) -> new Row(rs.getString(1), Sector.valueOf(rs.getString(2)), rs.getBigDecimal(3),
                rs.getBigDecimal(4), rs.getLong(5), rs.getLong(6))).list();
    }

    OffsetDateTime lastRefresh() {
        return jdbc.sql("SELECT MAX(refreshed_at) FROM coverage_aggregate").query(OffsetDateTime.class).optional().orElse(null);
    }
}
