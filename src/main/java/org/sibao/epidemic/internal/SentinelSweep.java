package org.sibao.epidemic.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.sibao.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sentinel sweep (电子哨): for each alert type one INSERT … SELECT opens the alerts whose cause holds and that
 * are not open yet, and one UPDATE … WHERE NOT EXISTS resolves those whose cause is gone. ACTIVE whitelist
 * subjects and every subject with a roster are watched, every rostered employee (the sweep reads the subject
 * table's whitelist standing and operation mode directly, read-only: the set-based statements need them in the
 * same join).
 *
 * <p>Rules, on the business clock:
 * <ul>
 * <li>TEST_OVERDUE (per employee): no negative sample within the interval, counted from the later of the last
 * negative sample and the rostering: 24 h in closed-loop operation, for MOBILE posts, for CITY_SUPPLY posts
 * while the subject's region is in EMERGENCY, and while the subject has an incident under observation, confirmed
 * or in its quiet period; 48 h otherwise.</li>
 * <li>POSITIVE_RESULT (per employee): the employee's latest result is POSITIVE.</li>
 * <li>HEALTH_REPORT_MISSING (per subject): the report for the due date is missing; the report for a day is due by
 * {@link #REPORT_CUT_OFF} that day, so before the cut-off yesterday's is checked and after it today's. A subject
 * registered after the due day owes nothing for it: today's report is checked instead.</li>
 * <li>ARRIVAL_UNREGISTERED (per subject): an arrival reported afterwards is not back-filled yet.</li>
 * <li>SYMPTOM (per employee): the subject's latest report of yesterday or today lists the employee with symptoms;
 * (per subject) it lists someone with symptoms who is not on the roster.</li>
 * <li>TEST_OVERDUE (per arrival, {@code arrival_id}; {@code employee_id} too for a returnee): an arrival that owes a
 * landing test ({@link ArrivalService}: not isolated) has none {@link ArrivalService#LANDING_TEST_WITHIN} after the
 * start of its arrival date — neither recorded on it nor, for a returnee, a PCR result since that start.</li>
 * <li>POSITIVE_RESULT (per arrival): the landing test recorded on the arrival is POSITIVE.</li>
 * </ul>
 * It then recomputes every zone's colour in one statement, for what only the clock changes (an arrival's
 * observation starting or ending); everything else recomputes its subject's zones when it happens.
 */
@Service
class SentinelSweep {

    static final LocalTime REPORT_CUT_OFF = LocalTime.of(20, 0);
    static final Duration TIGHT = Duration.ofHours(24);
    static final Duration NORMAL = Duration.ofHours(48);

    record SweepResult(int opened, int resolved, long durationMs) {
    }

    /** What an alert is about: the subject itself, one of its employees, or one of its arrivals. */
    private enum Target {
        SUBJECT, EMPLOYEE, ARRIVAL
    }

    /**
     * A cause: the rows (aliases {@code s} subject, {@code e} employee, {@code r} arrival) for which an alert of the
     * type should be open.
     */
    private record Cause(AlertType type, Target target, String condition, List<Object> params) {

        Cause(AlertType type, boolean perEmployee, String condition, List<Object> params) {
            this(type, perEmployee ? Target.EMPLOYEE : Target.SUBJECT, condition, params);
        }
    }

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final EmergencyService modes;
    private final IncidentService incidents;
    private final ZoneColours colours;
    private final org.springframework.context.ApplicationEventPublisher events;

    SentinelSweep(JdbcClient jdbc, BusinessClock clock, EmergencyService modes, IncidentService incidents,
            ZoneColours colours, org.springframework.context.ApplicationEventPublisher events) {
        this.colours = colours;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.modes = modes;
        this.incidents = incidents;
    }

    @Transactional
    public synchronized SweepResult sweep() {
        long start = System.nanoTime();
        OffsetDateTime now = clock.nowOffset();
        int opened = 0;
        int resolved = 0;
        incidents.endQuietPeriods(now);   // first: a subject back at work is back on its normal test interval
        for (Cause c : causes(now)) {
            resolved += resolve(c, now);
            opened += open(c, now);
        }
        incidents.notifyOverdueRetests(now);
        colours.recomputeAll();
        if (opened + resolved > 0) {
            events.publishEvent(new org.sibao.epidemic.AlertsSwept(opened, resolved, now));
        }
        return new SweepResult(opened, resolved, (System.nanoTime() - start) / 1_000_000);
    }

    private List<Cause> causes(OffsetDateTime now) {
        List<Object> overdueParams = new ArrayList<>();
        StringBuilder emergency = new StringBuilder();
        for (String prefix : modes.emergencyPrefixes()) {
            emergency.append(emergency.length() == 0 ? "" : " OR ").append("s.region_code LIKE ?");
            overdueParams.add(prefix + "%");
        }
        if (emergency.length() == 0) {
            emergency.append("1 = 0");
        }
        overdueParams.add(now.minus(TIGHT));
        overdueParams.add(now.minus(NORMAL));
        String overdue = "COALESCE(x.last_negative_at, e.rostered_at) < CASE WHEN s.operation_mode = 'CLOSED_LOOP' "
                + "OR e.post_type = 'MOBILE' OR (e.post_type = 'CITY_SUPPLY' AND (" + emergency + ")) "
                + "OR s.id IN (SELECT i.subject_id FROM epi_incident i WHERE i.status IN ("
                + IncidentService.ACTIVE_STATUSES + ")) THEN ? ELSE ? END";
        java.time.LocalDate today = now.atZoneSameInstant(BusinessClock.ZONE).toLocalDate();
        LocalTime time = now.atZoneSameInstant(BusinessClock.ZONE).toLocalTime();
        java.time.LocalDate due = time.isBefore(REPORT_CUT_OFF) ? today.minusDays(1) : today;
        return List.of(
                new Cause(AlertType.TEST_OVERDUE, true, overdue, overdueParams),
                new Cause(AlertType.POSITIVE_RESULT, true, "x.last_result = 'POSITIVE'", List.of()),
                // a subject registered after the due day owes that day nothing: its first report owed is today's
                new Cause(AlertType.HEALTH_REPORT_MISSING, false,
                        "NOT EXISTS (SELECT 1 FROM epi_health_report r WHERE r.subject_id = s.id"
                                + " AND r.report_date = CASE WHEN s.created_at >= ? THEN ? ELSE ? END)",
                        List.of(due.plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime(), today, due)),
                new Cause(AlertType.ARRIVAL_UNREGISTERED, false,
                        "EXISTS (SELECT 1 FROM epi_arrival r WHERE r.subject_id = s.id AND r.status = 'UNREGISTERED')",
                        List.of()),
                new Cause(AlertType.SYMPTOM, true,
                        "EXISTS (SELECT 1 FROM epi_health_symptom y WHERE y.subject_id = s.id AND y.id_hash = e.id_hash"
                                + " AND y.report_date = " + LATEST_REPORT + ")",
                        List.of(today.minusDays(1))),
                // someone with symptoms who is not on the roster: the subject's own alert
                new Cause(AlertType.SYMPTOM, false,
                        "EXISTS (SELECT 1 FROM epi_health_symptom y WHERE y.subject_id = s.id"
                                + " AND y.report_date = " + LATEST_REPORT
                                + " AND NOT EXISTS (SELECT 1 FROM epi_employee o WHERE o.subject_id = s.id"
                                + " AND o.id_hash = y.id_hash))",
                        List.of(today.minusDays(1))),
                // an arrival's landing test (24 hours after landing): the deadline passed without one
                new Cause(AlertType.TEST_OVERDUE, Target.ARRIVAL,
                        "r.landing_test_from <= ? AND NOT " + ArrivalService.LANDING_TESTED,
                        List.of(now.minus(ArrivalService.LANDING_TEST_WITHIN))),
                new Cause(AlertType.POSITIVE_RESULT, Target.ARRIVAL, "r.landing_result = 'POSITIVE'", List.of()));
    }

    /** The date of the subject's latest health report of yesterday or today (one parameter: yesterday). */
    private static final String LATEST_REPORT =
            "(SELECT MAX(r2.report_date) FROM epi_health_report r2 WHERE r2.subject_id = s.id AND r2.report_date >= ?)";

    /**
     * The subjects watched (alias {@code s}): those on the ACTIVE whitelist, and any other that keeps a roster here
     * (its employees' results and reports are then watched like a whitelist subject's).
     */
    static final String WATCHED = "(s.whitelist_status = 'ACTIVE' OR EXISTS (SELECT 1 FROM epi_employee w WHERE w.subject_id = s.id))";

    /** The rows a cause reads, up to and including {@code WHERE} and {@code match} (a conjunct ending in AND, or ""). */
    private static String source(Cause c, String match) {
        return switch (c.target()) {
            case EMPLOYEE -> "FROM epi_employee e JOIN subject s ON s.id = e.subject_id "
                    + "JOIN epi_latest_result x ON x.employee_seq = e.seq WHERE " + match;
            case SUBJECT -> "FROM subject s WHERE " + match + WATCHED + " AND ";
            case ARRIVAL -> "FROM epi_arrival r JOIN subject s ON s.id = r.subject_id " + ArrivalService.ROSTER_MATCH
                    + " WHERE " + match + WATCHED + " AND ";
        };
    }

    private static String key(Cause c) {
        String what = switch (c.target()) {
            case EMPLOYEE -> "e.id";
            case SUBJECT -> "'-'";
            case ARRIVAL -> "r.id";
        };
        return "s.id || ':' || " + what + " || ':" + c.type().name() + "'";
    }

    private int open(Cause c, OffsetDateTime now) {
        String sql = "INSERT INTO epi_alert (type, subject_id, employee_id, arrival_id, region_code, sector, status, opened_at, open_key) "
                + "SELECT '" + c.type().name() + "', s.id, " + (c.target() == Target.SUBJECT ? "NULL" : "e.id")
                + ", " + (c.target() == Target.ARRIVAL ? "r.id" : "NULL")
                + ", s.region_code, s.sector, 'OPEN', ?, " + key(c) + " " + source(c, "") + "(" + c.condition() + ")"
                + " AND NOT EXISTS (SELECT 1 FROM epi_alert a WHERE a.open_key = " + key(c) + ")";
        List<Object> params = new ArrayList<>();
        params.add(now);
        params.addAll(c.params());
        return jdbc.sql(sql).params(params).update();
    }

    private int resolve(Cause c, OffsetDateTime now) {
        // a type with several kinds of cause (SYMPTOM, TEST_OVERDUE, POSITIVE_RESULT) resolves each kind by its own
        String kind = switch (c.target()) {
            case EMPLOYEE -> "a.employee_id IS NOT NULL AND a.arrival_id IS NULL ";
            case SUBJECT -> "a.employee_id IS NULL AND a.arrival_id IS NULL ";
            case ARRIVAL -> "a.arrival_id IS NOT NULL ";
        };
        String match = switch (c.target()) {
            case EMPLOYEE -> "e.id = a.employee_id AND ";
            case SUBJECT -> "s.id = a.subject_id AND ";
            case ARRIVAL -> "r.id = a.arrival_id AND ";
        };
        String sql = "UPDATE epi_alert a SET status = 'RESOLVED', resolved_at = ?, open_key = NULL "
                + "WHERE a.type = '" + c.type().name() + "' AND a.status IN ('OPEN', 'ACKNOWLEDGED') AND " + kind
                + "AND NOT EXISTS (SELECT 1 " + source(c, match) + "(" + c.condition() + "))";
        List<Object> params = new ArrayList<>();
        params.add(now);
        params.addAll(c.params());
        return jdbc.sql(sql).params(params).update();
    }
}
