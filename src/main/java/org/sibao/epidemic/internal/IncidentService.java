package org.sibao.epidemic.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.subject.SubjectFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents (应急处置, SPEC §8): a suspected case or first positive puts the subject under temporary OBSERVATION
 * with a re-test due within 6 hours (the sweep notifies the region's epidemic officers once it is overdue); the
 * epidemic officer then CONFIRMs (close contacts listed, the zone marked RED) or CLEARs it (a quiet period, 7 days
 * unless given, during which everyone of the subject tests every 24 h); a cleared incident is CLOSED once the quiet
 * period is over, a confirmed one when the officer decides. Other areas keep producing: a shutdown stays the HQ's
 * decision in the escort module.
 */
@Service
@Transactional
class IncidentService {

    static final Duration RETEST_WITHIN = Duration.ofHours(6);
    static final int DEFAULT_QUIET_DAYS = 7;
    static final Set<String> KINDS = Set.of("SUSPECTED", "FIRST_POSITIVE");
    /** Incidents during which the subject's employees test every 24 h. */
    static final String ACTIVE_STATUSES = "'OBSERVATION', 'CONFIRMED', 'CLEARED'";

    record IncidentInput(String enterpriseId, String employeeId, String kind, String note) {
    }

    record Decision(List<String> closeContactIds, String zoneId, Integer quietDays) {
    }

    record IncidentView(String id, String enterpriseId, String employeeId, String kind, String status, String note,
            OffsetDateTime openedAt, OffsetDateTime retestDueAt, boolean retestOverdue, String zoneId,
            OffsetDateTime decidedAt, OffsetDateTime quietUntil, OffsetDateTime closedAt, List<String> closeContactIds) {
    }

    private final JdbcClient jdbc;
    private final EpidemicAccess access;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final Notifications notifications;

    IncidentService(JdbcClient jdbc, EpidemicAccess access, BusinessClock clock, AuditLog audit,
            Notifications notifications) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
        this.notifications = notifications;
    }

    private static void requireOfficer() {
        if (!CurrentUser.get().is(Role.EPIDEMIC_OFFICER, Role.ADMIN)) {
            throw ApiException.forbidden("error.forbidden");
        }
    }

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
        if (in.employeeId() != null && !in.employeeId().isBlank()) {
            boolean known = jdbc.sql("SELECT COUNT(*) FROM epi_employee WHERE id = ? AND subject_id = ?")
                    .params(in.employeeId(), subject.id()).query(Long.class).single() > 0;
            if (!known) {
                throw ApiException.invalid("employeeId", "epidemic.incident.employee");
            }
        }
        String id = Ids.newId();
        OffsetDateTime now = clock.nowOffset();
        jdbc.sql("""
                INSERT INTO epi_incident (id, subject_id, region_code, sector, employee_id, kind, status, note, opened_at,
                    opened_by, retest_due_at) VALUES (?, ?, ?, ?, ?, ?, 'OBSERVATION', ?, ?, ?, ?)""")
                .params(id, subject.id(), subject.regionCode(), subject.sector().name(),
                        in.employeeId() == null || in.employeeId().isBlank() ? null : in.employeeId(), in.kind().trim(),
                        in.note(), now, CurrentUser.get().id(), now.plus(RETEST_WITHIN)).update();
        IncidentView view = find(id);
        audit.record("epidemic.incident.open", "incident", id, subject.regionCode(), null, view);
        notifications.send(Notice.of("EPIDEMIC_INCIDENT", "epidemic.notice.incident", "/epidemic/enterprise/" + subject.id(),
                subject.name()), Recipients.roleAt(Role.EPIDEMIC_OFFICER, subject.regionCode()));
        return view;
    }

    IncidentView confirm(String id, Decision d) {
        requireOfficer();
        IncidentView before = inStatus(id, "OBSERVATION");
        List<String> contacts = d == null || d.closeContactIds() == null ? List.of() : d.closeContactIds();
        Validation v = new Validation();
        for (int i = 0; i < contacts.size(); i++) {
            v.check(jdbc.sql("SELECT COUNT(*) FROM epi_employee WHERE id = ? AND subject_id = ?")
                    .params(contacts.get(i), before.enterpriseId()).query(Long.class).single() > 0,
                    "closeContactIds[" + i + "]", "epidemic.incident.employee");
        }
        String zoneId = d == null || d.zoneId() == null || d.zoneId().isBlank() ? null : d.zoneId();
        if (zoneId != null) {
            v.check(jdbc.sql("SELECT COUNT(*) FROM epi_zone WHERE id = ? AND subject_id = ?")
                    .params(zoneId, before.enterpriseId()).query(Long.class).single() > 0, "zoneId", "epidemic.incident.zone");
        }
        v.throwIfInvalid();
        OffsetDateTime now = clock.nowOffset();
        jdbc.sql("UPDATE epi_incident SET status = 'CONFIRMED', decided_at = ?, zone_id = ? WHERE id = ?")
                .params(now, zoneId, id).update();
        for (String c : contacts.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO epi_incident_contact (incident_id, employee_id) VALUES (?, ?)").params(id, c).update();
        }
        if (zoneId != null) {
            jdbc.sql("UPDATE epi_zone SET colour = 'RED', updated_at = ? WHERE id = ?").params(now, zoneId).update();
        }
        return decided(before, "epidemic.incident.confirm");
    }

    IncidentView clear(String id, Decision d) {
        requireOfficer();
        IncidentView before = inStatus(id, "OBSERVATION");
        int days = d == null || d.quietDays() == null ? DEFAULT_QUIET_DAYS : d.quietDays();
        if (days < 1 || days > 14) {
            throw ApiException.invalid("quietDays", "epidemic.incident.quietDays", 1, 14);
        }
        OffsetDateTime now = clock.nowOffset();
        jdbc.sql("UPDATE epi_incident SET status = 'CLEARED', decided_at = ?, quiet_until = ? WHERE id = ?")
                .params(now, now.plusDays(days), id).update();
        return decided(before, "epidemic.incident.clear");
    }

    IncidentView close(String id) {
        requireOfficer();
        IncidentView before = find(id);
        OffsetDateTime now = clock.nowOffset();
        boolean allowed = "CONFIRMED".equals(before.status())
                || "CLEARED".equals(before.status()) && !now.isBefore(before.quietUntil());
        if (!allowed) {
            throw ApiException.conflict("epidemic.incident.notClosable", before.status());
        }
        jdbc.sql("UPDATE epi_incident SET status = 'CLOSED', closed_at = ? WHERE id = ?").params(now, id).update();
        return decided(before, "epidemic.incident.close");
    }

    private IncidentView decided(IncidentView before, String action) {
        IncidentView after = find(before.id());
        audit.record(action, "incident", before.id(), null, Map.of("status", before.status()),
                Map.of("status", after.status()));
        return after;
    }

    private IncidentView inStatus(String id, String status) {
        IncidentView i = find(id);
        if (!status.equals(i.status())) {
            throw ApiException.conflict("epidemic.incident.wrongStatus", i.status());
        }
        return i;
    }

    @Transactional(readOnly = true)
    PageResult<IncidentView> list(String enterpriseId, String status, PageQuery page) {
        SqlFilter filter = CurrentUser.get().scope().subjects("region_code", "sector", "subject_id");
        StringBuilder where = new StringBuilder(filter.sql());
        List<Object> params = new ArrayList<>(filter.params());
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            where.append(" AND subject_id = ?");
            params.add(enterpriseId);
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND status = ?");
            params.add(status);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM epi_incident WHERE " + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(page.size());
        p.add(page.offset());
        List<String> ids = jdbc.sql("SELECT id FROM epi_incident WHERE " + where + " ORDER BY opened_at DESC LIMIT ? OFFSET ?")
                .params(p).query(String.class).list();
        return page.result(ids.stream().map(this::find).toList(), total);
    }

    @Transactional(readOnly = true)
    IncidentView find(String id) {
        OffsetDateTime now = clock.nowOffset();
        IncidentView i = jdbc.sql("""
                SELECT id, subject_id, employee_id, kind, status, note, opened_at, retest_due_at, zone_id, decided_at,
                    quiet_until, closed_at FROM epi_incident WHERE id = ?""").param(id)
                .query((rs, n) -> {
                    OffsetDateTime due = rs.getObject("retest_due_at", OffsetDateTime.class);
                    String status = rs.getString("status");
                    return new IncidentView(rs.getString("id"), rs.getString("subject_id"), rs.getString("employee_id"),
                            rs.getString("kind"), status, rs.getString("note"),
                            rs.getObject("opened_at", OffsetDateTime.class), due,
                            "OBSERVATION".equals(status) && now.isAfter(due), rs.getString("zone_id"),
                            rs.getObject("decided_at", OffsetDateTime.class), rs.getObject("quiet_until", OffsetDateTime.class),
                            rs.getObject("closed_at", OffsetDateTime.class),
                            jdbc.sql("SELECT employee_id FROM epi_incident_contact WHERE incident_id = ? ORDER BY employee_id")
                                    .param(rs.getString("id")).query(String.class).list());
                }).optional().orElseThrow(() -> ApiException.notFound("incident", id));
        access.readable(i.enterpriseId());
        return i;
    }

    /** Called by the sweep: notifies, once, the epidemic officers of incidents whose re-test is overdue. */
    int notifyOverdueRetests(OffsetDateTime now) {
        List<Map<String, Object>> due = jdbc.sql("""
                SELECT i.id, i.region_code, i.subject_id FROM epi_incident i
                WHERE i.status = 'OBSERVATION' AND i.retest_due_at < ? AND i.retest_notified = FALSE""")
                .param(now).query().listOfRows();
        for (Map<String, Object> row : due) {
            jdbc.sql("UPDATE epi_incident SET retest_notified = TRUE WHERE id = ?").param(row.get("id")).update();
            notifications.send(Notice.of("EPIDEMIC_INCIDENT", "epidemic.notice.retestOverdue",
                    "/epidemic/enterprise/" + row.get("subject_id"), String.valueOf(row.get("id"))),
                    Recipients.roleAt(Role.EPIDEMIC_OFFICER, String.valueOf(row.get("region_code"))));
        }
        return due.size();
    }
}
