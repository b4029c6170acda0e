package org.sibao.appeal.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sibao.appeal.AppealCategory;
import org.sibao.appeal.AppealStatus;
import org.sibao.appeal.AppealStatusChanged;
import org.sibao.appeal.Satisfaction;
import org.sibao.appeal.Urgency;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.identity.UserDirectory;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.Validation;
import org.sibao.platform.Words;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Department;
import org.sibao.region.Region;
import org.sibao.region.RegionLevel;
import org.sibao.region.RegionService;
import org.sibao.region.TaskForce;
import org.sibao.subject.SubjectRef;
import org.sibao.subject.Subjects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appeal state machine (SPEC §5). Every transition checks, in this order: the appeal is in the caller's scope
 * (else 404), the caller's role may take the action on it (else 403), the state allows it (else 409), the input
 * (else 400); then it stores the new state, a history entry, an audit record, and publishes
 * {@link AppealStatusChanged}, all in one transaction.
 */
@Service
class AppealService {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_DUE_DAYS = 30;

    private final AppealRepository repository;
    private final Subjects subjects;
    private final RegionService regions;
    private final WorkingCalendar calendar;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final Notifications notifications;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;

    AppealService(AppealRepository repository, Subjects subjects, RegionService regions, WorkingCalendar calendar,
            BusinessClock clock, AuditLog audit, Notifications notifications, UserDirectory users,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.subjects = subjects;
        this.regions = regions;
        this.calendar = calendar;
        this.clock = clock;
        this.audit = audit;
        this.notifications = notifications;
        this.users = users;
        this.events = events;
    }

    static SqlFilter scopeOf(CurrentUser user) {
        SqlFilter subjects = user.scope().subjects("a.region_code", "a.sector", "a.enterprise_id");
        if (user.role() == Role.SECTOR_OFFICER && user.department() != null) {
            // a sector's department also handles problems of other sectors' enterprises assigned to it
            return subjects.or(new SqlFilter("a.department_code = ? AND a.assigned_region_code = ?",
                    List.of(user.department(), user.regionCode())));
        }
        return subjects;
    }

    /** An appeal in the caller's scope, or 404. */
    AppealRow get(String id) {
        return repository.find(id, scopeOf(CurrentUser.get())).orElseThrow(() -> ApiException.notFound("appeal", id));
    }

    @Transactional
    AppealRow file(AppealInputs.FileAppeal in) {
        CurrentUser user = CurrentUser.get();
        if (!AppealAccess.mayFile(user)) {
            throw ApiException.forbidden("appeal.error.mayNotFile");
        }
        Validation v = new Validation();
        SubjectRef subject = null;
        if (v.required(in.enterpriseId(), "enterpriseId")) {
            // an id, or the web picker's "名称 · USCC" (a USCC or an exact name resolve the same way)
            String id = subjects.resolve(in.enterpriseId(), user.scope()).orElse(in.enterpriseId().trim());
            subject = subjects.ref(id).orElse(null);
            if (subject == null && subjects.find(in.enterpriseId().trim(), org.sibao.identity.DataScope.system()).isPresent()) {
                // a subject that exists but is not the filer's to act for: an action it may not do (API.md: 403)
                throw ApiException.forbidden("appeal.error.notYourEnterprise");
            }
            v.check(subject != null, "enterpriseId", "appeal.validation.unknownEnterprise");
        }
        AppealCategory category = parse(AppealCategory.class, in.category(), "category", v, true);
        Urgency urgency = in.urgency() == null || in.urgency().isBlank() ? Urgency.NORMAL
                : parse(Urgency.class, in.urgency(), "urgency", v, true);
        if (v.required(in.title(), "title")) {
            v.maxLength(in.title().trim(), MAX_TITLE, "title");
        }
        if (v.required(in.description(), "description")) {
            v.maxLength(in.description().trim(), MAX_TEXT, "description");
        }
        v.throwIfInvalid();
        Instant now = clock.now();
        OffsetDateTime at = now.atZone(BusinessClock.ZONE).toOffsetDateTime();
        boolean major = Boolean.TRUE.equals(in.major());
        OffsetDateTime responseDue = calendar.responseDue(now, urgency);
        AppealRow row = new AppealRow(Ids.newId(), subject.id(), subject.name(), subject.regionCode(),
                subject.sector().name(), category, in.title().trim(), in.description().trim(), urgency, major,
                AppealStatus.SUBMITTED, user.username(), user.role().name(), at, staffedHq(subject.regionCode()),
                null, null, null, null, calendar.assignDue(now, urgency, responseDue), responseDue,
                calendar.resolutionDue(now, null, major), null, null, null, null, null, 0, 0, 0);
        repository.insert(row);
        repository.addHistory(row.id(), AppealRepository.HistoryEntry.submitted(row));
        audit.record("appeal.file", "appeal", row.id(), row.regionCode(), null, snapshot(row));
        events.publishEvent(new AppealStatusChanged(row.id(), row.regionCode(), null, AppealStatus.SUBMITTED));
        notifications.send(Notice.of("APPEAL", "appeal.notice.filed", link(row), row.enterpriseName(), row.title()),
                Recipients.roleAt(Role.HQ_OFFICER, row.handlerRegionCode()));
        return row;
    }

    @Transactional
    AppealRow triage(String id, AppealInputs.Triage in) {
        CurrentUser user = CurrentUser.get();
        AppealRow a = get(id);
        if (!AppealAccess.isTriageHq(user, a)) {
            throw ApiException.forbidden("appeal.error.notTriageHq");
        }
        if (!awaitsTriage(a)) {
            throw illegal(a, "TRIAGE");
        }
        Validation v = new Validation();
        String kind = in.kind() == null ? "" : in.kind().trim().toUpperCase(Locale.ROOT);
        v.check(kind.equals("INDIVIDUAL") || kind.equals("COMMON"), "kind", "appeal.validation.kind");
        v.throwIfInvalid();
        OffsetDateTime now = clock.nowOffset();
        if (kind.equals("INDIVIDUAL")) {
            return assign(user, a, in, v, now);
        }
        return merge(user, a, in, v, now);
    }

    private AppealRow assign(CurrentUser user, AppealRow a, AppealInputs.Triage in, Validation v, OffsetDateTime now) {
        Department department = null;
        if (v.required(in.departmentCode(), "departmentCode")) {
            department = Department.parse(in.departmentCode()).orElse(null);
            v.check(department != null, "departmentCode", "validation.badValue");
        }
        String region = in.regionCode() == null || in.regionCode().isBlank() ? a.handlerRegionCode() : in.regionCode().trim();
        v.check(regions.find(region).isPresent() && regions.isWithin(region, a.handlerRegionCode()), "regionCode",
                "appeal.validation.regionOutsideHq");
        if (in.dueDays() != null) {
            v.check(in.dueDays() >= 1 && in.dueDays() <= MAX_DUE_DAYS, "dueDays", "appeal.validation.dueDays", MAX_DUE_DAYS);
        }
        v.throwIfInvalid();
        region = staffedDepartment(region, department.name());
        boolean major = a.major() || Boolean.TRUE.equals(in.major()) || (in.dueDays() != null && in.dueDays() > 7);
        AppealRow triaged = a.change().status(AppealStatus.TRIAGED).done();
        record(a, triaged, user, now, in.note(), false);
        OffsetDateTime resolutionDue = calendar.resolutionDue(now.toInstant(), in.dueDays(), major);
        // a short dueDays pulls the response deadline in: nobody is asked to answer after the problem is due solved
        OffsetDateTime responseDue = a.responseDueAt() != null && a.responseDueAt().isAfter(resolutionDue)
                ? resolutionDue : a.responseDueAt();
        AppealRow assigned = triaged.change().status(AppealStatus.ASSIGNED).departmentCode(department.name())
                .assignedRegionCode(region).dueDays(in.dueDays()).major(major).assignedAt(now).acceptedAt(null)
                .responseDueAt(responseDue).resolutionDueAt(resolutionDue).done();
        AppealRow saved = save(a, assigned, user, now, department.name() + "@" + region, triaged.status());
        notifications.send(Notice.of("APPEAL", "appeal.notice.assigned", link(saved), saved.enterpriseName(), saved.title()),
                Recipients.users(users.departmentUserIds(region, department.name())));
        return saved;
    }

    private AppealRow merge(CurrentUser user, AppealRow a, AppealInputs.Triage in, Validation v, OffsetDateTime now) {
        AppealRepository.Cluster cluster = null;
        if (in.clusterId() != null && !in.clusterId().isBlank()) {
            cluster = repository.cluster(in.clusterId().trim()).orElse(null);
            v.check(cluster != null && cluster.regionCode().equals(a.handlerRegionCode()), "clusterId",
                    "appeal.validation.unknownCluster");
            v.throwIfInvalid();
            if (!"OPEN".equals(cluster.status())) {
                throw ApiException.conflict("appeal.error.clusterResolved");
            }
        } else {
            TaskForce taskForce = in.taskForce() == null || in.taskForce().isBlank() ? taskForceFor(a.category())
                    : parse(TaskForce.class, in.taskForce(), "taskForce", v, true);
            if (v.required(in.clusterTitle(), "clusterTitle")) {
                v.maxLength(in.clusterTitle().trim(), MAX_TITLE, "clusterTitle");
            }
            v.throwIfInvalid();
            cluster = new AppealRepository.Cluster(Ids.newId(), a.handlerRegionCode(), a.category(),
                    in.clusterTitle().trim(), taskForce.name(), "OPEN", null, user.username(), now, null, null);
            repository.insertCluster(cluster);
            audit.record("appeal.cluster.create", "appeal_cluster", cluster.id(), cluster.regionCode(), null, cluster);
        }
        AppealRow triaged = a.change().status(AppealStatus.TRIAGED).done();
        record(a, triaged, user, now, in.note(), false);
        // the cluster's task force answers for a merged appeal within the ordinary resolution deadline
        AppealRow merged = triaged.change().status(AppealStatus.MERGED).clusterId(cluster.id()).departmentCode(null)
                .assignedRegionCode(null).resolutionDueAt(calendar.resolutionDue(now.toInstant(), null, a.major()))
                .done();
        return save(a, merged, user, now, cluster.title(), triaged.status());
    }

    /** The task force that handles a common issue of a category (综合协调 unless a sector task force fits). */
    static TaskForce taskForceFor(AppealCategory category) {
        switch (category) {
            case LOGISTICS:
                return TaskForce.TRANSPORT;
            case EPIDEMIC:
                return TaskForce.EPIDEMIC;
            case RAW_MATERIALS:
            case ENERGY:
            case LABOR:
                return TaskForce.INDUSTRY;
            case MARKET:
                return TaskForce.COMMERCE;
            default:
                return TaskForce.COORDINATION;
        }
    }

    @Transactional
    AppealRow accept(String id, AppealInputs.Note in) {
        CurrentUser user = CurrentUser.get();
        AppealRow a = get(id);
        requireHandler(user, a, "ACCEPT");
        // a reopened appeal is back with its department, which may take it up again before resolving it anew
        if (a.status() != AppealStatus.ASSIGNED && a.status() != AppealStatus.REOPENED) {
            throw illegal(a, "ACCEPT");
        }
        OffsetDateTime now = clock.nowOffset();
        // the first acceptance is the response that counts for the response deadline
        OffsetDateTime acceptedAt = a.acceptedAt() != null ? a.acceptedAt() : now;
        return save(a, a.change().status(AppealStatus.ACCEPTED).acceptedAt(acceptedAt).done(), user, now, note(in),
                a.status());
    }

    @Transactional
    AppealRow resolve(String id, AppealInputs.Note in) {
        CurrentUser user = CurrentUser.get();
        AppealRow a = get(id);
        requireHandler(user, a, "RESOLVE");
        if (a.status() != AppealStatus.ACCEPTED && a.status() != AppealStatus.REOPENED) {
            throw illegal(a, "RESOLVE");
        }
        String result = requiredText(in == null ? null : in.result(), "result");
        OffsetDateTime now = clock.nowOffset();
        AppealRow saved = save(a, a.change().status(AppealStatus.RESOLVED).resolvedAt(now).result(result).done(), user,
                now, result, a.status());
        notifications.send(Notice.of("APPEAL", "appeal.notice.resolved", link(saved), saved.title()),
                Recipients.enterprise(saved.enterpriseId()));
        return saved;
    }

    @Transactional
    AppealRow escalate(String id, AppealInputs.Note in) {
        CurrentUser user = CurrentUser.get();
        AppealRow a = get(id);
        boolean handler = AppealAccess.isHandler(user, a);
        boolean hq = AppealAccess.isTriageHq(user, a);
        if (!handler && !hq) {
            throw ApiException.forbidden("appeal.error.mayNotEscalate");
        }
        Set<AppealStatus> from = Set.of(AppealStatus.SUBMITTED, AppealStatus.ESCALATED, AppealStatus.ASSIGNED,
                AppealStatus.ACCEPTED, AppealStatus.REOPENED);
        if (!from.contains(a.status())) {
            throw illegal(a, "ESCALATE");
        }
        String reason = requiredText(in == null ? null : in.reason(), "reason");
        Region up = higherHq(a.handlerRegionCode());
        if (up == null) {
            throw ApiException.conflict("appeal.error.topLevel");
        }
        // an HQ office above with nobody on the platform cannot take it: it goes on up to one that can
        up = regions.get(staffedHq(up.code()));
        Instant now = clock.now();
        OffsetDateTime at = now.atZone(BusinessClock.ZONE).toOffsetDateTime();
        OffsetDateTime responseDue = calendar.responseDue(now, a.urgency());
        AppealRow escalated = a.change().status(AppealStatus.ESCALATED).handlerRegionCode(up.code())
                .departmentCode(null).assignedRegionCode(null).acceptedAt(null).assignedAt(null)
                .escalationCount(a.escalationCount() + 1)
                .assignDueAt(calendar.assignDue(now, a.urgency(), responseDue))
                .responseDueAt(responseDue)
                .resolutionDueAt(calendar.resolutionDue(now, null, a.major())).done();
        AppealRow saved = save(a, escalated, user, at, reason, a.status());
        notifications.send(Notice.of("APPEAL", "appeal.notice.escalated", link(saved), saved.enterpriseName(), saved.title()),
                Recipients.roleAt(Role.HQ_OFFICER, up.code()));
        return saved;
    }

    /**
     * The HQ office that takes a new or escalated appeal: the office of {@code regionCode}, or where that office has
     * no HQ officer on the platform, the nearest one above that has (county → city → province); the region's own
     * when nobody has.
     */
    String staffedHq(String regionCode) {
        return regions.nearestUpwards(regionCode, this::hasHqOfficers);
    }

    /**
     * Where an assignment lands: the department at the region the HQ named, or where that department has nobody on
     * the platform there, at the nearest region above that has (a county's 人社局 without users → the city's), so
     * that someone can accept it; the region named when nobody has.
     */
    String staffedDepartment(String regionCode, String department) {
        return regions.nearestUpwards(regionCode, code -> !users.departmentUserIds(code, department).isEmpty());
    }

    private boolean hasHqOfficers(String regionCode) {
        return !users.userIds(Role.HQ_OFFICER, regionCode, null).isEmpty();
    }

    /** The nearest ancestor acting at a higher level (county → city → province), or null at the province. */
    Region higherHq(String regionCode) {
        RegionLevel level = regions.actingLevel(regionCode);
        List<Region> path = regions.path(regionCode);
        for (int i = path.size() - 2; i >= 0; i--) {
            Region r = path.get(i);
            if (regions.actingLevel(r.code()).ordinal() < level.ordinal()) {
                return r;
            }
        }
        return null;
    }

    @Transactional
    AppealRow reject(String id, AppealInputs.Note in) {
        CurrentUser user = CurrentUser.get();
        AppealRow a = get(id);
        boolean hq = AppealAccess.isTriageHq(user, a);
        boolean handler = AppealAccess.isHandler(user, a);
        if (!hq && !handler) {
            throw ApiException.forbidden("appeal.error.mayNotReject");
        }
        boolean allowed = (hq && awaitsTriage(a)) || (handler && (a.status() == AppealStatus.ASSIGNED
                || a.status() == AppealStatus.ACCEPTED || a.status() == AppealStatus.REOPENED));
        if (!allowed) {
            throw illegal(a, "REJECT");
        }
        String reason = requiredText(in == null ? null : in.reason(), "reason");
        OffsetDateTime now = clock.nowOffset();
        AppealRow saved = save(a, a.change().status(AppealStatus.REJECTED).result(reason).closedAt(now).done(), user,
                now, reason, a.status());
        notifications.send(Notice.of("APPEAL", "appeal.notice.rejected", link(saved), saved.title()),
                Recipients.enterprise(saved.enterpriseId()));
        return saved;
    }

    @Transactional
    AppealRow withdraw(String id, AppealInputs.Note in) {
        CurrentUser user = CurrentUser.get();
        AppealRow a = get(id);
        if (!AppealAccess.isFiler(user, a)) {
            throw ApiException.forbidden("appeal.error.notFiler");
        }
        if (!AppealStatus.WITHDRAWABLE.contains(a.status())) {
            throw illegal(a, "WITHDRAW");
        }
        OffsetDateTime now = clock.nowOffset();
        return save(a, a.change().status(AppealStatus.WITHDRAWN).closedAt(now).done(), user, now, note(in), a.status());
    }

    @Transactional
    AppealRow feedback(String id, AppealInputs.Feedback in) {
        CurrentUser user = CurrentUser.get();
        AppealRow a = get(id);
        if (!AppealAccess.mayGiveFeedback(user, a)) {
            throw ApiException.forbidden("appeal.error.mayNotFeedback");
        }
        if (a.status() != AppealStatus.RESOLVED) {
            throw illegal(a, "FEEDBACK");
        }
        Validation v = new Validation();
        v.check(in.solved() != null, "solved", "validation.required");
        Satisfaction satisfaction = parse(Satisfaction.class, in.satisfaction(), "satisfaction", v, true);
        v.maxLength(in.comment(), 2000, "comment");
        String channel = AppealAccess.isSupervisor(user) ? "PHONE" : "ONLINE";
        if (in.channel() != null && !in.channel().isBlank()) {
            channel = in.channel().trim().toUpperCase(Locale.ROOT);
            v.check(channel.equals("PHONE") || channel.equals("ONLINE") || channel.equals("VISIT"), "channel",
                    "validation.badValue");
        }
        v.throwIfInvalid();
        OffsetDateTime now = clock.nowOffset();
        repository.addCallback(a.id(), new AppealRepository.Callback(Ids.newId(), now, user.username(), channel,
                in.solved(), satisfaction, in.comment()));
        String note = satisfaction.name() + (in.comment() == null || in.comment().isBlank() ? "" : ": " + in.comment().trim());
        if (satisfaction == Satisfaction.UNSATISFIED) {
            Instant start = now.toInstant();
            AppealRow reopened = a.change().status(AppealStatus.REOPENED).reopenCount(a.reopenCount() + 1)
                    .resolvedAt(null).assignDueAt(a.departmentCode() == null
                            ? calendar.assignDue(start, a.urgency(), a.responseDueAt()) : a.assignDueAt())
                    .resolutionDueAt(calendar.resolutionDue(start, a.dueDays(), a.major())).done();
            AppealRow saved = save(a, reopened, user, now, note, a.status());
            if (saved.departmentCode() != null) {
                notifications.send(Notice.of("APPEAL", "appeal.notice.reopened", link(saved), saved.title()),
                        Recipients.users(users.departmentUserIds(saved.assignedRegionCode(), saved.departmentCode())));
            } else {
                notifications.send(Notice.of("APPEAL", "appeal.notice.reopened", link(saved), saved.title()),
                        Recipients.roleAt(Role.HQ_OFFICER, saved.handlerRegionCode()));
            }
            return saved;
        }
        return save(a, a.change().status(AppealStatus.CONFIRMED).done(), user, now, note, a.status());
    }

    @Transactional
    AppealRow close(String id, AppealInputs.Note in) {
        CurrentUser user = CurrentUser.get();
        AppealRow a = get(id);
        if (!AppealAccess.isSupervisor(user)) {
            throw ApiException.forbidden("appeal.error.notSupervisor");
        }
        if (a.status() != AppealStatus.CONFIRMED) {
            throw illegal(a, "CLOSE");
        }
        OffsetDateTime now = clock.nowOffset();
        return save(a, a.change().status(AppealStatus.CLOSED).closedAt(now).done(), user, now, note(in), a.status());
    }

    List<AppealRepository.Cluster> openClusters(String regionCode) {
        return repository.openClusters(regionCode);
    }

    AppealRepository.Cluster cluster(String id) {
        CurrentUser user = CurrentUser.get();
        AppealRepository.Cluster c = repository.cluster(id).orElse(null);
        if (c == null || user.scope().regionPrefix() == null || !regions.isWithin(c.regionCode(), user.regionCode())
                && !regions.isWithin(user.regionCode(), c.regionCode())) {
            throw ApiException.notFound("appealCluster", id);
        }
        return c;
    }

    /** Resolves a common-issue cluster with one policy answer: every appeal merged into it becomes RESOLVED. */
    @Transactional
    AppealRepository.Cluster resolveCluster(String id, AppealInputs.Note in) {
        CurrentUser user = CurrentUser.get();
        AppealRepository.Cluster c = cluster(id);
        if (user.role() != Role.HQ_OFFICER || !user.regionCode().equals(c.regionCode())) {
            throw ApiException.forbidden("appeal.error.notClusterHq");
        }
        if (!"OPEN".equals(c.status())) {
            throw ApiException.conflict("appeal.error.clusterResolved");
        }
        String result = requiredText(in == null ? null : in.result(), "result");
        OffsetDateTime now = clock.nowOffset();
        if (!repository.resolveCluster(c.id(), result, user.username(), now)) {
            // a concurrent resolve got there first (the UPDATE is conditional on OPEN): the appeals are its to move
            throw ApiException.conflict("appeal.error.clusterResolved");
        }
        List<AppealRow> merged = repository.inCluster(c.id()).stream().filter(a -> a.status() == AppealStatus.MERGED).toList();
        for (AppealRow a : merged) {
            AppealRow saved = save(a, a.change().status(AppealStatus.RESOLVED).resolvedAt(now).result(result).done(),
                    user, now, result, a.status());
            notifications.send(Notice.of("APPEAL", "appeal.notice.resolved", link(saved), saved.title()),
                    Recipients.enterprise(saved.enterpriseId()));
        }
        AppealRepository.Cluster after = repository.cluster(c.id()).orElseThrow();
        audit.record("appeal.cluster.resolve", "appeal_cluster", c.id(), c.regionCode(), c, after);
        return after;
    }

    /** Stores a transition: the state, a history entry, an audit record and the event. */
    private AppealRow save(AppealRow before, AppealRow after, CurrentUser user, OffsetDateTime at, String note,
            AppealStatus historyFrom) {
        return record(before, after, user, at, note, true, historyFrom);
    }

    private AppealRow record(AppealRow before, AppealRow after, CurrentUser user, OffsetDateTime at, String note,
            boolean store) {
        return record(before, after, user, at, note, store, before.status());
    }

    private AppealRow record(AppealRow before, AppealRow after, CurrentUser user, OffsetDateTime at, String note,
            boolean store, AppealStatus historyFrom) {
        repository.addHistory(after.id(), after.status().name(), user.username(), at, note, historyFrom, after.status(),
                after.handlerRegionCode());
        if (!store) {
            return after;
        }
        if (!repository.update(after)) {
            throw ApiException.conflict("appeal.error.concurrent");
        }
        audit.record("appeal." + after.status().name().toLowerCase(Locale.ROOT), "appeal", after.id(),
                after.regionCode(), snapshot(before), snapshot(after));
        events.publishEvent(new AppealStatusChanged(after.id(), after.regionCode(), before.status(), after.status()));
        return repository.find(after.id(), SqlFilter.NONE).orElseThrow();
    }

    private static boolean awaitsTriage(AppealRow a) {
        return a.status() == AppealStatus.SUBMITTED || a.status() == AppealStatus.ESCALATED
                || (a.status() == AppealStatus.REOPENED && a.departmentCode() == null);
    }

    /**
     * Only the department the appeal was assigned to may handle it (else 403); before any department has it (not
     * yet triaged, or sent back up), a department's action is refused by the appeal's state (409).
     */
    private static void requireHandler(CurrentUser user, AppealRow a, String action) {
        if (user.role() == Role.DEPT_HANDLER && a.departmentCode() == null) {
            throw illegal(a, action);
        }
        if (!AppealAccess.isHandler(user, a)) {
            throw ApiException.forbidden("appeal.error.notHandler");
        }
    }

    /** 409: the appeal's state does not allow the action; both named in words (已提交, 签收 …). */
    static ApiException illegal(AppealRow a, String action) {
        return ApiException.conflict("appeal.error.illegalTransition", Words.of("appeal.verb." + action, action),
                a.status());
    }

    private static String note(AppealInputs.Note in) {
        if (in == null || in.note() == null || in.note().isBlank()) {
            return null;
        }
        String n = in.note().trim();
        if (n.length() > MAX_TEXT) {
            throw ApiException.invalid("note", "validation.maxLength", MAX_TEXT);
        }
        return n;
    }

    private static String requiredText(String value, String field) {
        Validation v = new Validation();
        if (v.required(value, field)) {
            v.maxLength(value.trim(), MAX_TEXT, field);
        }
        v.throwIfInvalid();
        return value.trim();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Validation v, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.reject(field, "validation.badValue");
            return null;
        }
    }

    private static Map<String, Object> snapshot(AppealRow a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status().name());
        m.put("handlerRegionCode", a.handlerRegionCode());
        m.put("departmentCode", a.departmentCode());
        m.put("assignedRegionCode", a.assignedRegionCode());
        m.put("clusterId", a.clusterId());
        m.put("result", a.result());
        return m;
    }

    static String link(AppealRow a) {
        return "/appeals/" + a.id();
    }
}
