package org.sibao.escort.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.sibao.escort.EscortFigures;
import org.sibao.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link EscortFigures} in three statements over the escort tables. */
@Component
@Transactional(readOnly = true)
class EscortFiguresQuery implements EscortFigures {

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    EscortFiguresQuery(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Figures figures(String regionPrefix, OffsetDateTime from, OffsetDateTime to) {
        String like = regionPrefix + "%";
        long[] inspections = jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN requested_at >= ? AND requested_at < ? THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN requested_at >= ? AND requested_at < ? AND status = 'NOT_REQUIRED' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN decided_at >= ? AND decided_at < ? AND status = 'APPROVED' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN decided_at >= ? AND decided_at < ? AND status = 'REFUSED' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), 0)
                FROM escort_inspection WHERE region_code LIKE ?""")
                .params(from, to, from, to, from, to, from, to, like)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
        long[] shutdowns = jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN requested_at >= ? AND requested_at < ? THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN ended_at >= ? AND ended_at < ? THEN 1 ELSE 0 END), 0)
                FROM escort_shutdown WHERE region_code LIKE ?""")
                .params(from, to, from, to, like)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        // shut now: ACTIVE and its time not run out (one past it ends at the next read)
        List<String> shut = jdbc.sql("""
                SELECT enterprise_name FROM escort_shutdown WHERE region_code LIKE ? AND status = 'ACTIVE' AND ends_at > ?
                ORDER BY ends_at, enterprise_name""")
                .params(like, clock.nowOffset()).query(String.class).list();
        return new Figures(inspections[0], inspections[1], inspections[2], inspections[3], inspections[4], shutdowns[0],
                shutdowns[1], shutdowns[2], shut);
    }
}
