package org.sibao.epidemic.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.sibao.escort.ShutdownSummary;
import org.sibao.escort.Shutdowns;
import org.sibao.escort.ShutdownDecided;
import org.sibao.escort.ShutdownEnded;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.FieldProblem;
import org.sibao.platform.Ids;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.Words;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Region;
import org.sibao.subject.SubjectFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents (应急处置, SPEC §8): a suspected case or first positive puts the subject under temporary OBSERVATION
 * with a re-test due within 6 hours (the sweep notifies the region's epidemic officers once it is overdue); the
 * epidemic officer records the re-test, then CONFIRMs it on a POSITIVE re-test (or, without one, on an explicit
 * basis such as the CDC's confirmation) or, on a NEGATIVE re-test only, CLEARs it (a quiet period, 7 days unless
 * given, during which everyone of the subject tests every 24 h). Close contacts (密接) and secondary contacts (次密接)
 * are listed on the incident; an alert about a person can be turned into an incident ({@link AlertObservation}). A
 * cleared incident is CLOSED by the sentinel sweep once the quiet period is over (or by the officer), a confirmed one
 * when the officer decides. Every step goes on the incident's timeline and recomputes the subject's zone colours ({@link ZoneColours}). Other areas keep producing: a shutdown stays the HQ's
 * decision, requested from an open incident through the escort module ({@link Shutdowns}).
 */
@Service
@Transactional
class IncidentService {

    static final Duration RETEST_WITHIN = Duration.ofHours(6);
    static final int DEFAULT_QUIET_DAYS = 7;
    static final int MAX_CONTACTS = 2_000;
    static final Set<String> KINDS = Set.of("SUSPECTED", "FIRST_POSITIVE");
    static final List<String> STATUSES = List.of("OBSERVATION", "CONFIRMED", "CLEARED", "CLOSED");
    static final Set<String> RETEST_RESULTS = Set.of("NEGATIVE", "POSITIVE");
    /** Contacts listed on an incident: close contacts (密接) and contacts of a close contact (次密接). */
    static final List<String> TIERS = List.of("CLOSE", "SECONDARY");
    /** Incidents during which the subject's employees test every 24 h. */
    static final String ACTIVE_STATUSES = "'OBSERVATION', 'CONFIRMED', 'CLEARED'";
    /** Who may ask the HQ for a shutdown from an incident (the escort module's filers among the incident's readers). */
    static final Set<Role> SHUTDOWN_REQUESTERS = Set.of(Role.EPIDEMIC_OFFICER, Role.HQ_OFFICER);

    record IncidentInput(String enterpriseId, String employeeId, String kind, String note, String zoneId) {
    }

    /**
     * A confirmation or clearing. {@code basis} (确诊依据, e.g. the CDC's confirmation) is what a confirmation rests
     * on when no positive re-test is on record; with one it is optional.
     */
    record Decision(List<String> closeContactIds, String zoneId, Integer quietDays, String note, String basis) {
    }

    record RetestInput(String result, String kind, String sampledAt, String note) {
    }

    /**
     * Contacts to list: {@code tier} CLOSE (密接, the default) or SECONDARY (次密接); a secondary contact may name
     * the close contact of the same incident through whom it was found ({@code closeContactId}).
     */
    record ContactsInput(List<String> employeeIds, String note, String tier, String closeContactId) {
    }

    record ShutdownInput(Integer days, String reason) {
    }

    record Filter(String enterpriseId, String status, String regionCode, String q) {
    }

    /** An incident as lists show it. {@code zoneId} is the zone it marks red while open. */
    record IncidentView(String id, String enterpriseId, String employeeId, String kind, String status, String note,
            OffsetDateTime openedAt, OffsetDateTime retestDueAt, boolean retestOverdue, String zoneId,
            OffsetDateTime decidedAt, OffsetDateTime quietUntil, OffsetDateTime closedAt, List<String> closeContactIds,
            String enterpriseName, String regionCode, String employeeName, String zoneName, String retestResult,
            OffsetDateTime retestSampledAt, List<String> secondaryContactIds, String confirmBasis) {

        boolean open() {
            return "OBSERVATION".equals(status) || "CONFIRMED".equals(status);
        }

        IncidentView withContacts(List<String> close, List<String> secondary) {
            return new IncidentView(id, enterpriseId, employeeId, kind, status, note, openedAt, retestDueAt, retestOverdue,
                    zoneId, decidedAt, quietUntil, closedAt, close, enterpriseName, regionCode, employeeName, zoneName,
                    retestResult, retestSampledAt, secondary, confirmBasis);
        }
    }

    /** A listed contact; a secondary one names the close contact it was found through, when known. */
    record ContactView(String employeeId, String name, String idNumber, String zoneName, String tier,
            String closeContactId, String closeContactName) {
    }

    /** One step on the timeline: who did it, when, with the note they gave and what it set ({@code detail}). */
    record Event(String action, String detail, String by, OffsetDateTime at, String note) {
    }

    /** An incident with its close and secondary contacts, timeline and the shutdown requests filed from it. */
    record IncidentDetail(@JsonUnwrapped IncidentView incident, List<ContactView> closeContacts, List<Event> timeline,
            List<ShutdownSummary> shutdowns, List<ContactView> secondaryContacts) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final EpidemicAccess access;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final Notifications notifications;
    private final ZoneColours colours;
    private final TestResultIngest ingest;
    private final Shutdowns shutdowns;

    IncidentService(JdbcClient jdbc, JdbcTemplate template, EpidemicAccess access, BusinessClock clock, AuditLog audit,
            Notifications notifications, ZoneColours colours, TestResultIngest ingest, Shutdowns shutdowns) {
        this.jdbc = jdbc;
        this.template = template;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
        this.notifications = notifications;
        this.colours = colours;
        this.ingest = ingest;
        this.shutdowns = shutdowns;
    }

    static boolean isOfficer(CurrentUser user) {
        return user.is(Role.EPIDEMIC_OFFICER, Role.ADMIN);
    }

    private static void requireOfficer() {
        if (!isOfficer(CurrentUser.get())) {
            throw ApiException.forbidden("error.forbidden");
        }
    }

    // --- steps

    IncidentView open(IncidentInput in) {
        Validation v = new Validation();
        v.required(in == null ? null : in.enterpriseId(), "enterpriseId");
        if (v.required(in == null ? null : in.kind(), "kind")) {
            v.check(KINDS.contains(in.kind().trim()), "kind", "epidemic.incident.kind", in.kind());
        }
        if (in != null) {
            v.maxLength(in.note(), 500, "note");
        }
        v.throwIfInvalid();
        SubjectFacts subject = access.writable(in.enterpriseId());
        String employeeId = blankToNull(in.employeeId());
        String zoneId = blankToNull(in.zoneId());
        if (employeeId != null && Employees.ofSubject(jdbc, subject.id(), List.of(employeeId)).isEmpty()) {
            v.reject("employeeId", "epidemic.incident.employee");
        }
        if (zoneId != null && !zoneOf(subject.id(), zoneId)) {
            v.reject("zoneId", "epidemic.incident.zone");
        }
        v.throwIfInvalid();
        if (employeeId != null) {
            String open = openByEmployee(List.of(employeeId)).get(employeeId);
            if (open != null) {
                throw ApiException.conflict("epidemic.incident.alreadyOpen", open);
            }
        }
        if (zoneId == null && employeeId != null) {
            zoneId = jdbc.sql("SELECT zone_id FROM epi_employee WHERE id = ?").param(employeeId).query(String.class)
                    .optional().orElse(null);
        }
        String id = Ids.newId();
        OffsetDateTime now = clock.nowOffset();
        jdbc.sql("""
                INSERT INTO epi_incident (id, subject_id, region_code, sector, employee_id, kind, status, note, opened_at,
                    opened_by, retest_due_at, zone_id) VALUES (?, ?, ?, ?, ?, ?, 'OBSERVATION', ?, ?, ?, ?, ?)""")
                .params(id, subject.id(), subject.regionCode(), subject.sector().name(), employeeId, in.kind().trim(),
                        blankToNull(in.note()), now, CurrentUser.get().id(), now.plus(RETEST_WITHIN), zoneId).update();
        event(id, "OPENED", in.kind().trim(), in.note());
        colours.recompute(subject.id());
        IncidentView view = find(id);
        audit.record("epidemic.incident.open", "incident", id, subject.regionCode(), null, view);
        notifications.send(Notice.of("EPIDEMIC_INCIDENT", "epidemic.notice.incident", link(id), subject.name()),
                Recipients.roleAt(Role.EPIDEMIC_OFFICER, subject.regionCode()));
        return view;
    }

    /**
     * Opens an incident from a sentinel alert (转临时留观, see {@link AlertObservation}); the alert's type goes on the
     * timeline after the opening.
     */
    IncidentView openFromAlert(IncidentInput in, AlertType type) {
        IncidentView view = open(in);
        event(view.id(), "FROM_ALERT", type.name(), null);
        return view;
    }

    /**
     * The re-test (单采复核) of an incident under observation. With an employee named, it is also stored as that
     * employee's test result (as a lab's would be), so the sentinel and the zone colours see it.
     */
    IncidentView retest(String id, RetestInput in) {
        requireOfficer();
        IncidentView before = inStatus(id, "OBSERVATION");
        Validation v = new Validation();
        if (v.required(in == null ? null : in.result(), "result")) {
            v.check(RETEST_RESULTS.contains(in.result().trim()), "result", "epidemic.incident.retestResult", in.result());
        }
        String kind = in == null || in.kind() == null || in.kind().isBlank() ? "PCR" : in.kind().trim();
        v.check(TestResultService.KINDS.contains(kind), "kind", "epidemic.results.kind", kind);
        OffsetDateTime now = clock.nowOffset();
        OffsetDateTime sampled = now;
        if (in != null && in.sampledAt() != null && !in.sampledAt().isBlank()) {
            try {
                sampled = OffsetDateTime.parse(in.sampledAt().trim());
                v.check(!sampled.isAfter(now.plus(TestResultService.FUTURE_TOLERANCE)), "sampledAt",
                        "epidemic.results.sampledAtFuture");
            } catch (DateTimeParseException e) {
                v.reject("sampledAt", "epidemic.results.sampledAt");
            }
        }
        if (in != null) {
            v.maxLength(in.note(), 500, "note");
        }
        v.throwIfInvalid();
        String result = in.result().trim();
        sampled = sampled.truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("UPDATE epi_incident SET retest_result = ?, retest_sampled_at = ? WHERE id = ?")
                .params(result, sampled, id).update();
        Set<String> recompute = new LinkedHashSet<>(List.of(before.enterpriseId()));
        if (before.employeeId() != null) {
            String hash = jdbc.sql("SELECT id_hash FROM epi_employee WHERE id = ?").param(before.employeeId())
                    .query(String.class).single();
            TestResultIngest.Outcome outcome = ingest.ingest(List.of(new TestResultIngest.Row(1, hash, sampled, kind, result)),
                    Region.prefixOf(before.regionCode()), now);
            recompute.addAll(outcome.positiveSubjectIds());
        }
        event(id, "RETESTED", kind + ":" + result, in.note());
        colours.recompute(recompute);
        return decided(before, "epidemic.incident.retest");
    }

    /**
     * Confirms an incident under observation: on a POSITIVE re-test on record (seed 001: "6小时内完成混检阳性人员的单采
     * 复核…复核阳性的，由属地疫情防控部门按流程处置"), or, without one, on an explicit {@code basis} such as the CDC's
     * confirmation (409 naming {@code basis} when neither is there) — as clearing needs a negative re-test.
     */
    IncidentView confirm(String id, Decision d) {
        requireOfficer();
        IncidentView before = inStatus(id, "OBSERVATION");
        String basis = d == null ? null : blankToNull(d.basis());
        if (!"POSITIVE".equals(before.retestResult()) && basis == null) {
            throw ApiException.conflict("epidemic.incident.confirmBasisRequired",
                    List.of(new FieldProblem("basis", "epidemic.incident.basisRequired")));
        }
        List<String> contacts = d == null || d.closeContactIds() == null ? List.of() : d.closeContactIds();
        Validation v = new Validation();
        v.maxLength(basis, 500, "basis");
        checkContacts(v, before, contacts, "closeContactIds");
        String zoneId = d == null ? null : blankToNull(d.zoneId());
        if (zoneId != null) {
            v.check(zoneOf(before.enterpriseId(), zoneId), "zoneId", "epidemic.incident.zone");
        }
        v.maxLength(d == null ? null : d.note(), 500, "note");
        v.throwIfInvalid();
        jdbc.sql("""
                UPDATE epi_incident SET status = 'CONFIRMED', decided_at = ?, zone_id = COALESCE(?, zone_id),
                    confirm_basis = ? WHERE id = ?""")
                .params(clock.nowOffset(), zoneId, basis, id).update();
        int added = addContacts(id, contacts, "CLOSE", null);
        String note = d == null ? null : blankToNull(d.note());
        // without a note of its own, the timeline keeps what the decision rested on
        event(id, "CONFIRMED", String.valueOf(added), note == null ? basis : note);
        colours.recompute(before.enterpriseId());
        return decided(before, "epidemic.incident.confirm", basis == null ? Map.of() : Map.of("basis", basis));
    }

    IncidentView clear(String id, Decision d) {
        requireOfficer();
        IncidentView before = inStatus(id, "OBSERVATION");
        // cleared on a negative re-test (SPEC §8: the re-test decides), never on the first report alone
        if (!"NEGATIVE".equals(before.retestResult())) {
            throw ApiException.conflict("epidemic.incident.negativeRetestRequired");
        }
        int days = d == null || d.quietDays() == null ? DEFAULT_QUIET_DAYS : d.quietDays();
        Validation v = new Validation();
        v.check(days >= 1 && days <= 14, "quietDays", "epidemic.incident.quietDays", 1, 14);
        v.maxLength(d == null ? null : d.note(), 500, "note");
        v.throwIfInvalid();
        OffsetDateTime now = clock.nowOffset();
        jdbc.sql("UPDATE epi_incident SET status = 'CLEARED', decided_at = ?, quiet_until = ? WHERE id = ?")
                .params(now, now.plusDays(days), id).update();
        event(id, "CLEARED", String.valueOf(days), d == null ? null : d.note());
        colours.recompute(before.enterpriseId());
        return decided(before, "epidemic.incident.clear");
    }

    /**
     * Cleared incidents whose quiet period is over go back to work (SPEC §8 "then back to work"): CLOSED, with
     * QUIET_ENDED on the timeline by the platform, the subject's zones recomputed. Run by the sentinel sweep.
     */
    int endQuietPeriods(OffsetDateTime now) {
        List<String[]> due = jdbc.sql("SELECT id, subject_id FROM epi_incident WHERE status = 'CLEARED' AND quiet_until <= ?")
                .param(now).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        Set<String> subjects = new LinkedHashSet<>();
        for (String[] row : due) {
            int n = jdbc.sql("UPDATE epi_incident SET status = 'CLOSED', closed_at = ? WHERE id = ? AND status = 'CLEARED'")
                    .params(now, row[0]).update();
            if (n == 1) {
                event(row[0], "QUIET_ENDED", null, null, SYSTEM_ACTOR, SYSTEM_ACTOR_NAME);
                subjects.add(row[1]);
            }
        }
        if (!subjects.isEmpty()) {
            colours.recompute(subjects);
        }
        return subjects.size();
    }

    /**
     * Lists (more) contacts of an incident that is not closed: close contacts (密接, {@code tier} CLOSE, the default)
     * or secondary contacts (次密接, SECONDARY), optionally linked to the close contact of this incident they were
     * found through. Those already listed are kept once, in the closer tier: a secondary contact listed as a close
     * one becomes one, a close contact listed as secondary stays close.
     */
    IncidentView listContacts(String id, ContactsInput in) {
        requireOfficer();
        IncidentView before = find(id);
        List<String> ids = in == null || in.employeeIds() == null ? List.of() : in.employeeIds();
        Validation v = new Validation();
        String tier = in == null || in.tier() == null || in.tier().isBlank() ? "CLOSE" : in.tier().trim();
        v.check(TIERS.contains(tier), "tier", "epidemic.incident.tier", tier);
        String via = in == null ? null : blankToNull(in.closeContactId());
        if (via != null) {
            if (v.check("SECONDARY".equals(tier), "closeContactId", "epidemic.incident.closeContactOnlySecondary")) {
                v.check(before.closeContactIds().contains(via), "closeContactId", "epidemic.incident.closeContactUnknown");
            }
        }
        if (v.check(!ids.isEmpty(), "employeeIds", "validation.required")) {
            checkContacts(v, before, ids, "employeeIds");
        }
        v.maxLength(in == null ? null : in.note(), 500, "note");
        v.throwIfInvalid();
        if ("CLOSED".equals(before.status())) {
            throw ApiException.conflict("epidemic.incident.closed");
        }
        int added = addContacts(id, ids, tier, via);
        boolean secondary = "SECONDARY".equals(tier);
        if (added == 0) {
            // all listed already (a re-send, or close contacts named again as secondary): nothing happened
            return before;
        }
        event(id, secondary ? "SECONDARY_LISTED" : "CONTACTS_LISTED", String.valueOf(added), in.note());
        colours.recompute(before.enterpriseId());
        return decided(before, secondary ? "epidemic.incident.secondaryContacts" : "epidemic.incident.contacts",
                Map.of("tier", tier, "added", added));
    }

    IncidentView close(String id) {
        requireOfficer();
        IncidentView before = find(id);
        OffsetDateTime now = clock.nowOffset();
        boolean allowed = "CONFIRMED".equals(before.status())
                || "CLEARED".equals(before.status()) && !now.isBefore(before.quietUntil());
        if (!allowed) {
            throw ApiException.conflict("epidemic.incident.notClosable", statusWord(before.status()));
        }
        jdbc.sql("UPDATE epi_incident SET status = 'CLOSED', closed_at = ? WHERE id = ?").params(now, id).update();
        event(id, "CLEARED".equals(before.status()) ? "QUIET_ENDED" : "CLOSED", null, null);
        colours.recompute(before.enterpriseId());
        return decided(before, "epidemic.incident.close");
    }

    /**
     * Asks the HQ for a shutdown of the incident's subject (≤ 3 days; the HQ approves or refuses it in the escort
     * module). Only while the incident is under observation or confirmed.
     */
    ShutdownSummary requestShutdown(String id, ShutdownInput in) {
        IncidentView incident = find(id);
        if (!SHUTDOWN_REQUESTERS.contains(CurrentUser.get().role())) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (!incident.open()) {
            throw ApiException.conflict("epidemic.incident.notOpenForShutdown", statusWord(incident.status()));
        }
        ShutdownSummary s = shutdowns.requestForIncident(id, incident.enterpriseId(), in == null ? null : in.reason(),
                in == null ? null : in.days());
        event(id, "SHUTDOWN_REQUESTED", String.valueOf(s.days()), s.reason());
        audit.record("epidemic.incident.shutdownRequest", "incident", id, incident.regionCode(), null,
                Map.of("shutdownId", s.id(), "days", s.days()));
        return s;
    }

    // --- reads

    @Transactional(readOnly = true)
    PageResult<IncidentView> list(Filter f, PageQuery page) {
        // filters as on the other lists: an unknown status or a malformed region is invalid input, not "nothing"
        org.sibao.platform.Validation v = new org.sibao.platform.Validation();
        if (f.status() != null && !f.status().isBlank()) {
            v.check(STATUSES.contains(f.status().trim()), "status", "validation.badValue");
        }
        if (f.regionCode() != null && !f.regionCode().isBlank()) {
            v.check(f.regionCode().trim().matches("\\d{6}"), "regionCode", "validation.badValue");
        }
        v.throwIfInvalid();
        SqlFilter filter = CurrentUser.get().scope().subjects("i.region_code", "i.sector", "i.subject_id");
        StringBuilder where = new StringBuilder(filter.sql());
        List<Object> params = new ArrayList<>(filter.params());
        if (f.enterpriseId() != null && !f.enterpriseId().isBlank()) {
            where.append(" AND i.subject_id = ?");
            params.add(f.enterpriseId().trim());
        }
        if (f.status() != null && !f.status().isBlank()) {
            where.append(" AND i.status = ?");
            params.add(f.status().trim());
        }
        if (f.regionCode() != null && !f.regionCode().isBlank()) {
            where.append(" AND i.region_code LIKE ?");
            params.add(Region.prefixOf(f.regionCode().trim()) + "%");
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" AND s.name LIKE ?");
            params.add(org.sibao.identity.SqlFilter.containing(f.q()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM epi_incident i JOIN subject s ON s.id = i.subject_id WHERE " + where)
                .params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(page.size());
        p.add(page.offset());
        List<IncidentView> rows = rows(" WHERE " + where + " ORDER BY i.opened_at DESC, i.id LIMIT ? OFFSET ?", p);
        return page.result(rows, total);
    }

    @Transactional(readOnly = true)
    IncidentView find(String id) {
        IncidentView i = rows(" WHERE i.id = ?", List.of(id)).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("incident", id));
        access.readableFor(i.enterpriseId(), "incident", id);
        return i;
    }

    /** The incident with contacts, timeline and linked shutdowns (not read-only: reading shutdowns ends due ones). */
    IncidentDetail detail(String id) {
        IncidentView i = find(id);
        // first: ending a due shutdown puts its end on the timeline read below
        List<ShutdownSummary> linked = shutdowns.ofIncidents(List.of(id));
        List<ContactView> contacts = jdbc.sql("""
                SELECT e.id, e.name, e.id_mask, z.name AS zone_name, c.tier, c.close_contact_id, v.name AS via_name
                FROM epi_incident_contact c
                JOIN epi_employee e ON e.id = c.employee_id LEFT JOIN epi_zone z ON z.id = e.zone_id
                LEFT JOIN epi_employee v ON v.id = c.close_contact_id
                WHERE c.incident_id = ? ORDER BY e.name, e.id""").param(id)
                .query((rs, n) -> new ContactView(rs.getString("id"), rs.getString("name"), rs.getString("id_mask"),
                        rs.getString("zone_name"), rs.getString("tier"), rs.getString("close_contact_id"),
                        rs.getString("via_name"))).list();
        List<Event> timeline = jdbc.sql("""
                SELECT action, detail, actor_name, happened_at, note FROM epi_incident_event
                WHERE incident_id = ? ORDER BY happened_at, id""").param(id)
                .query((rs, n) -> new Event(rs.getString("action"), rs.getString("detail"), rs.getString("actor_name"),
                        time(rs, "happened_at"), rs.getString("note"))).list();
        return new IncidentDetail(i, contacts.stream().filter(c -> "CLOSE".equals(c.tier())).toList(), timeline, linked,
                contacts.stream().filter(c -> "SECONDARY".equals(c.tier())).toList());
    }

    /** The latest incident not yet closed of each of these subjects (for links from the alert board). */
    @Transactional(readOnly = true)
    Map<String, String> openBySubject(List<String> subjectIds) {
        return latestBy("subject_id", "status <> 'CLOSED'", subjectIds);
    }

    /** The incident under observation or confirmed of each of these employees (one per employee at most). */
    @Transactional(readOnly = true)
    Map<String, String> openByEmployee(List<String> employeeIds) {
        return latestBy("employee_id", "status IN ('OBSERVATION', 'CONFIRMED')", employeeIds);
    }

    /** The latest incident in the given statuses per value of {@code column} (null values ignored), in one query. */
    private Map<String, String> latestBy(String column, String statuses, List<String> values) {
        List<String> keys = values.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        jdbc.sql("SELECT " + column + ", id FROM epi_incident WHERE " + statuses + " AND " + column + " IN ("
                + "?,".repeat(keys.size() - 1) + "?) ORDER BY opened_at").params(List.copyOf(keys))
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    /** Called by the sweep: notifies, once, the epidemic officers of incidents whose re-test is overdue. */
    int notifyOverdueRetests(OffsetDateTime now) {
        List<Map<String, Object>> due = jdbc.sql("""
                SELECT i.id, i.region_code, s.name AS subject_name FROM epi_incident i JOIN subject s ON s.id = i.subject_id
                WHERE i.status = 'OBSERVATION' AND i.retest_due_at < ? AND i.retest_notified = FALSE""")
                .param(now).query().listOfRows();
        for (Map<String, Object> row : due) {
            jdbc.sql("UPDATE epi_incident SET retest_notified = TRUE WHERE id = ?").param(row.get("id")).update();
            // named by its subject, not by the incident's id (no personal data: notices may go out by SMS)
            notifications.send(Notice.of("EPIDEMIC_INCIDENT", "epidemic.notice.retestOverdue",
                    link(String.valueOf(row.get("id"))), String.valueOf(row.get("subject_name"))),
                    Recipients.roleAt(Role.EPIDEMIC_OFFICER, String.valueOf(row.get("region_code"))));
        }
        return due.size();
    }

    // --- helpers

    private static String link(String incidentId) {
        return "/epidemic/incidents/" + incidentId;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private boolean zoneOf(String subjectId, String zoneId) {
        return jdbc.sql("SELECT COUNT(*) FROM epi_zone WHERE id = ? AND subject_id = ?").params(zoneId, subjectId)
                .query(Long.class).single() > 0;
    }

    /** Contacts must be on the subject's roster and not the incident's own person. */
    private void checkContacts(Validation v, IncidentView incident, List<String> ids, String field) {
        if (!v.check(ids.size() <= MAX_CONTACTS, field, "epidemic.zone.tooMany", MAX_CONTACTS)) {
            return;
        }
        Employees.check(jdbc, v, incident.enterpriseId(), ids, field);
        for (int i = 0; i < ids.size(); i++) {
            if (incident.employeeId() != null && incident.employeeId().equals(ids.get(i))) {
                v.reject(field + "[" + i + "]", "epidemic.incident.contactIsPerson");
            }
        }
    }

    /**
     * Lists the contacts in a tier (one batch each for new rows and for secondary contacts becoming close ones);
     * returns how many were added to the tier.
     */
    private int addContacts(String id, List<String> employeeIds, String tier, String closeContactId) {
        Map<String, String> listed = new HashMap<>();
        jdbc.sql("SELECT employee_id, tier FROM epi_incident_contact WHERE incident_id = ?").param(id)
                .query((rs, n) -> listed.put(rs.getString(1), rs.getString(2))).list();
        List<String> fresh = employeeIds.stream().distinct().filter(e -> !listed.containsKey(e)).toList();
        template.batchUpdate("INSERT INTO epi_incident_contact (incident_id, employee_id, tier, close_contact_id) VALUES (?, ?, ?, ?)",
                fresh.stream().map(e -> new Object[] {id, e, tier, closeContactId}).toList());
        List<String> raised = "CLOSE".equals(tier) ? employeeIds.stream().distinct()
                .filter(e -> "SECONDARY".equals(listed.get(e))).toList() : List.of();
        template.batchUpdate("UPDATE epi_incident_contact SET tier = 'CLOSE', close_contact_id = NULL"
                + " WHERE incident_id = ? AND employee_id = ?", raised.stream().map(e -> new Object[] {id, e}).toList());
        return fresh.size() + raised.size();
    }

    private void event(String incidentId, String action, String detail, String note) {
        CurrentUser user = CurrentUser.get();
        event(incidentId, action, detail, note, user.id(), actorName(user));
    }

    private static String actorName(CurrentUser user) {
        return user.displayName() == null ? user.username() : user.displayName();
    }

    private void event(String incidentId, String action, String detail, String note, String actorId, String actorName) {
        jdbc.sql("""
                INSERT INTO epi_incident_event (incident_id, action, detail, actor_id, actor_name, happened_at, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(incidentId, action, detail, actorId, actorName, clock.nowOffset(), blankToNull(note)).update();
    }

    /**
     * The HQ's decision on a shutdown requested from an incident, and the shutdown's end, on the incident's
     * timeline (in the deciding or ending transaction). An end on the business clock has no signed-in user: the
     * platform is its actor.
     */
    /** The actor of steps the business clock takes (a shutdown ending by itself). */
    static final String SYSTEM_ACTOR = "system";
    static final String SYSTEM_ACTOR_NAME = "系统";

    @EventListener
    void on(ShutdownDecided decided) {
        if (decided.incidentId() != null) {
            event(decided.incidentId(), decided.approved() ? "SHUTDOWN_APPROVED" : "SHUTDOWN_REFUSED",
                    String.valueOf(decided.days()), decided.comment());
        }
    }

    @EventListener
    void on(ShutdownEnded ended) {
        if (ended.incidentId() == null) {
            return;
        }
        // an expiry happens on the business clock, whoever's request noticed it first
        CurrentUser user = "EXPIRED".equals(ended.cause()) ? null : CurrentUser.find().orElse(null);
        event(ended.incidentId(), "SHUTDOWN_ENDED", ended.cause(), null, user == null ? SYSTEM_ACTOR : user.id(),
                user == null ? SYSTEM_ACTOR_NAME : actorName(user));
    }

    private IncidentView decided(IncidentView before, String action) {
        return decided(before, action, Map.of());
    }

    /** Audits a step: the status before and after, and what else the step set ({@code detail}). */
    private IncidentView decided(IncidentView before, String action, Map<String, Object> detail) {
        IncidentView after = find(before.id());
        Map<String, Object> what = new LinkedHashMap<>(detail);
        what.put("status", after.status());
        audit.record(action, "incident", before.id(), before.regionCode(), Map.of("status", before.status()), what);
        return after;
    }

    /** An incident's state as a 409 names it (临时观察 …). */
    static org.springframework.context.MessageSourceResolvable statusWord(String status) {
        return Words.of("epidemic.incident.status." + status, status);
    }

    private IncidentView inStatus(String id, String status) {
        IncidentView i = find(id);
        if (!status.equals(i.status())) {
            throw ApiException.conflict("epidemic.incident.wrongStatus", statusWord(i.status()));
        }
        return i;
    }

    private List<IncidentView> rows(String whereOrderLimit, List<Object> params) {
        OffsetDateTime now = clock.nowOffset();
        List<IncidentView> rows = jdbc.sql("""
                SELECT i.id, i.subject_id, s.name AS subject_name, i.region_code, i.employee_id, e.name AS employee_name,
                    i.kind, i.status, i.note, i.opened_at, i.retest_due_at, i.zone_id, z.name AS zone_name, i.decided_at,
                    i.quiet_until, i.closed_at, i.retest_result, i.retest_sampled_at, i.confirm_basis
                FROM epi_incident i JOIN subject s ON s.id = i.subject_id
                LEFT JOIN epi_employee e ON e.id = i.employee_id LEFT JOIN epi_zone z ON z.id = i.zone_id""" + whereOrderLimit)
                .params(params).query((rs, n) -> {
                    OffsetDateTime due = time(rs, "retest_due_at");
                    String status = rs.getString("status");
                    return new IncidentView(rs.getString("id"), rs.getString("subject_id"), rs.getString("employee_id"),
                            rs.getString("kind"), status, rs.getString("note"), time(rs, "opened_at"), due,
                            "OBSERVATION".equals(status) && now.isAfter(due), rs.getString("zone_id"),
                            time(rs, "decided_at"), time(rs, "quiet_until"), time(rs, "closed_at"), List.of(),
                            rs.getString("subject_name"), rs.getString("region_code"), rs.getString("employee_name"),
                            rs.getString("zone_name"), rs.getString("retest_result"), time(rs, "retest_sampled_at"),
                            List.of(), rs.getString("confirm_basis"));
                }).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> close = new LinkedHashMap<>();
        Map<String, List<String>> secondary = new LinkedHashMap<>();
        jdbc.sql("SELECT incident_id, employee_id, tier FROM epi_incident_contact WHERE incident_id IN ("
                + "?,".repeat(rows.size() - 1) + "?) ORDER BY employee_id")
                .params(rows.stream().map(r -> (Object) r.id()).toList())
                .query((rs, n) -> ("SECONDARY".equals(rs.getString("tier")) ? secondary : close)
                        .computeIfAbsent(rs.getString("incident_id"), k -> new ArrayList<>())
                        .add(rs.getString("employee_id"))).list();
        return rows.stream().map(r -> r.withContacts(close.getOrDefault(r.id(), List.of()),
                secondary.getOrDefault(r.id(), List.of()))).toList();
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime();
    }
}
