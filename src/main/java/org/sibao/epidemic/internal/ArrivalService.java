package org.sibao.epidemic.internal;

import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.platform.personal.IdNumbers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
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
 *
 * <p>Differentiated measures (差异化赋码, seed 001):
 * <ul>
 * <li>From a MEDIUM or HIGH risk area: {@link #ISOLATION_DAYS} days of centralised isolation (集中隔离) from the
 * arrival date, and no entry into the enterprise before {@code isolationEndsOn} (the first day out of isolation;
 * "严禁中高风险地区人员进入企业"). The observation in the zone starts when the isolation ends (the person enters the
 * enterprise only then) and lasts the usual 7 days. While the isolation lasts the subject's risk level is at least
 * the area's ({@link AlertService#risk}). Registering or back-filling such an arrival tells the epidemic officers
 * of the subject's region and the enterprise's users and liaisons.</li>
 * <li>Any other arrival (LOW, or not known yet): a PCR test within 24 hours of landing. Only the date of landing is
 * known, so a test counts when sampled from the start of the arrival date (+08:00) and is due by the end of the day
 * after it ({@link #LANDING_TEST_WITHIN} after that start). A returnee — the ID number (its keyed hash) is on the
 * subject's roster — is tested with the bulk results; for a visitor the enterprise records the test on the arrival
 * ({@link #recordLandingTest}). Past the deadline without a test the sweep opens TEST_OVERDUE for the arrival
 * ({@code arrivalId}, and {@code employeeId} for a returnee) and resolves it once a test arrives, late or not; a
 * POSITIVE landing test opens POSITIVE_RESULT for the arrival and keeps the person out of the enterprise.</li>
 * </ul>
 */
@Service
@Transactional
class ArrivalService {

    static final Set<String> RISK_LEVELS = Set.of("LOW", "MEDIUM", "HIGH");
    static final int OBSERVATION_DAYS = 7;
    static final int ISOLATION_DAYS = 7;
    static final Set<String> ISOLATED_RISKS = Set.of("MEDIUM", "HIGH");
    /** From the start of the arrival date: the end of the next day, i.e. 24 hours after the latest landing. */
    static final Duration LANDING_TEST_WITHIN = Duration.ofHours(48);

    /**
     * An arrival (alias {@code r}, its roster match {@code e} or NULLs) has had its landing test: recorded on the
     * arrival, or a PCR sample of the returnee since the start of the arrival date. Shared with the sweep.
     */
    static final String LANDING_TESTED = "(r.landing_sampled_at IS NOT NULL OR EXISTS (SELECT 1 FROM epi_test_result t"
            + " WHERE t.employee_seq = e.seq AND t.kind = 'PCR' AND t.sampled_at >= r.landing_test_from))";

    /** The arrival's roster match: the subject's employee with the same ID number, if any (a returnee). */
    static final String ROSTER_MATCH = "LEFT JOIN epi_employee e ON e.subject_id = r.subject_id AND e.id_hash = r.id_hash";

    record ArrivalInput(String name, String idNumber, String origin, String riskLevel, String arrivalDate, String zoneId) {
    }

    record BackfillInput(String origin, String riskLevel) {
    }

    /** A visitor's landing test; {@code sampledAt} (ISO-8601 with offset) defaults to now. */
    record LandingTestInput(String sampledAt, String result) {
    }

    /**
     * @param observationEndsOn the first day no longer under observation
     * @param isolationEndsOn the first day out of centralised isolation (null: none required)
     * @param entryAllowed false while isolation is required and not over, or after a POSITIVE landing test
     * @param employeeId the roster's employee with this ID number (a returnee), or null (a visitor)
     * @param landingTestDueAt when the landing test is due (null: none required)
     * @param landingSampledAt a visitor's landing test as recorded on the arrival
     * @param landingTested a landing test is there (recorded, or a returnee's PCR result since the arrival date)
     */
    record ArrivalView(String id, String enterpriseId, String name, String idNumber, String origin, String riskLevel,
            LocalDate arrivalDate, String status, OffsetDateTime reportedAt, OffsetDateTime backfilledAt, String zoneId,
            LocalDate observationEndsOn, boolean underObservation, boolean isolationRequired, LocalDate isolationEndsOn,
            boolean inIsolation, boolean entryAllowed, String employeeId, boolean returnee, boolean landingTestRequired,
            OffsetDateTime landingTestDueAt, OffsetDateTime landingSampledAt, String landingResult, boolean landingTested,
            boolean landingTestOverdue) {
    }

    /** What the differentiated measures fix for an arrival of a risk level (null: not known yet). */
    private record Measures(LocalDate isolationEndsOn, LocalDate observationEndsOn, OffsetDateTime landingTestFrom) {

        static Measures of(String risk, LocalDate arrival) {
            if (risk != null && ISOLATED_RISKS.contains(risk)) {
                LocalDate out = arrival.plusDays(ISOLATION_DAYS);
                return new Measures(out, out.plusDays(OBSERVATION_DAYS), null);
            }
            return new Measures(null, arrival.plusDays(OBSERVATION_DAYS), arrival.atStartOfDay(BusinessClock.ZONE).toOffsetDateTime());
        }
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final EpidemicAccess access;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final ZoneColours colours;
    private final Notifications notifications;

    ArrivalService(JdbcClient jdbc, PersonalDataCipher cipher, EpidemicAccess access, BusinessClock clock, AuditLog audit,
            ZoneColours colours, Notifications notifications) {
        this.colours = colours;
        this.notifications = notifications;
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
        String given = registered ? in.riskLevel().trim() : blankToNull(in.riskLevel());
        String risk = given != null && RISK_LEVELS.contains(given) ? given : null;
        Measures m = Measures.of(risk, date);
        jdbc.sql("""
                INSERT INTO epi_arrival (id, subject_id, region_code, sector, name, id_hash, id_enc, id_mask, origin,
                    risk_level, arrival_date, status, reported_by, reported_at, zone_id, observation_ends_on,
                    isolation_ends_on, landing_test_from)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(arrivalId, subject.id(), subject.regionCode(), subject.sector().name(), in.name().trim(),
                        cipher.hash(id), cipher.encrypt(id), IdNumbers.maskId(id), origin, risk, date, status,
                        CurrentUser.get().id(), now, zoneId, m.observationEndsOn(), m.isolationEndsOn(), m.landingTestFrom())
                .update();
        colours.recompute(subject.id());
        ArrivalView view = find(arrivalId);
        audit.record("epidemic.arrival." + status.toLowerCase(), "arrival", arrivalId, subject.regionCode(), null, view);
        noticeIsolation(subject, view);
        return view;
    }

    /** An arrival that must be isolated: the region's epidemic officers and the enterprise (its users, liaisons). */
    private void noticeIsolation(SubjectFacts subject, ArrivalView a) {
        if (!a.isolationRequired()) {
            return;
        }
        // no personal data (notices may go out by SMS): the subject, the area and the last day of isolation
        Notice notice = Notice.of("EPIDEMIC_ARRIVAL", "epidemic.notice.isolation." + a.riskLevel(),
                "/epidemic/enterprise/" + subject.id() + "#arrival-" + a.id(), subject.name(), a.origin(),
                a.isolationEndsOn().minusDays(1).toString());
        notifications.send(notice, Recipients.roleAt(Role.EPIDEMIC_OFFICER, subject.regionCode()));
        notifications.send(notice, Recipients.enterprise(subject.id()));
    }

    /**
     * Origin and risk level of an arrival reported afterwards. MEDIUM or HIGH puts it into isolation (observation
     * after it, no landing test); LOW keeps the landing test counted from its arrival date.
     */
    ArrivalView backfill(String arrivalId, BackfillInput in) {
        ArrivalView before = find(arrivalId);
        SubjectFacts subject = access.writable(before.enterpriseId());
        if (!"UNREGISTERED".equals(before.status())) {
            throw ApiException.conflict("epidemic.arrival.notUnregistered");
        }
        Validation v = new Validation();
        checkOriginAndRisk(v, in == null ? null : in.origin(), in == null ? null : in.riskLevel());
        v.throwIfInvalid();
        String risk = in.riskLevel().trim();
        Measures m = Measures.of(risk, before.arrivalDate());
        // an observation ended early stays ended, unless the isolation now comes first
        LocalDate observationEnds = m.isolationEndsOn() != null ? m.observationEndsOn() : before.observationEndsOn();
        jdbc.sql("""
                UPDATE epi_arrival SET origin = ?, risk_level = ?, status = 'BACKFILLED', backfilled_at = ?,
                    isolation_ends_on = ?, observation_ends_on = ?, landing_test_from = ? WHERE id = ?""")
                .params(in.origin().trim(), risk, clock.nowOffset(), m.isolationEndsOn(), observationEnds,
                        m.landingTestFrom(), arrivalId).update();
        colours.recompute(before.enterpriseId());
        ArrivalView after = find(arrivalId);
        audit.record("epidemic.arrival.backfill", "arrival", arrivalId, subject.regionCode(), before, after);
        noticeIsolation(subject, after);
        return after;
    }

    /**
     * Records a visitor's landing test (核酸, within 24 hours of landing) on the arrival; a later one replaces it (a
     * PENDING sample followed by its result, or a re-test). 409 for an arrival in isolation (tested where isolated)
     * and for a returnee, whose tests come with the bulk results.
     */
    ArrivalView recordLandingTest(String arrivalId, LandingTestInput in) {
        ArrivalView before = find(arrivalId);
        SubjectFacts subject = access.writable(before.enterpriseId());
        if (before.isolationRequired()) {
            throw ApiException.conflict("epidemic.arrival.isolatedNoLandingTest");
        }
        if (before.returnee()) {
            throw ApiException.conflict("epidemic.arrival.returneeTestedInBulk");
        }
        Validation v = new Validation();
        if (v.required(in == null ? null : in.result(), "result")) {
            v.check(TestResultService.RESULTS.contains(in.result().trim()), "result", "epidemic.results.result",
                    in.result());
        }
        OffsetDateTime now = clock.nowOffset();
        OffsetDateTime sampled = now;
        if (in != null && in.sampledAt() != null && !in.sampledAt().isBlank()) {
            try {
                sampled = OffsetDateTime.parse(in.sampledAt().trim());
                v.check(!sampled.isAfter(now.plus(TestResultService.FUTURE_TOLERANCE)), "sampledAt",
                        "epidemic.results.sampledAtFuture");
                v.check(!sampled.isBefore(before.arrivalDate().atStartOfDay(BusinessClock.ZONE).toOffsetDateTime()),
                        "sampledAt", "epidemic.arrival.landingBeforeArrival", before.arrivalDate());
            } catch (DateTimeParseException e) {
                v.reject("sampledAt", "epidemic.results.sampledAt");
            }
        }
        v.throwIfInvalid();
        jdbc.sql("UPDATE epi_arrival SET landing_sampled_at = ?, landing_result = ? WHERE id = ?")
                .params(sampled.truncatedTo(ChronoUnit.SECONDS), in.result().trim(), arrivalId).update();
        ArrivalView after = find(arrivalId);
        audit.record("epidemic.arrival.landingTest", "arrival", arrivalId, subject.regionCode(), landing(before),
                landing(after));
        return after;
    }

    private static Map<String, String> landing(ArrivalView a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("landingSampledAt", String.valueOf(a.landingSampledAt()));
        m.put("landingResult", String.valueOf(a.landingResult()));
        return m;
    }

    /** Ends an arrival's observation today (409 when it is not under observation any more, or still isolated). */
    ArrivalView endObservation(String arrivalId) {
        ArrivalView before = find(arrivalId);
        SubjectFacts subject = access.writable(before.enterpriseId());
        LocalDate today = clock.today();
        if (before.isolationRequired() && today.isBefore(before.isolationEndsOn())) {
            throw ApiException.conflict("epidemic.arrival.inIsolation", before.isolationEndsOn().minusDays(1));
        }
        if (!before.observationEndsOn().isAfter(today)) {
            throw ApiException.conflict("epidemic.arrival.observationOver");
        }
        jdbc.sql("UPDATE epi_arrival SET observation_ends_on = ? WHERE id = ?").params(today, arrivalId).update();
        colours.recompute(before.enterpriseId());
        ArrivalView after = find(arrivalId);
        audit.record("epidemic.arrival.endObservation", "arrival", arrivalId, subject.regionCode(),
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
        OffsetDateTime now = clock.nowOffset();
        return jdbc.sql(SELECT + " WHERE r.subject_id = ? ORDER BY r.arrival_date DESC, r.reported_at DESC LIMIT 200")
                .param(subject.id()).query((rs, n) -> view(rs, now)).list();
    }

    private static final String SELECT = """
            SELECT r.id, r.subject_id, r.name, r.id_mask, r.origin, r.risk_level, r.arrival_date, r.status, r.reported_at,
                r.backfilled_at, r.zone_id, r.observation_ends_on, r.isolation_ends_on, r.landing_test_from,
                r.landing_sampled_at, r.landing_result, e.id AS employee_id,
                CASE WHEN""" + " " + LANDING_TESTED + " THEN 1 ELSE 0 END AS landing_tested FROM epi_arrival r " + ROSTER_MATCH;

    /** An arrival of a subject in the user's scope, or 404. */
    private ArrivalView find(String arrivalId) {
        OffsetDateTime now = clock.nowOffset();
        ArrivalView a = jdbc.sql(SELECT + " WHERE r.id = ?").param(arrivalId).query((rs, n) -> view(rs, now)).optional()
                .orElseThrow(() -> ApiException.notFound("arrival", arrivalId));
        access.readableFor(a.enterpriseId(), "arrival", arrivalId);
        return a;
    }

    private static ArrivalView view(java.sql.ResultSet rs, OffsetDateTime now) throws java.sql.SQLException {
        LocalDate today = now.atZoneSameInstant(BusinessClock.ZONE).toLocalDate();
        LocalDate arrival = rs.getObject("arrival_date", LocalDate.class);
        LocalDate ends = rs.getObject("observation_ends_on", LocalDate.class);
        LocalDate isolationEnds = rs.getObject("isolation_ends_on", LocalDate.class);
        boolean isolated = isolationEnds != null && today.isBefore(isolationEnds);
        boolean inIsolation = isolated && !arrival.isAfter(today);
        // observed in the zone once inside the enterprise: from the arrival, or from the end of the isolation
        LocalDate observedFrom = isolationEnds != null ? isolationEnds : arrival;
        OffsetDateTime testFrom = rs.getObject("landing_test_from", OffsetDateTime.class);
        OffsetDateTime due = testFrom == null ? null : testFrom.plus(LANDING_TEST_WITHIN);
        String employeeId = rs.getString("employee_id");
        String landingResult = rs.getString("landing_result");
        boolean tested = rs.getInt("landing_tested") == 1;
        return new ArrivalView(rs.getString("id"), rs.getString("subject_id"), rs.getString("name"), rs.getString("id_mask"),
                rs.getString("origin"), rs.getString("risk_level"), arrival,
                rs.getString("status"), rs.getObject("reported_at", OffsetDateTime.class),
                rs.getObject("backfilled_at", OffsetDateTime.class), rs.getString("zone_id"), ends,
                !observedFrom.isAfter(today) && ends != null && ends.isAfter(today),
                isolationEnds != null, isolationEnds, inIsolation, !isolated && !"POSITIVE".equals(landingResult),
                employeeId, employeeId != null, due != null, due == null ? null : due.atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime(),
                rs.getObject("landing_sampled_at", OffsetDateTime.class), landingResult, tested,
                due != null && !tested && !now.isBefore(due));
    }
}
