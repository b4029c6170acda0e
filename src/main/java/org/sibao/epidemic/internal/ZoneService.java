package org.sibao.epidemic.internal;



import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;







import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.subject.SubjectFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zones and venue codes (划小单元, 场所码): EXCHANGE / PRODUCTION / LIVING / PUBLIC zones of a subject, each with a
 * venue code (rendered as a QR PNG with ZXing) and a colour: GREEN normal, BLUE new arrivals under observation,
 * YELLOW close contacts, RED abnormal results (seed 004). The colour follows who is in the zone ({@link ZoneColours});
 * the subject's writers create zones, move employees into them, and may set an override that raises the colour
 * ({@code AUTO} removes it).
 */
@Service
@Transactional
class ZoneService {

    static final Set<String> KINDS = Set.of("EXCHANGE", "PRODUCTION", "LIVING", "PUBLIC");
    static final Set<String> COLOURS = Set.of("GREEN", "BLUE", "YELLOW", "RED");
    /** The colour input that removes an override. */
    static final String AUTO = "AUTO";
    static final int MAX_MEMBERS = 2_000;
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    record ZoneInput(String name, String kind, String colour) {
    }

    record ColourInput(String colour) {
    }

    record MembersInput(List<String> employeeIds) {
    }

    /**
     * @param colour       the colour shown: the more severe of {@code autoColour} and {@code manualColour}
     * @param manualColour an officer's override, or null
     * @param employees    employees working in the zone
     */
    record ZoneView(String id, String enterpriseId, String name, String kind, String colour, String venueCode,
            OffsetDateTime updatedAt, String autoColour, String manualColour, int employees) {
    }

    private final JdbcClient jdbc;
    private final EpidemicAccess access;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final ZoneColours colours;

    ZoneService(JdbcClient jdbc, EpidemicAccess access, BusinessClock clock, AuditLog audit, ZoneColours colours) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
        this.colours = colours;
    }

    ZoneView create(String enterpriseId, ZoneInput in) {
        SubjectFacts subject = access.writable(enterpriseId);
        Validation v = new Validation();
        if (v.required(in == null ? null : in.name(), "name")) {
            v.maxLength(in.name().trim(), 100, "name");
        }
        if (v.required(in == null ? null : in.kind(), "kind")) {
            v.check(KINDS.contains(in.kind().trim()), "kind", "epidemic.zone.kind", in.kind());
        }
        String manual = in == null || in.colour() == null || in.colour().isBlank() ? null : in.colour().trim();
        v.check(manual == null || COLOURS.contains(manual), "colour", "epidemic.zone.colour", manual);
        v.throwIfInvalid();
        String id = Ids.newId();
        OffsetDateTime now = clock.nowOffset();
        jdbc.sql("""
                INSERT INTO epi_zone (id, subject_id, region_code, sector, name, kind, colour, auto_colour, manual_colour,
                    venue_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'GREEN', ?, ?, ?, ?)""")
                .params(id, subject.id(), subject.regionCode(), subject.sector().name(), in.name().trim(), in.kind().trim(),
                        ZoneColours.moreSevere("GREEN", manual), manual, venueCode(), now, now).update();
        ZoneView zone = find(id);
        audit.record("epidemic.zone.create", "zone", id, subject.regionCode(), null, zone);
        return zone;
    }

    /** Sets an officer's override ({@code AUTO} removes it); the zone shows the more severe of it and the automatic colour. */
    ZoneView setColour(String zoneId, ColourInput in) {
        ZoneView before = writableZone(zoneId);
        Validation v = new Validation();
        if (v.required(in == null ? null : in.colour(), "colour")) {
            String c = in.colour().trim();
            v.check(COLOURS.contains(c) || AUTO.equals(c), "colour", "epidemic.zone.colour", in.colour());
        }
        v.throwIfInvalid();
        String manual = AUTO.equals(in.colour().trim()) ? null : in.colour().trim();
        jdbc.sql("UPDATE epi_zone SET manual_colour = ?, updated_at = ? WHERE id = ?").params(manual, clock.nowOffset(), zoneId)
                .update();
        colours.recompute(before.enterpriseId());
        ZoneView after = find(zoneId);
        audit.record("epidemic.zone.colour", "zone", zoneId, regionOf(before),
                Map.of("colour", before.colour(), "manualColour", String.valueOf(before.manualColour())),
                Map.of("colour", after.colour(), "manualColour", String.valueOf(after.manualColour())));
        return after;
    }

    /** Moves employees of the zone's subject into the zone (out of any other), then recomputes the colours. */
    ZoneView moveEmployees(String zoneId, MembersInput in) {
        ZoneView zone = writableZone(zoneId);
        List<String> ids = in == null || in.employeeIds() == null ? List.of()
                : in.employeeIds().stream().filter(java.util.Objects::nonNull).distinct().toList();
        Validation v = new Validation();
        if (v.check(!ids.isEmpty(), "employeeIds", "validation.required")) {
            v.check(ids.size() <= MAX_MEMBERS, "employeeIds", "epidemic.zone.tooMany", MAX_MEMBERS);
        }
        v.throwIfInvalid();
        Employees.check(jdbc, v, zone.enterpriseId(), ids, "employeeIds");
        v.throwIfInvalid();
        List<Object> params = new ArrayList<>();
        params.add(zoneId);
        params.add(zone.enterpriseId());
        params.addAll(ids);
        jdbc.sql("UPDATE epi_employee SET zone_id = ? WHERE subject_id = ? AND id IN (" + "?,".repeat(ids.size() - 1) + "?)")
                .params(params).update();
        colours.recompute(zone.enterpriseId());
        ZoneView after = find(zoneId);
        audit.record("epidemic.zone.members", "zone", zoneId, regionOf(zone), null, Map.of("moved", ids.size(), "colour", after.colour()));
        return after;
    }

    /** The region of the zone's subject, for the audit log's region views. */
    private String regionOf(ZoneView zone) {
        return access.readable(zone.enterpriseId()).regionCode();
    }

    private ZoneView writableZone(String zoneId) {
        ZoneView zone = find(zoneId);
        if (!EpidemicAccess.WRITERS.contains(CurrentUser.get().role())) {
            throw ApiException.forbidden("error.forbidden");
        }
        return zone;
    }

    @Transactional(readOnly = true)
    List<ZoneView> list(String enterpriseId) {
        SubjectFacts subject = access.readable(enterpriseId);
        return jdbc.sql(SELECT + " WHERE z.subject_id = ? ORDER BY z.kind, z.name").param(subject.id()).query((rs, n) -> view(rs)).list();
    }

    /** The zone's venue code as a QR code PNG (320 px, error correction M). */
    @Transactional(readOnly = true)
    byte[] qrPng(String zoneId) {
        return org.sibao.platform.QrCodes.png(find(zoneId).venueCode(), 320);
    }

    private static final String SELECT = """
            SELECT z.id, z.subject_id, z.name, z.kind, z.colour, z.venue_code, z.updated_at, z.auto_colour, z.manual_colour,
                (SELECT COUNT(*) FROM epi_employee e WHERE e.zone_id = z.id) AS employees
            FROM epi_zone z""";

    /** A zone of a subject in the user's scope, or 404. */
    private ZoneView find(String zoneId) {
        ZoneView z = jdbc.sql(SELECT + " WHERE z.id = ?").param(zoneId).query((rs, n) -> view(rs)).optional()
                .orElseThrow(() -> ApiException.notFound("zone", zoneId));
        access.readable(z.enterpriseId());
        return z;
    }

    private static ZoneView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ZoneView(rs.getString("id"), rs.getString("subject_id"), rs.getString("name"), rs.getString("kind"),
                rs.getString("colour"), rs.getString("venue_code"), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("auto_colour"), rs.getString("manual_colour"), rs.getInt("employees"));
    }

    /** {@code SBV-} and 12 characters without look-alikes (0/O, 1/I): about 60 bits, never guessed. */
    private static String venueCode() {
        StringBuilder b = new StringBuilder("SBV-");
        for (int i = 0; i < 12; i++) {
            b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }
}
