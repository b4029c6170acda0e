package org.sibao.escort.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.escort.ShutdownDecided;
import org.sibao.escort.ShutdownEnded;
import org.sibao.escort.ShutdownStarted;
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
import org.sibao.platform.Words;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Department;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspection requests and shutdown decisions on whitelist subjects (SPEC §4 "Protection in force"). Officials file.
 * An inspection that needs approval is decided by the HQ office of the approval level (the subject's city by
 * default), never by its filer. A shutdown is a joint decision (会商) of the economic dispatch HQ office and the
 * epidemic prevention command of the decision level (the subject's city by default; {@link EscortDeciders}): one
 * side's consent leaves it pending, the second side's starts it, either side's refusal ends the request; a renewal
 * is proposed by one side and takes effect when the other agrees; either side lifts it alone.
 * <p>
 * Shutdowns run on the business clock and end by themselves: every read first ends the shutdowns whose time has
 * passed (so a drill's clock advance shows at once), and a scheduled job does the same every minute.
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

    /** What a user may do on a shutdown, for the page's buttons. */
    enum Action {
        APPROVE, REFUSE, PROPOSE_RENEWAL, APPROVE_RENEWAL, REFUSE_RENEWAL, LIFT
    }

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
    private final EscortDeciders deciders;

    EscortService(EscortRepository repository, Subjects subjects, AuditLog audit, Notifications notifications,
            ApplicationEventPublisher events, BusinessClock clock, EscortDeciders deciders) {
        this.repository = repository;
        this.subjects = subjects;
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.deciders = deciders;
    }

    private static SqlFilter currentScope() {
        return EscortRepository.scope(CurrentUser.get().scope());
    }

    static boolean canFile(CurrentUser u) {
        return FILERS.contains(u.role());
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
                user.id(), clock.nowOffset(), null, null, null, 0, null, null);
        repository.insert(i);
        audit.record("escort.inspection.file", INSPECTION, i.id(), i.regionCode(), null, auditView(i));
        String link = "/escort?enterpriseId=" + i.enterpriseId();
        if (status == InspectionStatus.PENDING) {
            // to the HQ office that approves it (the city's, or the nearest staffed one above), not the county's
            notifications.send(Notice.of("ESCORT", "escort.notice.inspectionPending", "/escort/inspections",
                    i.enterpriseName(), planned.toString()), Recipients.roleAt(Role.HQ_OFFICER, deciders.inspection(i.regionCode())));
        } else {
            notifications.send(Notice.of("ESCORT", "escort.notice.inspectionFiled", link, i.enterpriseName(),
                    planned.toString()), Recipients.enterprise(i.enterpriseId()));
        }
        return withApprover(i, new HashMap<>());
    }

    /**
     * The HQ office of the approval level or above approves or refuses a pending inspection request; its filer never
     * decides its own request (403), nor does an office below that level (403).
     */
    Inspection decideInspection(String id, boolean approve, Decision d) {
        CurrentUser user = CurrentUser.get();
        Inspection before = inspection(id);
        if (user.role() != Role.HQ_OFFICER) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (user.id().equals(before.requestedBy())) {
            throw ApiException.forbidden("escort.inspection.ownRequest");
        }
        if (before.approvalRequired() && !deciders.atOrAbove(user, before.approvalRegionCode())) {
            throw ApiException.forbidden("escort.inspection.belowLevel", before.approvalRegionName());
        }
        String comment = comment(d, !approve);
        if (before.status() != InspectionStatus.PENDING) {
            throw ApiException.conflict("escort.inspection.notPending", before.status());
        }
        Inspection after = new Inspection(before.id(), before.enterpriseId(), before.enterpriseName(), before.regionCode(),
                before.sector(), before.departmentCode(), before.kind(), before.reason(), before.plannedDate(),
                approve ? InspectionStatus.APPROVED : InspectionStatus.REFUSED, true, before.requestedBy(),
                before.requestedAt(), user.id(), clock.nowOffset(), comment, before.version() + 1,
                before.approvalRegionCode(), before.approvalRegionName());
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

    /** Whether the user may decide this inspection now (the page's buttons; the rules of {@link #decideInspection}). */
    boolean mayDecide(Inspection i, CurrentUser user) {
        return i.status() == InspectionStatus.PENDING && user.role() == Role.HQ_OFFICER
                && !user.id().equals(i.requestedBy()) && deciders.atOrAbove(user, i.approvalRegionCode());
    }

    @Transactional(readOnly = true)
    Inspection inspection(String id) {
        return repository.findInspection(id, currentScope()).map(i -> withApprover(i, new HashMap<>()))
                .orElseThrow(() -> ApiException.notFound(INSPECTION, id));
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
        Map<String, String> approvers = new HashMap<>();
        return repository.inspections(where, page).map(i -> withApprover(i, approvers));
    }

    /** The inspection with the HQ office that approves it (looked up once per region of a list). */
    private Inspection withApprover(Inspection i, Map<String, String> approvers) {
        if (!i.approvalRequired()) {
            return i;
        }
        String code = approvers.computeIfAbsent(i.regionCode(), deciders::inspection);
        return i.withApprovalRegion(code, deciders.name(code));
    }

    // --- shutdowns

    Shutdown fileShutdown(ShutdownRequest in) {
        return fileShutdown(in, null);
    }

    /**
     * Files a PENDING request and tells both sides of the decision level. Filing is no consent, even by one of the
     * deciding commands: it consents only by approving it explicitly.
     *
     * @param incidentId the epidemic incident the request comes from, or null
     */
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
                null, null, null, null, 0, 0, incidentId, 0, List.of(), deciders.shutdown(subject.regionCode()));
        repository.insert(s);
        audit.record("escort.shutdown.file", SHUTDOWN, s.id(), s.regionCode(), null, auditView(s));
        Notice notice = Notice.of("ESCORT", "escort.notice.shutdownPending", "/escort/shutdowns", s.enterpriseName(),
                String.valueOf(s.days()));
        for (ShutdownSide side : ShutdownSide.values()) {
            notifications.send(notice, Recipients.roleAt(side.role, s.deciders().regionOf(side)));
        }
        return s;
    }

    /**
     * One side's word on a pending request. A consent is recorded and the request stays PENDING until the other side
     * consents too, which starts the shutdown at once for its days; a refusal by either side refuses the request. Only
     * the final outcome is a {@link ShutdownDecided}.
     */
    Shutdown decideShutdown(String id, boolean approve, Decision d) {
        CurrentUser user = CurrentUser.get();
        Shutdown before = shutdown(id);
        ShutdownSide side = decidingSide(before, user);
        String comment = comment(d, !approve);
        require(before, ShutdownStatus.PENDING);
        if (before.consent(0, side) != null) {
            throw ApiException.conflict("escort.shutdown.alreadyConsented", sideName(side));
        }
        OffsetDateTime now = clock.nowOffset();
        Shutdown after;
        Shutdown saved;
        if (!approve) {
            addConsent(before, consent(0, side, Consent.Decision.REFUSE, before.days(), user, now, comment));
            after = with(before, before.days(), ShutdownStatus.REFUSED, now, comment, null, null, null, null, 0);
            saved = save(before, after, "escort.shutdown.refuse");
        } else if (before.hqConsent() == null && before.epidemicConsent() == null) {
            addConsent(before, consent(0, side, Consent.Decision.AGREE, before.days(), user, now, comment));
            after = before.touched(0);
            saved = save(before, after, "escort.shutdown.consent");
            notifySide(after, side.other(), "escort.notice.shutdownConsented." + side.name(), String.valueOf(after.days()));
            return saved;
        } else {
            addConsent(before, consent(0, side, Consent.Decision.AGREE, before.days(), user, now, comment));
            after = with(before, before.days(), ShutdownStatus.ACTIVE, now, comment, now,
                    now.plus(Duration.ofDays(before.days())), null, null, 0);
            saved = save(before, after, "escort.shutdown.approve");
        }
        events.publishEvent(new ShutdownDecided(after.id(), after.enterpriseId(), after.incidentId(), approve,
                after.days(), comment, now));
        if (approve) {
            events.publishEvent(new ShutdownStarted(after.id(), after.enterpriseId(), after.reason(), after.endsAt()));
            notifyBoth(after, "escort.notice.shutdownStarted", noticeTime(after.endsAt()));
        } else {
            notifications.send(Notice.of("ESCORT", "escort.notice.shutdownRefused", "/escort?enterpriseId=" + after.enterpriseId(),
                    after.enterpriseName()), Recipients.users(List.of(after.requestedBy())));
        }
        return saved;
    }

    /**
     * Renewal ("unless renewed") is a joint decision too. On an active shutdown without an open proposal, one side
     * proposes {@code days} (1..3, added to the end in force when it is agreed) with a comment; the other side agrees or refuses it
     * ({@link #decideRenewal}). Asking to renew with the same days when the other side has proposed them is agreeing.
     */
    Shutdown renew(String id, Decision d) {
        CurrentUser user = CurrentUser.get();
        Shutdown before = shutdown(id);
        ShutdownSide side = decidingSide(before, user);
        int days = d == null || d.days() == null ? 0 : d.days();
        Validation v = new Validation();
        v.check(days >= 1 && days <= MAX_DAYS, "days", "escort.days.range", MAX_DAYS);
        v.throwIfInvalid();
        String comment = comment(d, true);
        require(before, ShutdownStatus.ACTIVE);
        Consent proposal = before.pendingRenewal();
        if (proposal != null) {
            if (proposal.side() == side) {
                throw ApiException.conflict("escort.shutdown.renewalPending", sideName(side.other()));
            }
            if (proposal.days() != days) {
                throw ApiException.conflict("escort.shutdown.renewalDiffers", proposal.days());
            }
            return decideRenewal(before, side, user, true, comment);
        }
        int round = before.consentRound() + 1;
        addConsent(before, consent(round, side, Consent.Decision.AGREE, days, user, clock.nowOffset(), comment));
        Shutdown after = before.touched(round);
        Shutdown saved = save(before, after, "escort.shutdown.renewal.propose");
        notifySide(after, side.other(), "escort.notice.renewalProposed." + side.name(), String.valueOf(days));
        return saved;
    }

    /**
     * The other side agrees to (the shutdown's end moves on by the proposed days) or refuses a proposed renewal.
     */
    Shutdown decideRenewal(String id, boolean approve, Decision d) {
        CurrentUser user = CurrentUser.get();
        Shutdown before = shutdown(id);
        ShutdownSide side = decidingSide(before, user);
        String comment = comment(d, !approve);
        require(before, ShutdownStatus.ACTIVE);
        Consent proposal = before.pendingRenewal();
        if (proposal == null) {
            throw ApiException.conflict("escort.shutdown.noRenewal");
        }
        if (proposal.side() == side) {
            throw ApiException.conflict("escort.shutdown.renewalPending", sideName(side.other()));
        }
        return decideRenewal(before, side, user, approve, comment);
    }

    private Shutdown decideRenewal(Shutdown before, ShutdownSide side, CurrentUser user, boolean approve, String comment) {
        Consent proposal = before.pendingRenewal();
        OffsetDateTime now = clock.nowOffset();
        addConsent(before, consent(proposal.round(), side, approve ? Consent.Decision.AGREE : Consent.Decision.REFUSE,
                proposal.days(), user, now, comment));
        if (!approve) {
            Shutdown after = before.touched(before.consentRound());
            Shutdown saved = save(before, after, "escort.shutdown.renewal.refuse");
            notifications.send(Notice.of("ESCORT", "escort.notice.renewalRefused", "/escort/shutdowns",
                    after.enterpriseName(), noticeTime(after.endsAt())), Recipients.users(List.of(proposal.userId())));
            return saved;
        }
        // an extension (延期): the days run on from the end in force, never cutting it short; the request's own
        // days stay as they were (each renewal's days are in its consents)
        OffsetDateTime from = before.endsAt() != null && before.endsAt().isAfter(now) ? before.endsAt() : now;
        Shutdown after = with(before, before.days(), ShutdownStatus.ACTIVE, now, comment, before.startedAt(),
                from.plus(Duration.ofDays(proposal.days())), null, null, 1);
        Shutdown saved = save(before, after, "escort.shutdown.renew");
        events.publishEvent(new ShutdownStarted(after.id(), after.enterpriseId(), after.reason(), after.endsAt()));
        notifyBoth(after, "escort.notice.shutdownRenewed", noticeTime(after.endsAt()));
        return saved;
    }

    /** Either side of the decision level lifts an active shutdown before its time, alone: production resumes. */
    Shutdown lift(String id, Decision d) {
        CurrentUser user = CurrentUser.get();
        Shutdown before = shutdown(id);
        decidingSide(before, user);
        String comment = comment(d, false);
        require(before, ShutdownStatus.ACTIVE);
        OffsetDateTime now = clock.nowOffset();
        Shutdown after = with(before, before.days(), ShutdownStatus.ENDED, before.decidedAt(),
                comment == null ? before.decisionComment() : comment, before.startedAt(), before.endsAt(), now, "LIFTED", 0);
        Shutdown saved = save(before, after, "escort.shutdown.lift");
        ended(after);
        return saved;
    }

    /** What the user may do on the shutdown now (the page shows a button for each; the API checks the same). */
    Set<Action> actions(Shutdown s, CurrentUser user) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        ShutdownSide side = ShutdownSide.of(user.role()).orElse(null);
        if (side == null || s.deciders() == null || !deciders.atOrAbove(user, s.deciders().regionOf(side))) {
            return out;
        }
        if (s.status() == ShutdownStatus.PENDING && s.consent(0, side) == null) {
            out.add(Action.APPROVE);
            out.add(Action.REFUSE);
        } else if (s.status() == ShutdownStatus.ACTIVE) {
            Consent proposal = s.pendingRenewal();
            if (proposal == null) {
                out.add(Action.PROPOSE_RENEWAL);
            } else if (proposal.side() != side) {
                out.add(Action.APPROVE_RENEWAL);
                out.add(Action.REFUSE_RENEWAL);
            }
            out.add(Action.LIFT);
        }
        return out;
    }

    /** The names of the actions of each listed shutdown for the user, by id (for the page). */
    Map<String, Set<String>> actions(Collection<Shutdown> items, CurrentUser user) {
        Map<String, Set<String>> out = new HashMap<>();
        items.forEach(s -> out.put(s.id(), actions(s, user).stream().map(Enum::name)
                .collect(java.util.stream.Collectors.toSet())));
        return out;
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
        return repository.findShutdown(id, currentScope()).map(s -> enrich(List.of(s)).get(0))
                .orElseThrow(() -> ApiException.notFound(SHUTDOWN, id));
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
        PageResult<Shutdown> found = repository.shutdowns(where, page);
        return new PageResult<>(enrich(found.items()), found.page(), found.size(), found.total());
    }

    /** Shutdowns filed from these epidemic incidents, in the caller's scope, newest first (ends due ones first). */
    List<Shutdown> ofIncidents(java.util.Collection<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return List.of();
        }
        expireDue();
        SqlFilter where = currentScope().and(new SqlFilter("incident_id IN (" + "?,".repeat(incidentIds.size() - 1) + "?)",
                List.copyOf(incidentIds)));
        return enrich(repository.shutdowns(where, PageQuery.of(0, PageQuery.MAX_SIZE)).items());
    }

    // --- helpers

    /** The shutdowns with their consents (one query) and deciders (looked up once per region of the list). */
    private List<Shutdown> enrich(List<Shutdown> items) {
        Map<String, List<Consent>> consents = repository.consents(items.stream().map(Shutdown::id).toList());
        Map<String, Deciders> byRegion = new HashMap<>();
        List<Shutdown> out = new ArrayList<>(items.size());
        for (Shutdown s : items) {
            out.add(s.withConsents(consents.getOrDefault(s.id(), List.of()).stream()
                    .map(c -> c.withRegionName(deciders.name(c.regionCode()))).toList())
                    .withDeciders(byRegion.computeIfAbsent(s.regionCode(), deciders::shutdown)));
        }
        return out;
    }

    /** The shutdown as stored now, in full (after a change). */
    private Shutdown reload(Shutdown s) {
        return enrich(List.of(repository.findShutdown(s.id(), SqlFilter.NONE).orElseThrow())).get(0);
    }

    /**
     * The side the user decides for: an HQ_OFFICER or EPIDEMIC_OFFICER (others 403) of the side's deciding region
     * or above (403 below it, naming who decides).
     */
    private ShutdownSide decidingSide(Shutdown s, CurrentUser user) {
        ShutdownSide side = ShutdownSide.of(user.role()).orElseThrow(() -> ApiException.forbidden("error.forbidden"));
        if (!deciders.atOrAbove(user, s.deciders().regionOf(side))) {
            throw ApiException.forbidden("escort.shutdown.belowLevel", s.deciders().hqRegionName(),
                    s.deciders().epidemicRegionName(), sideName(side), s.deciders().regionNameOf(side));
        }
        return side;
    }

    /** 409 unless the shutdown is pending (a decision) or active (a renewal or a lift). */
    private static void require(Shutdown s, ShutdownStatus status) {
        if (s.status() != status) {
            throw ApiException.conflict(status == ShutdownStatus.PENDING ? "escort.shutdown.notPending"
                    : "escort.shutdown.notActive", s.status());
        }
    }

    private static org.springframework.context.MessageSourceResolvable sideName(ShutdownSide side) {
        return Words.of("escort.side." + side.name(), side.name());
    }

    private static Consent consent(int round, ShutdownSide side, Consent.Decision decision, int days, CurrentUser user,
            OffsetDateTime at, String comment) {
        return new Consent(round, side, decision, days, user.id(), user.displayName(), user.regionCode(), null, at, comment);
    }

    /** Records a side's word; 409 when that side has spoken on the round meanwhile. */
    private void addConsent(Shutdown s, Consent c) {
        if (!repository.insertConsent(s.id(), c)) {
            throw ApiException.conflict("escort.shutdown.alreadyConsented", sideName(c.side()));
        }
    }

    /** Stores the change (409 on a concurrent one), audits it and answers the shutdown as stored. */
    private Shutdown save(Shutdown before, Shutdown after, String action) {
        if (!repository.update(after, before.version())) {
            throw ApiException.conflict("escort.concurrent");
        }
        Shutdown saved = reload(after);
        audit.record(action, SHUTDOWN, after.id(), after.regionCode(), auditView(before), auditView(saved));
        return saved;
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

    /** A notice to one side's officers at its deciding region, asking for its word. */
    private void notifySide(Shutdown s, ShutdownSide side, String key, String days) {
        notifications.send(Notice.of("ESCORT", key, "/escort/shutdowns", s.enterpriseName(), days),
                Recipients.roleAt(side.role, s.deciders().regionOf(side)));
    }

    private static String noticeTime(OffsetDateTime t) {
        return t.atZoneSameInstant(BusinessClock.ZONE).toLocalDateTime().format(NOTICE_TIME);
    }

    private Shutdown with(Shutdown s, int days, ShutdownStatus status, OffsetDateTime decidedAt, String comment,
            OffsetDateTime startedAt, OffsetDateTime endsAt, OffsetDateTime endedAt, String endCause, int moreRenewals) {
        String decider = status == s.status() && decidedAt == s.decidedAt() ? s.decidedBy()
                : CurrentUser.find().map(CurrentUser::id).orElse(s.decidedBy());
        return new Shutdown(s.id(), s.enterpriseId(), s.enterpriseName(), s.regionCode(), s.sector(), s.reason(), days,
                status, s.requestedBy(), s.requestedAt(), decider, decidedAt, comment, startedAt, endsAt, endedAt,
                endCause, s.renewals() + moreRenewals, s.version() + 1, s.incidentId(), s.consentRound(), s.consents(),
                s.deciders());
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
        m.put("consents", s.consents().stream()
                .map(c -> c.round() + ":" + c.side() + ":" + c.decision() + (c.round() > 0 ? ":" + c.days() : "")).toList());
        return m;
    }
}
