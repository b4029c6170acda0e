package org.sibao.logistics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sibao.identity.SqlFilter;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pairing table; every read takes the caller's scope predicate over either side's columns. The suggestion query
 * reads the subject table (read-only, as the policy and epidemic queries do) in one ranked statement.
 */
@Repository
class PairingRepository {

    private static final String COLUMNS = "id, kind, status, demand_id, demand_name, demand_region_code, demand_sector,"
            + " supply_id, supply_name, supply_region_code, supply_sector, note, proposed_by, proposed_at, decided_by,"
            + " decided_at, ended_by, ended_at, reason, version";

    /** A supply subject suggested for a demand subject; {@code proximity} is COUNTY, CITY or PROVINCE. */
    record Suggestion(String enterpriseId, String name, String regionCode, String sector, String industryCode,
            String whitelistStatus, String proximity, int activePairings) {
    }

    private final JdbcClient jdbc;

    PairingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Pairing p) {
        jdbc.sql("INSERT INTO pairing (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.kind().name(), p.status().name(), p.demandEnterpriseId(), p.demandName(),
                        p.demandRegionCode(), p.demandSector(), p.supplyEnterpriseId(), p.supplyName(),
                        p.supplyRegionCode(), p.supplySector(), p.note(), p.proposedBy(), p.proposedAt(), p.decidedBy(),
                        p.decidedAt(), p.endedBy(), p.endedAt(), p.reason(), p.version())
                .update();
    }

    /** Writes the state part if the pairing is still at {@code expectedVersion}. */
    boolean update(Pairing p, int expectedVersion) {
        return jdbc.sql("""
                UPDATE pairing SET status = ?, decided_by = ?, decided_at = ?, ended_by = ?, ended_at = ?, reason = ?,
                  version = version + 1
                WHERE id = ? AND version = ?""")
                .params(p.status().name(), p.decidedBy(), p.decidedAt(), p.endedBy(), p.endedAt(), p.reason(), p.id(),
                        expectedVersion)
                .update() == 1;
    }

    Optional<Pairing> find(String id, SqlFilter scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scope.params());
        return jdbc.sql("SELECT " + COLUMNS + " FROM pairing WHERE id = ? AND (" + scope.sql() + ")").params(params)
                .query(this::row).optional();
    }

    /** Whether an open (PROPOSED or ACTIVE) pairing of this kind links the two subjects. */
    boolean openExists(String demandId, String supplyId, PairingKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM pairing WHERE demand_id = ? AND supply_id = ? AND kind = ?"
                + " AND status IN ('PROPOSED', 'ACTIVE')").params(demandId, supplyId, kind.name())
                .query(Long.class).single() > 0;
    }

    long count(SqlFilter where) {
        return jdbc.sql("SELECT COUNT(*) FROM pairing WHERE " + where.sql()).params(where.params()).query(Long.class)
                .single();
    }

    PageResult<Pairing> list(SqlFilter where, PageQuery page) {
        long total = count(where);
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<Pairing> items = jdbc.sql("SELECT " + COLUMNS + " FROM pairing WHERE " + where.sql()
                + " ORDER BY proposed_at DESC, id DESC LIMIT ? OFFSET ?").params(params).query(this::row).list();
        return page.result(items, total);
    }

    /** Every pairing matching {@code where}, newest first, for the export. */
    List<Pairing> all(SqlFilter where, int limit) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM pairing WHERE " + where.sql()
                + " ORDER BY proposed_at DESC, id DESC LIMIT ?").params(params).query(this::row).list();
    }

    /**
     * Supply subjects for a demand subject in one statement: under {@code candidatePrefix}, of the kind's sector (and
     * industry divisions), without an open pairing of this kind with the demand subject; ranked same county, same
     * city, then the rest of the province; whitelist ACTIVE first; fewest ACTIVE pairings first; then by name.
     */
    List<Suggestion> suggestions(String demandId, String demandRegionCode, PairingKind kind, String candidatePrefix,
            int limit) {
        List<Object> params = new ArrayList<>();
        params.add(demandRegionCode);
        params.add(demandRegionCode.substring(0, 4) + "%");
        params.add(kind.supplySector().name());
        params.add(candidatePrefix + "%");
        params.add(demandId);
        String industry = "";
        if (!kind.industryCodes().isEmpty()) {
            industry = " AND s.industry_code IN (" + String.join(", ", kind.industryCodes().stream().map(c -> "?").toList()) + ")";
            params.addAll(kind.industryCodes().stream().sorted().toList());
        }
        params.add(demandId);
        params.add(kind.name());
        params.add(limit);
        return jdbc.sql("""
                SELECT s.id, s.name, s.region_code, s.sector, s.industry_code, s.whitelist_status,
                  CASE WHEN s.region_code = ? THEN 0 WHEN s.region_code LIKE ? THEN 1 ELSE 2 END AS proximity,
                  COALESCE(a.n, 0) AS active_pairings
                FROM subject s
                LEFT JOIN (SELECT supply_id, COUNT(*) AS n FROM pairing WHERE status = 'ACTIVE' GROUP BY supply_id) a
                  ON a.supply_id = s.id
                WHERE s.sector = ? AND s.region_code LIKE ? AND s.id <> ?""" + industry + """

                  AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.demand_id = ? AND p.supply_id = s.id AND p.kind = ?
                    AND p.status IN ('PROPOSED', 'ACTIVE'))
                ORDER BY proximity, CASE WHEN s.whitelist_status = 'ACTIVE' THEN 0 ELSE 1 END, active_pairings, s.name, s.id
                LIMIT ?""")
                .params(params)
                .query((rs, n) -> new Suggestion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), switch (rs.getInt(7)) {
                            case 0 -> "COUNTY";
                            case 1 -> "CITY";
                            default -> "PROVINCE";
                        }, rs.getInt(8)))
                .list();
    }

    /** A subject that may be the demand side of a pairing, for the propose page's picker. */
    record Candidate(String id, String name, String regionCode, String sector, String whitelistStatus) {
    }

    /**
     * Demand-side subjects (industry, tourism, key projects) in a scope over alias {@code s}, whose name contains
     * {@code q} when given: whitelist ACTIVE first, then by name.
     */
    List<Candidate> demandCandidates(SqlFilter scope, String q, int limit) {
        List<Object> params = new ArrayList<>(PairingKind.DEMAND_SECTORS.stream().map(Enum::name).sorted().toList());
        params.addAll(scope.params());
        String name = "";
        if (q != null && !q.isBlank()) {
            name = " AND s.name LIKE ?";
            params.add(org.sibao.identity.SqlFilter.containing(q));
        }
        params.add(limit);
        return jdbc.sql("SELECT s.id, s.name, s.region_code, s.sector, s.whitelist_status FROM subject s WHERE s.sector IN ("
                + String.join(", ", PairingKind.DEMAND_SECTORS.stream().map(x -> "?").toList()) + ") AND (" + scope.sql()
                + ")" + name + " ORDER BY CASE WHEN s.whitelist_status = 'ACTIVE' THEN 0 ELSE 1 END, s.name, s.id LIMIT ?")
                .params(params)
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime();
    }

    private Pairing row(ResultSet rs, int n) throws SQLException {
        return new Pairing(rs.getString("id"), PairingKind.valueOf(rs.getString("kind")),
                PairingStatus.valueOf(rs.getString("status")), rs.getString("demand_id"), rs.getString("demand_name"),
                rs.getString("demand_region_code"), rs.getString("demand_sector"), rs.getString("supply_id"),
                rs.getString("supply_name"), rs.getString("supply_region_code"), rs.getString("supply_sector"),
                rs.getString("note"), rs.getString("proposed_by"), time(rs, "proposed_at"), rs.getString("decided_by"),
                time(rs, "decided_at"), rs.getString("ended_by"), time(rs, "ended_at"), rs.getString("reason"),
                rs.getInt("version"));
    }
}
