package org.sibao.epidemic.internal;

import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.platform.personal.IdNumbers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
 * Arrivals (入豫全报备): visitors and returnees registered in advance with origin and risk level (REGISTERED), or
 * reported after they arrived without a registration (UNREGISTERED, flagged, an ARRIVAL_UNREGISTERED alert) until
 * someone back-fills origin and risk level (BACKFILLED). New arrivals are under observation (静置期) for
 * {@link #OBSERVATION_DAYS} days from their arrival date, in the zone given (which shows BLUE meanwhile), unless
 * the observation is ended earlier.
 */
@Service
@Transactional
class ArrivalService {

    static final Set<String> RISK_LEVELS = Set.of("LOW", "MEDIUM", "HIGH");
    static final int OBSERVATION_DAYS = 7;

    record ArrivalInput(String name, String idNumber, String origin, String riskLevel, String arrivalDate, String zoneId) {
    }

    record BackfillInput(String origin, String riskLevel) {
    }

    /** @param observationEndsOn the first day no longer under observation */
    record ArrivalView(String id, String enterpriseId, String name, String idNumber, String origin, String riskLevel,
            LocalDate arrivalDate, String status, OffsetDateTime reportedAt, OffsetDateTime backfilledAt, String zoneId,
            LocalDate observationEndsOn, boolean underObservation) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final EpidemicAccess access;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final ZoneColours colours;

    ArrivalService(JdbcClient jdbc, PersonalDataCipher cipher, EpidemicAccess access, BusinessClock clock, AuditLog audit,
            ZoneColours colours) {
        this.colours = colours;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
    }

    /** @param registered true: registration in advance (origin and risk required); false: an unregistered arrival */
    ArrivalView report(String enterpriseId, ArrivalInput in, boolean registered) {
        SubjectFacts subject = access.writable(enterpriseId);
        LocalDate today = clock.today();
        Validation v = new Validation();
        if (v.required(in == null ? null : in.name(), "name")) {
            v.maxLength(in.name().trim(), 60, "name");
        }
        if (v.required(in == null ? null : in.idNumber(), "idNumber")) {
            v.check(IdNumbers.isValid(IdNumbers.normalize(in.idNumber()), today), "idNumber", "epidemic.idNumber.invalid");
        }
        LocalDate date = null;
        if (v.required(in == null ? null : in.arrivalDate(), "arrivalDate")) {
            try {
                date = LocalDate.parse(in.arrivalDate().trim());
                if (registered) {
                    v.check(!date.isBefore(today), "arrivalDate", "epidemic.arrival.notInAdvance");
                } else {
                    v.check(!date.isAfter(today), "arrivalDate", "epidemic.arrival.future");
                }
            } catch (DateTimeParseException e) {
                v.reject("arrivalDate", "epidemic.report.dateFormat");
            }
        }
        if (registered) {
            checkOriginAndRisk(v, in == null ? null : in.origin(), in == null ? null : in.riskLevel());
        }
        String zoneId = in == null ? null : blankToNull(in.zoneId());
        if (zoneId != null) {
            v.check(jdbc.sql("SELECT COUNT(*) FROM epi_zone WHERE id = ? AND subject_id = ?").params(zoneId, subject.id())
                    .query(Long.class).single() > 0, "zoneId", "epidemic.incident.zone");
        }
        v.throwIfInvalid();
        String id = IdNumbers.normalize(in.idNumber());
        String status = registered ? "REGISTERED" : "UNREGISTERED";
        String arrivalId = Ids.newId();
        OffsetDateTime now = clock.nowOffset();
        String origin = registered ? in.origin().trim() : blankToNull(in.origin());
        String risk = registered ? in.riskLevel().trim() : blankToNull(in.riskLevel());
        jdbc.sql("""
                INSERT INTO epi_arrival (id, subject_id, region_code, sector, name, id_hash, id_enc, id_mask, origin,
                    risk_level, arrival_date, status, reported_by, reported_at, zone_id, observation_ends_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(arrivalId, subject.id(), subject.regionCode(), subject.sector().name(), in.name().trim(),
                        cipher.hash(id), cipher.encrypt(id), IdNumbers.maskId(id), origin,
                        risk != null && RISK_LEVELS.contains(risk) ? risk : null, date, status, CurrentUser.get().id(), now,
                        zoneId, date.plusDays(OBSERVATION_DAYS))
                .update();
        colours.recompute(subject.id());
        ArrivalView view = find(arrivalId);
        audit.record("epidemic.arrival." + status.toLowerCase(), "arrival", arrivalId, subject.regionCode(), null, view);
        return view;
    }

    ArrivalView backfill(String arrivalId, BackfillInput in) {
        ArrivalView before = find(arrivalId);
        access.writable(before.enterpriseId());
        if (!"UNREGISTERED".equals(before.status())) {
            throw ApiException.conflict("epidemic.arrival.notUnregistered");
        }
        Validation v = new Validation();
        checkOriginAndRisk(v, in == null ? null : in.origin(), in == null ? null : in.riskLevel());
        v.throwIfInvalid();
        jdbc.sql("UPDATE epi_arrival SET origin = ?, risk_level = ?, status = 'BACKFILLED', backfilled_at = ? WHERE id = ?")
                .params(in.origin().trim(), in.riskLevel().trim(), clock.nowOffset(), arrivalId).update();
        ArrivalView after = find(arrivalId);
        audit.record("epidemic.arrival.backfill", "arrival", arrivalId, null, before, after);
        return after;
    }

    /** Ends an arrival's observation today (409 when it is not under observation any more). */
    ArrivalView endObservation(String arrivalId) {
        ArrivalView before = find(arrivalId);
        access.writable(before.enterpriseId());
        LocalDate today = clock.today();
        if (!before.observationEndsOn().isAfter(today)) {
            throw ApiException.conflict("epidemic.arrival.observationOver");
        }
        jdbc.sql("UPDATE epi_arrival SET observation_ends_on = ? WHERE id = ?").params(today, arrivalId).update();
        colours.recompute(before.enterpriseId());
        ArrivalView after = find(arrivalId);
        audit.record("epidemic.arrival.endObservation", "arrival", arrivalId, null,
                Map.of("observationEndsOn", String.valueOf(before.observationEndsOn())),
                Map.of("observationEndsOn", String.valueOf(after.observationEndsOn())));
        return after;
    }

    private static void checkOriginAndRisk(Validation v, String origin, String risk) {
        if (v.required(origin, "origin")) {
            v.maxLength(origin.trim(), 200, "origin");
        }
        if (v.required(risk, "riskLevel")) {
            v.check(RISK_LEVELS.contains(risk.trim()), "riskLevel", "epidemic.arrival.riskLevel", risk);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Transactional(readOnly = true)
    List<ArrivalView> list(String enterpriseId) {
        SubjectFacts subject = access.readable(enterpriseId);
        return jdbc.sql(SELECT + " WHERE subject_id = ? ORDER BY arrival_date DESC, reported_at DESC LIMIT 200")
                .param(subject.id()).query((rs, n) -> view(rs, clock.today())).list();
    }

    private static final String SELECT = """
            SELECT id, subject_id, name, id_mask, origin, risk_level, arrival_date, status, reported_at, backfilled_at,
                zone_id, observation_ends_on
            FROM epi_arrival""";

    /** An arrival of a subject in the user's scope, or 404. */
    private ArrivalView find(String arrivalId) {
        ArrivalView a = jdbc.sql(SELECT + " WHERE id = ?").param(arrivalId).query((rs, n) -> view(rs, clock.today())).optional()
                .orElseThrow(() -> ApiException.notFound("arrival", arrivalId));
        access.readable(a.enterpriseId());
        return a;
    }

    private static ArrivalView view(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        LocalDate arrival = rs.getObject("arrival_date", LocalDate.class);
        LocalDate ends = rs.getObject("observation_ends_on", LocalDate.class);
        return new ArrivalView(rs.getString("id"), rs.getString("subject_id"), rs.getString("name"), rs.getString("id_mask"),
                rs.getString("origin"), rs.getString("risk_level"), arrival,
                rs.getString("status"), rs.getObject("reported_at", OffsetDateTime.class),
                rs.getObject("backfilled_at", OffsetDateTime.class), rs.getString("zone_id"), ends,
                !arrival.isAfter(today) && ends != null && ends.isAfter(today));
    }
}
