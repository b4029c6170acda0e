package org.sibao.tasking.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.sibao.identity.DataScope;
import org.sibao.platform.BusinessClock;
import org.sibao.region.Region;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.sibao.tasking.IsoWeek;
import org.sibao.whitelist.EntryActivated;
import org.sibao.whitelist.EntryRemoved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The weekly whitelist ledger: every {@link EntryActivated} and {@link EntryRemoved} is written to
 * {@code task_wl_ledger} with the subject's county and sector and the business time it was handled, so the weekly
 * brief counts new and removed entries per region and week without reading the whitelist module's tables (the
 * events are the whitelist's public surface; the Modulith outbox delivers them after commit, also after a restart).
 */
@Component
class WhitelistLedger {

    enum Change {
        ACTIVATED, REMOVED
    }

    record LedgerLine(String entryId, String enterpriseId, String enterpriseName, String regionCode, String sector,
            Change change, String reason, OffsetDateTime at) {
    }

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final BusinessClock clock;

    WhitelistLedger(JdbcClient jdbc, Subjects subjects, BusinessClock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EntryActivated e) {
        record(e.entryId(), e.enterpriseId(), e.sector(), Change.ACTIVATED, null);
    }

    @ApplicationModuleListener
    void on(EntryRemoved e) {
        record(e.entryId(), e.enterpriseId(), null, Change.REMOVED, e.reason());
    }

    void record(String entryId, String enterpriseId, String sector, Change change, String reason) {
        SubjectFacts s = subjects.find(enterpriseId, DataScope.system()).orElse(null);
        if (s == null) {
            return;
        }
        String sec = sector != null ? sector : (s.sector() == null ? "" : s.sector().name());
        jdbc.sql("""
                INSERT INTO task_wl_ledger (entry_id, enterprise_id, enterprise_name, region_code, sector, change_kind, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entryId, enterpriseId, s.name(), s.regionCode(), sec, change.name(), reason, clock.nowOffset())
                .update();
    }

    /** The ledger lines of a region (and below) in a week, oldest first. */
    List<LedgerLine> week(String regionCode, IsoWeek week) {
        return jdbc.sql("""
                SELECT entry_id, enterprise_id, enterprise_name, region_code, sector, change_kind, reason, at
                FROM task_wl_ledger WHERE region_code LIKE ? AND at >= ? AND at < ? ORDER BY at, id""")
                .params(Region.prefixOf(regionCode) + "%", week.start(), week.end())
                .query((rs, n) -> new LedgerLine(rs.getString("entry_id"), rs.getString("enterprise_id"),
                        rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("sector"),
                        Change.valueOf(rs.getString("change_kind")), rs.getString("reason"),
                        TaskRepository.time(rs, "at")))
                .list();
    }
}
