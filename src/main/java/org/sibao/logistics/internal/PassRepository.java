package org.sibao.logistics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sibao.identity.SqlFilter;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pass tables; every read takes the caller's scope predicate over the carrier's columns. */
@Repository
class PassRepository {

    private static final String COLUMNS = "id, carrier_enterprise_id, carrier_name, carrier_region_code, carrier_sector,"
            + " plate_number, origin, destination, valid_from, valid_to, status, code, requested_by, requested_at,"
            + " decided_by, decided_at, decision_comment, revoked_by, revoked_at, version";

    /** A driver to store: clear values only travel into the cipher. */
    record NewDriver(String name, String idCipher, String idMasked, String idHash, String phoneCipher, String phoneMasked) {
    }

    /** A driver of the transport whitelist (masked). */
    record WhitelistDriver(String name, String idNumber, String phone, String plateNumber, String passId,
            String carrierEnterpriseId, String carrierName, String carrierRegionCode, OffsetDateTime validTo) {
    }

    private final JdbcClient jdbc;

    PassRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(VehiclePass p, List<NewDriver> drivers) {
        jdbc.sql("INSERT INTO vehicle_pass (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.carrierEnterpriseId(), p.carrierName(), p.carrierRegionCode(), p.carrierSector(),
                        p.plateNumber(), p.origin(), p.destination(), p.validFrom(), p.validTo(), p.status().name(),
                        p.code(), p.requestedBy(), p.requestedAt(), p.decidedBy(), p.decidedAt(), p.decisionComment(),
                        p.revokedBy(), p.revokedAt(), p.version())
                .update();
        for (VehiclePass.Served s : p.servedEnterprises()) {
            jdbc.sql("INSERT INTO vehicle_pass_served (pass_id, enterprise_id, enterprise_name) VALUES (?, ?, ?)")
                    .params(p.id(), s.enterpriseId(), s.enterpriseName()).update();
        }
        int position = 0;
        for (NewDriver d : drivers) {
            jdbc.sql("""
                    INSERT INTO pass_driver (id, pass_id, position, name, id_number_cipher, id_number_masked, id_hash,
                      phone_cipher, phone_masked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Ids.newId(), p.id(), position++, d.name(), d.idCipher(), d.idMasked(), d.idHash(),
                            d.phoneCipher(), d.phoneMasked())
                    .update();
        }
    }

    /** Writes the decision part of a pass if it is still at {@code expectedVersion}. */
    boolean update(VehiclePass p, int expectedVersion) {
        return jdbc.sql("""
                UPDATE vehicle_pass SET status = ?, code = ?, decided_by = ?, decided_at = ?, decision_comment = ?,
                  revoked_by = ?, revoked_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(p.status().name(), p.code(), p.decidedBy(), p.decidedAt(), p.decisionComment(), p.revokedBy(),
                        p.revokedAt(), p.id(), expectedVersion)
                .update() == 1;
    }

    Optional<VehiclePass> find(String id, SqlFilter scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scope.params());
        return jdbc.sql("SELECT " + COLUMNS + " FROM vehicle_pass WHERE id = ? AND (" + scope.sql() + ")")
                .params(params).query(this::row).optional().map(p -> withChildren(List.of(p)).get(0));
    }

    PageResult<VehiclePass> list(SqlFilter where, PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM vehicle_pass WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<VehiclePass> items = jdbc.sql("SELECT " + COLUMNS + " FROM vehicle_pass WHERE " + where.sql()
                + " ORDER BY requested_at DESC, id DESC LIMIT ? OFFSET ?").params(params).query(this::row).list();
        return page.result(withChildren(items), total);
    }

    /** Drivers on approved passes valid at {@code now} of carriers under a region prefix. */
    PageResult<WhitelistDriver> whitelistDrivers(String regionPrefix, OffsetDateTime now, PageQuery page) {
        String from = " FROM pass_driver d JOIN vehicle_pass p ON p.id = d.pass_id WHERE p.status = 'APPROVED'"
                + " AND p.valid_from <= ? AND p.valid_to >= ? AND p.carrier_region_code LIKE ?";
        long total = jdbc.sql("SELECT COUNT(*)" + from).params(now, now, regionPrefix + "%").query(Long.class).single();
        List<WhitelistDriver> items = jdbc.sql("SELECT d.name, d.id_number_masked, d.phone_masked, p.plate_number, p.id,"
                + " p.carrier_enterprise_id, p.carrier_name, p.carrier_region_code, p.valid_to" + from
                + " ORDER BY p.carrier_region_code, p.carrier_name, p.id, d.position LIMIT ? OFFSET ?")
                .params(now, now, regionPrefix + "%", page.size(), page.offset())
                .query((rs, n) -> new WhitelistDriver(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), time(rs, "valid_to")))
                .list();
        return page.result(items, total);
    }

    /** What a checkpoint sees of a valid pass: served subjects still on the whitelist, drivers' names (clear). */
    record Checkpoint(List<String> servedEnterprises, List<String> driverNames) {
    }

    /**
     * A pass's served subjects still on the whitelist ({@code r}, {@code s}): ACTIVE, or SUSPENDED by a shutdown (at
     * most 3 days, which leaves the passes valid).
     */
    private static final String SERVED_ON_WHITELIST = " FROM vehicle_pass_served r JOIN subject s ON s.id = r.enterprise_id"
            + " WHERE r.pass_id = %s AND s.whitelist_status IN ('ACTIVE', 'SUSPENDED')";

    /**
     * The approved passes, unexpired at {@code now}, that serve a subject and no subject still on the whitelist, locked
     * for their revocation; one statement over the passes, their served subjects and the subject table (read-only).
     */
    List<VehiclePass> lockDelisted(String enterpriseId, OffsetDateTime now) {
        List<VehiclePass> passes = jdbc.sql("SELECT " + COLUMNS + " FROM vehicle_pass p WHERE p.status = 'APPROVED'"
                + " AND p.valid_to >= ? AND EXISTS (SELECT 1 FROM vehicle_pass_served o WHERE o.pass_id = p.id"
                + " AND o.enterprise_id = ?) AND NOT EXISTS (SELECT 1" + SERVED_ON_WHITELIST.formatted("p.id") + ") ORDER BY p.id FOR UPDATE")
                .params(now, enterpriseId).query(this::row).list();
        return withChildren(passes);
    }

    /** Revokes approved passes at once (the caller holds their locks); how many were revoked. */
    int revokeAll(List<String> ids, String reason, String revokedBy, OffsetDateTime at) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>(List.of(reason, revokedBy, at));
        params.addAll(ids);
        return jdbc.sql("UPDATE vehicle_pass SET status = 'REVOKED', decision_comment = ?, revoked_by = ?, revoked_at = ?,"
                + " version = version + 1 WHERE status = 'APPROVED' AND id IN (" + placeholders(ids.size()) + ")")
                .params(params).update();
    }

    /** The public check's details of a pass (names of the served subjects now, drivers by position). */
    Checkpoint checkpoint(String passId) {
        List<String> served = jdbc.sql("SELECT s.name" + SERVED_ON_WHITELIST.formatted("?") + " ORDER BY s.name")
                .param(passId).query(String.class).list();
        List<String> drivers = jdbc.sql("SELECT name FROM pass_driver WHERE pass_id = ? ORDER BY position")
                .param(passId).query(String.class).list();
        return new Checkpoint(served, drivers);
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The pass a code names, whatever the scope (for the public check). */
    Optional<VehiclePass> findForVerification(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vehicle_pass WHERE id = ?").param(id).query(this::row).optional();
    }

    private List<VehiclePass> withChildren(List<VehiclePass> passes) {
        if (passes.isEmpty()) {
            return passes;
        }
        List<String> ids = passes.stream().map(VehiclePass::id).toList();
        String in = placeholders(ids.size());
        Map<String, List<VehiclePass.Driver>> drivers = new LinkedHashMap<>();
        jdbc.sql("SELECT pass_id, name, id_number_masked, phone_masked FROM pass_driver WHERE pass_id IN (" + in
                + ") ORDER BY pass_id, position").params(new ArrayList<Object>(ids))
                .query((rs, n) -> drivers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new VehiclePass.Driver(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
        Map<String, List<VehiclePass.Served>> served = new LinkedHashMap<>();
        jdbc.sql("SELECT pass_id, enterprise_id, enterprise_name FROM vehicle_pass_served WHERE pass_id IN (" + in
                + ") ORDER BY pass_id, enterprise_name").params(new ArrayList<Object>(ids))
                .query((rs, n) -> served.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new VehiclePass.Served(rs.getString(2), rs.getString(3))))
                .list();
        return passes.stream().map(p -> new VehiclePass(p.id(), p.carrierEnterpriseId(), p.carrierName(),
                p.carrierRegionCode(), p.carrierSector(), p.plateNumber(), drivers.getOrDefault(p.id(), List.of()),
                p.origin(), p.destination(), p.validFrom(), p.validTo(), served.getOrDefault(p.id(), List.of()),
                p.status(), p.code(), p.requestedBy(), p.requestedAt(), p.decidedBy(), p.decidedAt(),
                p.decisionComment(), p.revokedBy(), p.revokedAt(), p.version())).toList();
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime();
    }

    private VehiclePass row(ResultSet rs, int n) throws SQLException {
        return new VehiclePass(rs.getString("id"), rs.getString("carrier_enterprise_id"), rs.getString("carrier_name"),
                rs.getString("carrier_region_code"), rs.getString("carrier_sector"), rs.getString("plate_number"),
                List.of(), rs.getString("origin"), rs.getString("destination"), time(rs, "valid_from"),
                time(rs, "valid_to"), List.of(), PassStatus.valueOf(rs.getString("status")), rs.getString("code"),
                rs.getString("requested_by"), time(rs, "requested_at"), rs.getString("decided_by"),
                time(rs, "decided_at"), rs.getString("decision_comment"), rs.getString("revoked_by"),
                time(rs, "revoked_at"), rs.getInt("version"));
    }
}
