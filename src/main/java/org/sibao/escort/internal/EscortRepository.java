package org.sibao.escort.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sibao.identity.SqlFilter;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The escort tables; every read takes the caller's scope predicate over (region_code, sector, enterprise_id). */
@Repository
class EscortRepository {

    private static final String INSPECTION_COLUMNS = "id, enterprise_id, enterprise_name, region_code, sector, department_code,"
            + " kind, reason, planned_date, status, requested_by, requested_at, decided_by, decided_at, decision_comment, version";
    private static final String SHUTDOWN_COLUMNS = "id, enterprise_id, enterprise_name, region_code, sector, reason, days,"
            + " status, requested_by, requested_at, decided_by, decided_at, decision_comment, started_at, ends_at, ended_at,"
            + " end_cause, renewals, version, incident_id, consent_round";
    private static final String CONSENT_COLUMNS = "shutdown_id, round_no, side, decision, days, user_id, user_name,"
            + " region_code, decided_at, comment";

    private final JdbcClient jdbc;

    EscortRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static SqlFilter scope(org.sibao.identity.DataScope scope) {
        return scope.subjects("region_code", "sector", "enterprise_id");
    }

    // --- inspections

    void insert(Inspection i) {
        jdbc.sql("INSERT INTO escort_inspection (" + INSPECTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.id(), i.enterpriseId(), i.enterpriseName(), i.regionCode(), i.sector(), i.departmentCode(),
                        i.kind().name(), i.reason(), i.plannedDate(), i.status().name(), i.requestedBy(), i.requestedAt(),
                        i.decidedBy(), i.decidedAt(), i.decisionComment(), i.version())
                .update();
    }

    /** Records a decision if the request is still at {@code version}; false when someone else got there first. */
    boolean decide(Inspection i, int expectedVersion) {
        return jdbc.sql("""
                UPDATE escort_inspection SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(i.status().name(), i.decidedBy(), i.decidedAt(), i.decisionComment(), i.id(), expectedVersion)
                .update() == 1;
    }

    Optional<Inspection> findInspection(String id, SqlFilter scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scope.params());
        return jdbc.sql("SELECT " + INSPECTION_COLUMNS + " FROM escort_inspection WHERE id = ? AND (" + scope.sql() + ")")
                .params(params).query(EscortRepository::inspection).optional();
    }

    PageResult<Inspection> inspections(SqlFilter where, PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM escort_inspection WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<Inspection> items = jdbc.sql("SELECT " + INSPECTION_COLUMNS + " FROM escort_inspection WHERE " + where.sql()
                + " ORDER BY requested_at DESC, id DESC LIMIT ? OFFSET ?").params(params).query(EscortRepository::inspection).list();
        return page.result(items, total);
    }

    // --- shutdowns

    void insert(Shutdown s) {
        jdbc.sql("INSERT INTO escort_shutdown (" + SHUTDOWN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.enterpriseId(), s.enterpriseName(), s.regionCode(), s.sector(), s.reason(), s.days(),
                        s.status().name(), s.requestedBy(), s.requestedAt(), s.decidedBy(), s.decidedAt(),
                        s.decisionComment(), s.startedAt(), s.endsAt(), s.endedAt(), s.endCause(), s.renewals(), s.version(),
                        s.incidentId(), s.consentRound())
                .update();
    }

    /** Writes the mutable part of a shutdown if it is still at {@code expectedVersion}. */
    boolean update(Shutdown s, int expectedVersion) {
        return jdbc.sql("""
                UPDATE escort_shutdown SET days = ?, status = ?, decided_by = ?, decided_at = ?, decision_comment = ?,
                  started_at = ?, ends_at = ?, ended_at = ?, end_cause = ?, renewals = ?, consent_round = ?,
                  version = version + 1
                WHERE id = ? AND version = ?""")
                .params(s.days(), s.status().name(), s.decidedBy(), s.decidedAt(), s.decisionComment(), s.startedAt(),
                        s.endsAt(), s.endedAt(), s.endCause(), s.renewals(), s.consentRound(), s.id(), expectedVersion)
                .update() == 1;
    }

    Optional<Shutdown> findShutdown(String id, SqlFilter scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scope.params());
        return jdbc.sql("SELECT " + SHUTDOWN_COLUMNS + " FROM escort_shutdown WHERE id = ? AND (" + scope.sql() + ")")
                .params(params).query(EscortRepository::shutdown).optional();
    }

    PageResult<Shutdown> shutdowns(SqlFilter where, PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM escort_shutdown WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<Shutdown> items = jdbc.sql("SELECT " + SHUTDOWN_COLUMNS + " FROM escort_shutdown WHERE " + where.sql()
                + " ORDER BY requested_at DESC, id DESC LIMIT ? OFFSET ?").params(params).query(EscortRepository::shutdown).list();
        return page.result(items, total);
    }

    /**
     * Records one side's word on a round of the joint decision; false when that side has already spoken on it (the
     * key is the shutdown, round and side, so two requests of one side never both count).
     */
    boolean insertConsent(String shutdownId, Consent c) {
        try {
            jdbc.sql("INSERT INTO escort_shutdown_consent (" + CONSENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(shutdownId, c.round(), c.side().name(), c.decision().name(), c.days(), c.userId(),
                            c.userName(), c.regionCode(), c.at(), c.comment())
                    .update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    /** The consents of these shutdowns, by shutdown, each list in round and time order. */
    Map<String, List<Consent>> consents(Collection<String> shutdownIds) {
        Map<String, List<Consent>> out = new HashMap<>();
        if (shutdownIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT " + CONSENT_COLUMNS + " FROM escort_shutdown_consent WHERE shutdown_id IN ("
                + String.join(", ", Collections.nCopies(shutdownIds.size(), "?")) + ") ORDER BY round_no, decided_at, side")
                .params(List.copyOf(shutdownIds))
                .query((rs, n) -> Map.entry(rs.getString("shutdown_id"), consent(rs))).list()
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** Whether the enterprise has a shutdown that is pending or in force. */
    boolean hasOpenShutdown(String enterpriseId) {
        return jdbc.sql("SELECT COUNT(*) FROM escort_shutdown WHERE enterprise_id = ? AND status IN ('PENDING', 'ACTIVE')")
                .param(enterpriseId).query(Long.class).single() > 0;
    }

    /** Active shutdowns whose time has passed on the business clock. */
    List<Shutdown> dueShutdowns(OffsetDateTime now) {
        return jdbc.sql("SELECT " + SHUTDOWN_COLUMNS + " FROM escort_shutdown WHERE status = 'ACTIVE' AND ends_at <= ? ORDER BY ends_at")
                .param(now).query(EscortRepository::shutdown).list();
    }

    // --- demo data

    /** Whether any inspection or shutdown exists (the demo data seeds only into empty tables). */
    boolean any() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM escort_inspection) + (SELECT COUNT(*) FROM escort_shutdown)")
                .query(Long.class).single() > 0;
    }

    /** Moves an inspection's request and decision back by {@code by} (the demo data's history). */
    void shiftInspectionBack(String id, Duration by) {
        Inspection i = findInspection(id, SqlFilter.NONE).orElseThrow();
        jdbc.sql("UPDATE escort_inspection SET requested_at = ?, decided_at = ? WHERE id = ?")
                .params(minus(i.requestedAt(), by), minus(i.decidedAt(), by), id).update();
    }

    /** Moves every time of a shutdown back by {@code by} (the demo data's history); an ACTIVE one ends earlier too. */
    void shiftShutdownBack(String id, Duration by) {
        Shutdown s = findShutdown(id, SqlFilter.NONE).orElseThrow();
        jdbc.sql("UPDATE escort_shutdown SET requested_at = ?, decided_at = ?, started_at = ?, ends_at = ?, ended_at = ?"
                + " WHERE id = ?")
                .params(minus(s.requestedAt(), by), minus(s.decidedAt(), by), minus(s.startedAt(), by),
                        minus(s.endsAt(), by), minus(s.endedAt(), by), id)
                .update();
        for (Consent c : consents(List.of(id)).getOrDefault(id, List.of())) {
            jdbc.sql("UPDATE escort_shutdown_consent SET decided_at = ? WHERE shutdown_id = ? AND round_no = ? AND side = ?")
                    .params(c.at().minus(by), id, c.round(), c.side().name()).update();
        }
    }

    private static OffsetDateTime minus(OffsetDateTime t, Duration by) {
        return t == null ? null : t.minus(by);
    }

    // --- mapping

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime();
    }

    private static Inspection inspection(ResultSet rs, int n) throws SQLException {
        InspectionKind kind = InspectionKind.valueOf(rs.getString("kind"));
        return new Inspection(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("sector"), rs.getString("department_code"), kind,
                rs.getString("reason"), rs.getObject("planned_date", LocalDate.class),
                InspectionStatus.valueOf(rs.getString("status")), kind.needsApproval(), rs.getString("requested_by"),
                time(rs, "requested_at"), rs.getString("decided_by"), time(rs, "decided_at"),
                rs.getString("decision_comment"), rs.getInt("version"), null, null);
    }

    private static Shutdown shutdown(ResultSet rs, int n) throws SQLException {
        return new Shutdown(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("sector"), rs.getString("reason"), rs.getInt("days"),
                ShutdownStatus.valueOf(rs.getString("status")), rs.getString("requested_by"), time(rs, "requested_at"),
                rs.getString("decided_by"), time(rs, "decided_at"), rs.getString("decision_comment"),
                time(rs, "started_at"), time(rs, "ends_at"), time(rs, "ended_at"), rs.getString("end_cause"),
                rs.getInt("renewals"), rs.getInt("version"), rs.getString("incident_id"), rs.getInt("consent_round"),
                List.of(), null);
    }

    private static Consent consent(ResultSet rs) throws SQLException {
        return new Consent(rs.getInt("round_no"), ShutdownSide.valueOf(rs.getString("side")),
                Consent.Decision.valueOf(rs.getString("decision")), rs.getObject("days", Integer.class),
                rs.getString("user_id"), rs.getString("user_name"), rs.getString("region_code"), null, time(rs, "decided_at"),
                rs.getString("comment"));
    }
}
