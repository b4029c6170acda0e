package org.sibao.epidemic.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
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
 * YELLOW close contacts, RED abnormal results (seed 004). The subject's writers create zones; they and epidemic
 * officers change colours.
 */
@Service
@Transactional
class ZoneService {

    static final Set<String> KINDS = Set.of("EXCHANGE", "PRODUCTION", "LIVING", "PUBLIC");
    static final Set<String> COLOURS = Set.of("GREEN", "BLUE", "YELLOW", "RED");
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    record ZoneInput(String name, String kind, String colour) {
    }

    record ColourInput(String colour) {
    }

    record ZoneView(String id, String enterpriseId, String name, String kind, String colour, String venueCode,
            OffsetDateTime updatedAt) {
    }

    private final JdbcClient jdbc;
    private final EpidemicAccess access;
    private final BusinessClock clock;
    private final AuditLog audit;

    ZoneService(JdbcClient jdbc, EpidemicAccess access, BusinessClock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
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
        String colour = in == null || in.colour() == null || in.colour().isBlank() ? "GREEN" : in.colour().trim();
        v.check(COLOURS.contains(colour), "colour", "epidemic.zone.colour", colour);
        v.throwIfInvalid();
        String id = Ids.newId();
        OffsetDateTime now = clock.nowOffset();
        jdbc.sql("""
                INSERT INTO epi_zone (id, subject_id, region_code, sector, name, kind, colour, venue_code, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, subject.id(), subject.regionCode(), subject.sector().name(), in.name().trim(), in.kind().trim(),
                        colour, venueCode(), now, now).update();
        ZoneView zone = find(id);
        audit.record("epidemic.zone.create", "zone", id, subject.regionCode(), null, zone);
        return zone;
    }

    ZoneView setColour(String zoneId, ColourInput in) {
        ZoneView before = find(zoneId);
        access.readable(before.enterpriseId());
        if (!EpidemicAccess.WRITERS.contains(CurrentUser.get().role())) {
            throw ApiException.forbidden("error.forbidden");
        }
        Validation v = new Validation();
        if (v.required(in == null ? null : in.colour(), "colour")) {
            v.check(COLOURS.contains(in.colour().trim()), "colour", "epidemic.zone.colour", in.colour());
        }
        v.throwIfInvalid();
        jdbc.sql("UPDATE epi_zone SET colour = ?, updated_at = ? WHERE id = ?").params(in.colour().trim(), clock.nowOffset(), zoneId)
                .update();
        ZoneView after = find(zoneId);
        audit.record("epidemic.zone.colour", "zone", zoneId, null, Map.of("colour", before.colour()),
                Map.of("colour", after.colour()));
        return after;
    }

    @Transactional(readOnly = true)
    List<ZoneView> list(String enterpriseId) {
        SubjectFacts subject = access.readable(enterpriseId);
        return jdbc.sql(SELECT + " WHERE subject_id = ? ORDER BY kind, name").param(subject.id()).query((rs, n) -> view(rs)).list();
    }

    /** The zone's venue code as a QR code PNG (320 px, error correction M). */
    @Transactional(readOnly = true)
    byte[] qrPng(String zoneId) {
        ZoneView zone = find(zoneId);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var matrix = new QRCodeWriter().encode(zone.venueCode(), BarcodeFormat.QR_CODE, 320, 320,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code rendering failed", e);
        }
    }

    private static final String SELECT = "SELECT id, subject_id, name, kind, colour, venue_code, updated_at FROM epi_zone";

    /** A zone of a subject in the user's scope, or 404. */
    private ZoneView find(String zoneId) {
        ZoneView z = jdbc.sql(SELECT + " WHERE id = ?").param(zoneId).query((rs, n) -> view(rs)).optional()
                .orElseThrow(() -> ApiException.notFound("zone", zoneId));
        access.readable(z.enterpriseId());
        return z;
    }

    private static ZoneView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ZoneView(rs.getString("id"), rs.getString("subject_id"), rs.getString("name"), rs.getString("kind"),
                rs.getString("colour"), rs.getString("venue_code"), rs.getObject("updated_at", OffsetDateTime.class));
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
