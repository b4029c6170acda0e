package org.sibao.escort.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.escort.ShutdownDecided;
import org.sibao.escort.ShutdownEnded;
import org.sibao.escort.ShutdownStarted;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
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
import org.sibao.region.Department;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspection requests and shutdown decisions on whitelist subjects (SPEC §4 "Protection in force"). Officials file;
 * the HQ of the subject's county or above decides. Shutdowns run on the business clock and end by themselves: every
 * read first ends the shutdowns whose time has passed (so a drill's clock advance shows at once), and a scheduled
 * job does the same every minute.
 */
@Service
@Transactional
class EscortService {

    /** How a time reads in a notice (business time, to the minute). */
    private static final java.time.format.DateTimeFormatter NOTICE_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static final String INSPECTION = "inspection";
    static final String SHUTDOWN = "shutdown";
    static final int MAX_DAYS = 3;
    static final int MAX_TEXT = 500;

    /** Officials who may file inspection and shutdown requests. */
    static final Set<Role> FILERS = Set.of(Role.HQ_OFFICER, Role.SECTOR_OFFICER, Role.DEPT_HANDLER, Role.EPIDEMIC_OFFICER);

    record InspectionRequest(String enterpriseId, String departmentCode, String kind, String reason, String plannedDate) {
    }

    record ShutdownRequest(String enterpriseId, String reason, Integer days) {
    }

    record Decision(String comment, Integer days) {
    }

    private final EscortRepository repository;
    private final Subjects subjects;
    private final AuditLog audit;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final BusinessClock clock;

    EscortService(EscortRepository repository, Subjects subjects, AuditLog audit, Notifications notifications,
            ApplicationEventPublisher events, BusinessClock clock) {
        this.repository = repository;
        this.subjects = subjects;
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    private static SqlFilter currentScope() {
        return EscortRepository.scope(CurrentUser.get().scope());
    }

    static boolean canFile(CurrentUser u) {
        return FILERS.contains(u.role());
    }

    static boolean canDecide(CurrentUser u) {
        return u.role() == Role.HQ_OFFICER;
    }

    // --- inspections

    /** The department an inspection request defaults to: the one the filer acts for, else the one it belongs to. */
    private static String ownDepartment(CurrentUser user) {
        return user.department() != null ? user.department() : user.departmentCode();
    }

    Inspection fileInspection(InspectionRequest in) {
        CurrentUser user = CurrentUser.get();
        if (!canFile(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        Validation v = new Validation();
        v.required(in.enterpriseId(), "enterpriseId");
        String dept = in.departmentCode() == null || in.departmentCode().isBlank() ? ownDepartment(user) : in.departmentCode().trim();
        if (v.required(dept, "departmentCode")) {
            v.check(Department.parse(dept).isPresent(), "departmentCode", "escort.departmentCode.unknown", dept);
        }
        InspectionKind kind = null;
        if (v.required(in.kind(), "kind")) {
            kind = parseKind(in.kind());
            v.check(kind != null, "kind", "escort.kind.unknown", in.kind());
        }
        if (v.required(in.reason(), "reason")) {
            v.maxLength(in.reason(), MAX_TEXT, "reason");
        }
        LocalDate planned = null;
        if (v.required(in.plannedDate(), "plannedDate")) {
            try {
                planned = LocalDate.parse(in.plannedDate().trim());
                v.check(!planned.isBefore(clock.today()), "plannedDate", "escort.plannedDate.past");
            } catch (DateTimeParseException e) {
                v.reject("plannedDate", "escort.plannedDate.format");
            }
        }
        v.throwIfInvalid();
        SubjectFacts subject = whitelistSubject(in.enterpriseId(), false);
        InspectionStatus status = kind.needsApproval() ? InspectionStatus.PENDING : InspectionStatus.NOT_REQUIRED;
        Inspection i = new Inspection(Ids.newId(), subject.id(), subject.name(), subject.regionCode(),
                subject.sector().name(), dept, kind, in.reason().trim(), planned, status, kind.needsApproval(),
                user.id(), clock.nowOffset(), null, null, null, 0);
        repository.insert(i);
        audit.record("escort.inspection.file", INSPECTION, i.id(), i.regionCode(), null, auditView(i));
        String link = "/escort?enterpriseId=" + i.enterpriseId();
        if (status == InspectionStatus.PENDING) {
            notifications.send(Notice.of("ESCORT", "escort.notice.inspectionPending", "/escort/inspections",
                    i.enterpriseName(), planned.toString()), Recipients.roleAt(Role.HQ_OFFICER, i.regionCode()));
        } else {
            notifications.send(Notice.of("ESCORT", "escort.notice.inspectionFiled", link, i.enterpriseName(),
                    planned.toString()), Recipients.enterprise(i.enterpriseId()));
        }
        return i;
    }

    Inspection decideInspection(String id, boolean approve, Decision d) {
        CurrentUser user = CurrentUser.get();
        Inspection before = inspection(id);
        if (!canDecide(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        String comment = comment(d, !approve);
        if (before.status() != InspectionStatus.PENDING) {
            throw ApiException.conflict("escort.inspection.notPending", before.status().name());
        }
        Inspection after = new Inspection(before.id(), before.enterpriseId(), before.enterpriseName(), before.regionCode(),
                before.sector(), before.departmentCode(), before.kind(), before.reason(), before.plannedDate(),
                approve ? InspectionStatus.APPROVED : InspectionStatus.REFUSED, true, before.requestedBy(),
                before.requestedAt(), user.id(), clock.nowOffset(), comment, before.version() + 1);
        if (!repository.decide(after, before.version())) {
            throw ApiException.conflict("escort.concurrent");
        }
        audit.record(approve ? "escort.inspection.approve" : "escort.inspection.refuse", INSPECTION, id,
                after.regionCode(), auditView(before), auditView(after));
        notifications.send(Notice.of("ESCORT", approve ? "escort.notice.inspectionApproved" : "escort.notice.inspectionRefused",
                "/escort?enterpriseId=" + after.enterpriseId(), after.enterpriseName(), 
                after.plannedDate().toString()), Recipients.users(List.of(after.requestedBy())));
        if (approve) {
            notifications.send(Notice.of("ESCORT", "escort.notice.inspectionFiled", "/escort?enterpriseId=" + after.enterpriseId(),
                    after.enterpriseName(), after.plannedDate().toString()),
                    Recipients.enterprise(after.enterpriseId()));
        }
        return after;
    }

    @Transactional(readOnly = true)
    Inspection inspection(String id) {
        return repository.findInspection(id, currentScope()).orElseThrow(() -> ApiException.notFound(INSPECTION, id));
    }

    @Transactional(readOnly = true)
    PageResult<Inspection> inspections(String enterpriseId, String status, PageQuery page) {
        SqlFilter where = currentScope();
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            where = where.and(new SqlFilter("enterprise_id = ?", List.of(enterpriseId.trim())));
        }
        if (status != null && !status.isBlank()) {
            where = where.and(new SqlFilter("status = ?", List.of(parseEnum(InspectionStatus.class, status, "status").name())));
        }
        return repository.inspections(where, page);
    }

    // --- shutdowns

    Shutdown fileShutdown(ShutdownRequest in) {
        return fileShutdown(in, null);
    }

    /** @param incidentId the epidemic incident the request comes from, or null */
    Shutdown fileShutdown(ShutdownRequest in, String incidentId) {
        CurrentUser user = CurrentUser.get();
        if (!canFile(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        Validation v = new Validation();
        v.required(in.enterpriseId(), "enterpriseId");
        if (v.required(in.reason(), "reason")) {
            v.maxLength(in.reason(), MAX_TEXT, "reason");
        }
        if (v.required(in.days(), "days")) {
            v.check(in.days() >= 1 && in.days() <= MAX_DAYS, "days", "escort.days.range", MAX_DAYS);
        }
        v.throwIfInvalid();
        expireDue();
        SubjectFacts subject = whitelistSubject(in.enterpriseId(), true);
        if (repository.hasOpenShutdown(subject.id())) {
            throw ApiException.conflict("escort.shutdown.open");
        }
        Shutdown s = new Shutdown(Ids.newId(), subject.id(), subject.name(), subject.regionCode(), subject.sector().name(),
                in.reason().trim(), in.days(), ShutdownStatus.PENDING, user.id(), clock.nowOffset(), null, null, null,
                null, null, null, null, 0, 0, incidentId);
        repository.insert(s);
        audit.record("escort.shutdown.file", SHUTDOWN, s.id(), s.regionCode(), null, auditView(s));
        notifications.send(Notice.of("ESCORT", "escort.notice.shutdownPending", "/escort/shutdowns", s.enterpriseName(),
                String.valueOf(s.days())), Recipients.roleAt(Role.HQ_OFFICER, s.regionCode()));
        return s;
    }

    /** The HQ approves (the shutdown starts now and lasts {@code days}) or refuses a pending request. */
    Shutdown decideShutdown(String id, boolean approve, Decision d) {
        Shutdown before = shutdownForDecision(id);
        String comment = comment(d, !approve);
        if (before.status() != ShutdownStatus.PENDING) {
            throw ApiException.conflict("escort.shutdown.notPending", before.status().name());
        }
        OffsetDateTime now = clock.nowOffset();
        Shutdown after = approve
                ? with(before, before.days(), ShutdownStatus.ACTIVE, now, comment, now, now.plus(Duration.ofDays(before.days())), null, null, 0)
                : with(before, before.days(), ShutdownStatus.REFUSED, now, comment, null, null, null, null, 0);
        save(before, after, approve ? "escort.shutdown.approve" : "escort.shutdown.refuse");
        events.publishEvent(new ShutdownDecided(after.id(), after.enterpriseId(), after.incidentId(), approve,
                after.days(), comment, now));
        if (approve) {
            events.publishEvent(new ShutdownStarted(after.id(), after.enterpriseId(), after.reason(), after.endsAt()));
            notifyBoth(after, "escort.notice.shutdownStarted", after.endsAt().atZoneSameInstant(org.sibao.platform.BusinessClock.ZONE).toLocalDateTime().format(NOTICE_TIME));
        } else {
            notifications.send(Notice.of("ESCORT", "escort.notice.shutdownRefused", "/escort?enterpriseId=" + after.enterpriseId(),
                    after.enterpriseName()), Recipients.users(List.of(after.requestedBy())));
        }
        return after;
    }

    /** A new HQ decision on an active shutdown: it now lasts until {@code days} (1..3) from now. */
    Shutdown renew(String id, Decision d) {
        Shutdown before = shutdownForDecision(id);
        int days = d == null || d.days() == null ? 0 : d.days();
        Validation v = new Validation();
        v.check(days >= 1 && days <= MAX_DAYS, "days", "escort.days.range", MAX_DAYS);
        v.throwIfInvalid();
        String comment = comment(d, true);
        if (before.status() != ShutdownStatus.ACTIVE) {
            throw ApiException.conflict("escort.shutdown.notActive", before.status().name());
        }
        OffsetDateTime now = clock.nowOffset();
        Shutdown after = with(before, days, ShutdownStatus.ACTIVE, now, comment, before.startedAt(),
                now.plus(Duration.ofDays(days)), null, null, 1);
        save(before, after, "escort.shutdown.renew");
        events.publishEvent(new ShutdownStarted(after.id(), after.enterpriseId(), after.reason(), after.endsAt()));
        notifyBoth(after, "escort.notice.shutdownRenewed", after.endsAt().atZoneSameInstant(org.sibao.platform.BusinessClock.ZONE).toLocalDateTime().format(NOTICE_TIME));
        return after;
    }

    /** The HQ lifts an active shutdown before its time. */
    Shutdown lift(String id, Decision d) {
        Shutdown before = shutdownForDecision(id);
        String comment = comment(d, false);
        if (before.status() != ShutdownStatus.ACTIVE) {
            throw ApiException.conflict("escort.shutdown.notActive", before.status().name());
        }
        OffsetDateTime now = clock.nowOffset();
        Shutdown after = with(before, before.days(), ShutdownStatus.ENDED, before.decidedAt(),
                comment == null ? before.decisionComment() : comment, before.startedAt(), before.endsAt(), now, "LIFTED", 0);
        save(before, after, "escort.shutdown.lift");
        ended(after);
        return after;
    }

    /**
     * Ends every active shutdown whose time has passed. Each one is ended by a conditional update, so that two nodes
     * (or a read and the schedule) never end — and announce — the same shutdown twice.
     */
    int expireDue() {
        int n = 0;
        for (Shutdown s : repository.dueShutdowns(clock.nowOffset())) {
            Shutdown after = with(s, s.days(), ShutdownStatus.ENDED, s.decidedAt(), s.decisionComment(), s.startedAt(),
                    s.endsAt(), s.endsAt(), "EXPIRED", 0);
            if (repository.update(after, s.version())) {
                audit.record("escort.shutdown.expire", SHUTDOWN, s.id(), s.regionCode(), auditView(s), auditView(after));
                ended(after);
                n++;
            }
        }
        return n;
    }

    Shutdown shutdown(String id) {
        expireDue();
        return repository.findShutdown(id, currentScope()).orElseThrow(() -> ApiException.notFound(SHUTDOWN, id));
    }

    PageResult<Shutdown> shutdowns(String enterpriseId, String status, PageQuery page) {
        expireDue();
        SqlFilter where = currentScope();
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            where = where.and(new SqlFilter("enterprise_id = ?", List.of(enterpriseId.trim())));
        }
        if (status != null && !status.isBlank()) {
            where = where.and(new SqlFilter("status = ?", List.of(parseEnum(ShutdownStatus.class, status, "status").name())));
        }
        return repository.shutdowns(where, page);
    }

    /** Shutdowns filed from these epidemic incidents, in the caller's scope, newest first (ends due ones first). */
    List<Shutdown> ofIncidents(java.util.Collection<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return List.of();
        }
        expireDue();
        SqlFilter where = currentScope().and(new SqlFilter("incident_id IN (" + "?,".repeat(incidentIds.size() - 1) + "?)",
                List.copyOf(incidentIds)));
        return repository.shutdowns(where, PageQuery.of(0, PageQuery.MAX_SIZE)).items();
    }

    // --- helpers

    private Shutdown shutdownForDecision(String id) {
        CurrentUser user = CurrentUser.get();
        Shutdown s = shutdown(id);
        if (!canDecide(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        return s;
    }

    private void save(Shutdown before, Shutdown after, String action) {
        if (!repository.update(after, before.version())) {
            throw ApiException.conflict("escort.concurrent");
        }
        audit.record(action, SHUTDOWN, after.id(), after.regionCode(), auditView(before), auditView(after));
    }

    private void ended(Shutdown s) {
        events.publishEvent(new ShutdownEnded(s.id(), s.enterpriseId(), s.incidentId(), s.endCause()));
        notifyBoth(s, "escort.notice.shutdownEnded", "");
    }

    private void notifyBoth(Shutdown s, String key, String until) {
        Notice notice = Notice.of("ESCORT", key, "/escort?enterpriseId=" + s.enterpriseId(), s.enterpriseName(), until);
        notifications.send(notice, Recipients.enterprise(s.enterpriseId()));
        notifications.send(notice, Recipients.roleAt(Role.HQ_OFFICER, s.regionCode()));
    }

    private Shutdown with(Shutdown s, int days, ShutdownStatus status, OffsetDateTime decidedAt, String comment,
            OffsetDateTime startedAt, OffsetDateTime endsAt, OffsetDateTime endedAt, String endCause, int moreRenewals) {
        String decider = status == s.status() && decidedAt == s.decidedAt() ? s.decidedBy()
                : CurrentUser.find().map(CurrentUser::id).orElse(s.decidedBy());
        return new Shutdown(s.id(), s.enterpriseId(), s.enterpriseName(), s.regionCode(), s.sector(), s.reason(), days,
                status, s.requestedBy(), s.requestedAt(), decider, decidedAt, comment, startedAt, endsAt, endedAt,
                endCause, s.renewals() + moreRenewals, s.version() + 1, s.incidentId());
    }

    /** A subject in the caller's scope (404 otherwise) that is on the whitelist (409 otherwise). */
    private SubjectFacts whitelistSubject(String enterpriseId, boolean activeOnly) {
        // an id, or the web picker's "名称 · USCC" (a USCC or exact name resolve the same way) within the caller's scope
        String id = CurrentUser.find().flatMap(u -> subjects.resolve(enterpriseId, u.scope())).orElse(enterpriseId.trim());
        SubjectFacts s = subjects.find(id).orElseThrow(() -> ApiException.notFound("enterprise", enterpriseId));
        boolean ok = s.whitelistStatus() == WhitelistStatus.ACTIVE
                || (!activeOnly && s.whitelistStatus() == WhitelistStatus.SUSPENDED);
        if (!ok) {
            throw ApiException.conflict("escort.notWhitelisted", s.name());
        }
        return s;
    }

    private static String comment(Decision d, boolean required) {
        String c = d == null || d.comment() == null || d.comment().isBlank() ? null : d.comment().trim();
        Validation v = new Validation();
        if (required) {
            v.required(c, "comment");
        }
        v.maxLength(c, MAX_TEXT, "comment");
        v.throwIfInvalid();
        return c;
    }

    static InspectionKind parseKind(String s) {
        try {
            return InspectionKind.valueOf(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "escort.enum.unknown", value);
        }
    }

    private static Map<String, Object> auditView(Inspection i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", i.enterpriseId());
        m.put("departmentCode", i.departmentCode());
        m.put("kind", i.kind());
        m.put("reason", i.reason());
        m.put("plannedDate", String.valueOf(i.plannedDate()));
        m.put("status", i.status());
        m.put("decisionComment", String.valueOf(i.decisionComment()));
        return m;
    }

    private static Map<String, Object> auditView(Shutdown s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", s.enterpriseId());
        m.put("reason", s.reason());
        m.put("days", s.days());
        m.put("incidentId", String.valueOf(s.incidentId()));
        m.put("status", s.status());
        m.put("endsAt", String.valueOf(s.endsAt()));
        m.put("endCause", String.valueOf(s.endCause()));
        m.put("renewals", s.renewals());
        m.put("decisionComment", String.valueOf(s.decisionComment()));
        return m;
    }
}
