package org.sibao.tasking.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.identity.UserDirectory;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.Words;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Department;
import org.sibao.region.RegionService;
import org.sibao.region.TaskForce;
import org.sibao.tasking.TaskOverdue;
import org.sibao.tasking.internal.TaskRepository.AssignmentRow;
import org.sibao.tasking.internal.TaskRepository.TaskRow;
import org.sibao.tasking.internal.TaskTypes.AssigneeInput;
import org.sibao.tasking.internal.TaskTypes.AssigneeKind;
import org.sibao.tasking.internal.TaskTypes.Assignment;
import org.sibao.tasking.internal.TaskTypes.DecisionInput;
import org.sibao.tasking.internal.TaskTypes.EventKind;
import org.sibao.tasking.internal.TaskTypes.NewTask;
import org.sibao.tasking.internal.TaskTypes.Priority;
import org.sibao.tasking.internal.TaskTypes.ProgressInput;
import org.sibao.tasking.internal.TaskTypes.Status;
import org.sibao.tasking.internal.TaskTypes.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HQ tasks (工作交办, SPEC §6): the HQ office assigns, assignees report progress and complete, the assigning HQ
 * accepts or returns. Overdue is computed on the business clock at every read; a scheduled sweep sends the overdue
 * notice once per task.
 */
@Service
@Transactional
class TaskService {

    static final String TASK = "task";
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_NOTE = 1000;
    static final int MAX_ASSIGNEES = 50;

    private final TaskRepository repository;
    private final RegionService regions;
    private final UserDirectory users;
    private final Notifications notifications;
    private final AuditLog audit;
    private final BusinessClock clock;
    private final Messages messages;
    private final ApplicationEventPublisher events;

    TaskService(TaskRepository repository, RegionService regions, UserDirectory users, Notifications notifications,
            AuditLog audit, BusinessClock clock, Messages messages, ApplicationEventPublisher events) {
        this.repository = repository;
        this.regions = regions;
        this.users = users;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
        this.events = events;
    }

    // --- who sees and who acts

    /** Tasks a user may read: department handlers their department's; other officials their region's and below. */
    static SqlFilter scope(CurrentUser u) {
        if (u.role() == Role.DEPT_HANDLER) {
            return handledBy(u);
        }
        DataScope s = u.scope();
        if (!u.role().isOfficial() || s.regionPrefix() == null) {
            return new SqlFilter("1=0", List.of());
        }
        SqlFilter own = s.regions("t.region_code");
        SqlFilter assigned = s.regions("a.region_code");
        List<Object> params = new ArrayList<>(own.params());
        params.addAll(assigned.params());
        return new SqlFilter("(" + own.sql() + " OR EXISTS (SELECT 1 FROM task_assignment a WHERE a.task_id = t.id AND "
                + assigned.sql() + "))", params);
    }

    /** Tasks with an assignment the user handles (任务 "交办给我"). */
    static SqlFilter handledBy(CurrentUser u) {
        SqlFilter mine = null;
        if (u.department() != null) {
            mine = new SqlFilter("EXISTS (SELECT 1 FROM task_assignment a WHERE a.task_id = t.id"
                    + " AND a.assignee_kind = 'DEPARTMENT' AND a.assignee_code = ? AND a.region_code = ?)",
                    List.of(u.department(), u.regionCode()));
        }
        if (u.role() == Role.HQ_OFFICER) {
            mine = new SqlFilter("EXISTS (SELECT 1 FROM task_assignment a WHERE a.task_id = t.id"
                    + " AND a.assignee_kind IN ('TASK_FORCE', 'REGION') AND a.region_code = ?)", List.of(u.regionCode()));
        }
        TaskForce led = taskForceLedBy(u);
        if (led != null) {
            SqlFilter force = new SqlFilter("EXISTS (SELECT 1 FROM task_assignment a WHERE a.task_id = t.id"
                    + " AND a.assignee_kind = 'TASK_FORCE' AND a.assignee_code = ? AND a.region_code = ?)",
                    List.of(led.name(), u.regionCode()));
            mine = mine == null ? force : mine.or(force);
        }
        return mine == null ? new SqlFilter("1=0", List.of()) : mine;
    }

    /**
     * Task forces and lower regions are handled by the HQ office of their region, a task force also by the
     * officials it is formed of (see {@link #taskForceLedBy}); departments by their handlers.
     */
    static boolean handles(CurrentUser u, Assignment a) {
        if (a.kind() == AssigneeKind.DEPARTMENT) {
            return u.handlesDepartment(a.code(), a.regionCode());
        }
        if (!a.regionCode().equals(u.regionCode())) {
            return false;
        }
        if (u.role() == Role.HQ_OFFICER) {
            return true;
        }
        TaskForce led = taskForceLedBy(u);
        return a.kind() == AssigneeKind.TASK_FORCE && led != null && led.name().equals(a.code());
    }

    /**
     * The HQ task force (专班) a user's office forms (seed 001: 工业生产专班 at 工信局 …): a sector's officers its
     * sector's task force, epidemic officers 防疫保障组, supervisors 督办督查组; 综合协调 is the HQ office's own.
     */
    static TaskForce taskForceLedBy(CurrentUser u) {
        return switch (u.role()) {
            case SECTOR_OFFICER -> u.sector() == null ? null : TaskForce.valueOf(u.sector().name());
            case EPIDEMIC_OFFICER -> TaskForce.EPIDEMIC;
            case SUPERVISOR -> TaskForce.SUPERVISION;
            default -> null;
        };
    }

    static boolean canAssign(CurrentUser u) {
        return u.role() == Role.HQ_OFFICER;
    }

    static boolean canDecide(CurrentUser u, Task t) {
        return u.role() == Role.HQ_OFFICER && u.regionCode().equals(t.regionCode());
    }

    // --- reads

    @Transactional(readOnly = true)
    Task get(String id) {
        CurrentUser u = CurrentUser.get();
        TaskRow row = repository.find(id, scope(u)).orElseThrow(() -> ApiException.notFound(TASK, id));
        return assemble(List.of(row), true).get(0);
    }

    @Transactional(readOnly = true)
    PageResult<Task> list(String status, Boolean overdue, Boolean assignedToMe, PageQuery page) {
        CurrentUser u = CurrentUser.get();
        if (!u.role().isOfficial()) {
            throw ApiException.forbidden("error.forbidden");
        }
        SqlFilter where = scope(u);
        if (status != null && !status.isBlank()) {
            Status s = parse(Status.class, status, "status");
            where = where.and(new SqlFilter("t.status = ?", List.of(s.name())));
        }
        if (overdue != null) {
            SqlFilter late = new SqlFilter("t.status IN " + TaskRepository.OPEN_STATES + " AND t.deadline < ?",
                    List.of(clock.nowOffset()));
            where = where.and(overdue ? late : new SqlFilter("NOT (" + late.sql() + ")", late.params()));
        }
        if (Boolean.TRUE.equals(assignedToMe)) {
            where = where.and(handledBy(u));
        }
        long total = repository.count(where);
        return page.result(assemble(repository.list(where, page), false), total);
    }

    /** Counts for the home page: open tasks the user handles, and how many of them are overdue. */
    @Transactional(readOnly = true)
    long[] myOpenAndOverdue(CurrentUser u) {
        SqlFilter mine = handledBy(u).and(new SqlFilter("t.status IN " + TaskRepository.OPEN_STATES, List.of()));
        long open = repository.count(mine);
        long late = repository.count(mine.and(new SqlFilter("t.deadline < ?", List.of(clock.nowOffset()))));
        return new long[] {open, late};
    }

    /** Every task of a region and under it (assigned by its HQ or to a unit in it), for reports. */
    @Transactional(readOnly = true)
    List<Task> forRegion(String regionCode, SqlFilter extra) {
        DataScope s = new DataScope(Role.HQ_OFFICER, org.sibao.region.Region.prefixOf(regionCode), null, null, null);
        SqlFilter where = new SqlFilter("(" + s.regions("t.region_code").sql() + " OR EXISTS (SELECT 1 FROM task_assignment a"
                + " WHERE a.task_id = t.id AND " + s.regions("a.region_code").sql() + "))",
                List.of(s.regionPrefix() + "%", s.regionPrefix() + "%")).and(extra);
        return assemble(repository.all(where), false);
    }

    // --- changes

    Task create(NewTask in) {
        CurrentUser u = CurrentUser.get();
        if (!canAssign(u)) {
            throw ApiException.forbidden("error.forbidden");
        }
        Validation v = new Validation();
        if (v.required(in.title(), "title")) {
            v.maxLength(in.title().trim(), MAX_TITLE, "title");
        }
        if (v.required(in.description(), "description")) {
            v.maxLength(in.description().trim(), MAX_DESCRIPTION, "description");
        }
        OffsetDateTime deadline = null;
        if (v.required(in.deadline(), "deadline")) {
            deadline = parseDeadline(in.deadline().trim());
            if (deadline == null) {
                v.reject("deadline", "tasking.deadline.format");
            } else {
                v.check(deadline.isAfter(clock.nowOffset()), "deadline", "tasking.deadline.past");
            }
        }
        Priority priority = Priority.NORMAL;
        if (in.priority() != null && !in.priority().isBlank()) {
            priority = parseOr(Priority.class, in.priority(), null);
            v.check(priority != null, "priority", "tasking.priority.unknown", in.priority());
        }
        List<AssignmentRow> assignments = new ArrayList<>();
        String taskId = Ids.newId();
        if (in.assignees() == null || in.assignees().isEmpty()) {
            v.reject("assignees", "validation.required");
        } else if (v.check(in.assignees().size() <= MAX_ASSIGNEES, "assignees", "tasking.assignees.tooMany", MAX_ASSIGNEES)) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < in.assignees().size(); i++) {
                AssignmentRow a = assignee(taskId, in.assignees().get(i), u, v.nested("assignees[" + i + "]"));
                if (a != null) {
                    String key = a.kind() + "/" + a.code() + "/" + a.regionCode();
                    if (seen.add(key)) {
                        assignments.add(a);
                    } else {
                        v.reject("assignees[" + i + "]", "tasking.assignees.duplicate");
                    }
                }
            }
        }
        v.throwIfInvalid();
        OffsetDateTime now = clock.nowOffset();
        TaskRow row = new TaskRow(taskId, u.regionCode(), in.title().trim(), in.description().trim(), deadline, priority,
                Status.ASSIGNED, u.id(), u.displayName(), now, now, null, 0);
        repository.insert(row);
        for (AssignmentRow a : assignments) {
            repository.insert(a);
            repository.insertEvent(taskId, a.id(), EventKind.ASSIGN, 0, null, u.id(), u.displayName(), now);
        }
        Task created = assemble(List.of(row), true).get(0);
        audit.record("tasking.task.create", TASK, taskId, row.regionCode(), null, auditView(created));
        for (Assignment a : created.assignments()) {
            notifyAssignee(a, Notice.of("TASK", "tasking.notice.assigned", link(taskId), row.title(),
                    deadline.toLocalDate().toString()));
        }
        return created;
    }

    Task progress(String id, ProgressInput in) {
        CurrentUser u = CurrentUser.get();
        Task before = get(id);
        ProgressInput body = in == null ? new ProgressInput(null, null, null) : in;
        Assignment a = ownAssignment(u, before, body.assignmentId());
        Validation v = new Validation();
        if (v.required(body.percent(), "percent")) {
            v.check(body.percent() >= 0 && body.percent() <= 100, "percent", "tasking.percent.range");
        }
        if (v.required(body.note(), "note")) {
            v.maxLength(body.note().trim(), MAX_NOTE, "note");
        }
        v.throwIfInvalid();
        requireState(a, Status.OPEN, "tasking.transition.notOpen");
        return change(before, a, Status.IN_PROGRESS, body.percent(), EventKind.PROGRESS, body.note().trim(), u);
    }

    Task complete(String id, ProgressInput in) {
        CurrentUser u = CurrentUser.get();
        Task before = get(id);
        ProgressInput body = in == null ? new ProgressInput(null, null, null) : in;
        Assignment a = ownAssignment(u, before, body.assignmentId());
        Validation v = new Validation();
        v.maxLength(body.note(), MAX_NOTE, "note");
        v.throwIfInvalid();
        requireState(a, Status.OPEN, "tasking.transition.notOpen");
        Task after = change(before, a, Status.DONE, 100, EventKind.COMPLETE, trimOrNull(body.note()), u);
        notifications.send(Notice.of("TASK", "tasking.notice.done", link(id), after.title(), a.label()),
                Recipients.roleAt(Role.HQ_OFFICER, after.regionCode()));
        return after;
    }

    Task decide(String id, boolean accept, DecisionInput in) {
        CurrentUser u = CurrentUser.get();
        Task before = get(id);
        if (!canDecide(u, before)) {
            throw ApiException.forbidden("error.forbidden");
        }
        DecisionInput body = in == null ? new DecisionInput(null, null) : in;
        Validation v = new Validation();
        if (!accept && v.required(body.comment(), "comment")) {
            v.maxLength(body.comment().trim(), MAX_NOTE, "comment");
        } else {
            v.maxLength(body.comment(), MAX_NOTE, "comment");
        }
        List<Assignment> targets;
        if (body.assignmentId() != null && !body.assignmentId().isBlank()) {
            targets = before.assignments().stream().filter(a -> a.id().equals(body.assignmentId().trim())).toList();
            v.check(!targets.isEmpty(), "assignmentId", "tasking.assignment.unknown");
        } else {
            targets = before.assignments().stream().filter(a -> a.status() == Status.DONE).toList();
        }
        v.throwIfInvalid();
        if (targets.isEmpty()) {
            throw ApiException.conflict("tasking.transition.notDone", label(before.status()));
        }
        for (Assignment a : targets) {
            requireState(a, Set.of(Status.DONE), "tasking.transition.notDone");
        }
        Task after = before;
        for (Assignment a : targets) {
            after = change(after, a, accept ? Status.ACCEPTED : Status.RETURNED, accept ? 100 : a.percent(),
                    accept ? EventKind.ACCEPT : EventKind.RETURN, trimOrNull(body.comment()), u);
            notifyAssignee(a, Notice.of("TASK", accept ? "tasking.notice.accepted" : "tasking.notice.returned",
                    link(id), after.title()));
        }
        return after;
    }

    /** Sends the overdue notice once for every open task past its deadline; returns how many were noticed. */
    int sweepOverdue() {
        OffsetDateTime now = clock.nowOffset();
        int n = 0;
        for (TaskRow row : repository.overdueUnnotified(now, 500)) {
            if (!repository.markOverdueNotified(row.id(), now)) {
                continue;
            }
            Task t = assemble(List.of(row), false).get(0);
            for (Assignment a : t.assignments()) {
                if (a.status().open()) {
                    notifyAssignee(a, Notice.of("TASK", "tasking.notice.overdue", link(t.id()), t.title(),
                            t.deadline().toLocalDate().toString()));
                }
            }
            notifications.send(Notice.of("TASK", "tasking.notice.overdueSupervisor", link(t.id()), t.title(),
                    t.deadline().toLocalDate().toString()), Recipients.roleAt(Role.SUPERVISOR, t.regionCode()));
            audit.record("tasking.task.overdue", TASK, t.id(), t.regionCode(), null, Map.of("deadline", t.deadline().toString()));
            events.publishEvent(new TaskOverdue(t.id(), t.regionCode(), t.title(), t.deadline()));
            n++;
        }
        return n;
    }

    // --- helpers

    private Task change(Task before, Assignment a, Status to, int percent, EventKind kind, String note, CurrentUser u) {
        OffsetDateTime now = clock.nowOffset();
        OffsetDateTime doneAt = to == Status.DONE ? now : (to == Status.RETURNED ? null : a.doneAt());
        OffsetDateTime acceptedAt = to == Status.ACCEPTED ? now : null;
        repository.updateAssignment(new AssignmentRow(a.id(), before.id(), a.kind(), a.code(), a.regionCode(), to,
                percent, doneAt, acceptedAt));
        repository.insertEvent(before.id(), a.id(), kind, kind == EventKind.RETURN ? null : percent, note, u.id(),
                u.displayName(), now);
        List<Status> states = before.assignments().stream().map(x -> x.id().equals(a.id()) ? to : x.status()).toList();
        Status rolled = Status.rollUp(states);
        if (!repository.updateStatus(before.id(), rolled, now, rolled == Status.ACCEPTED ? now : null, before.version())) {
            throw ApiException.conflict("tasking.concurrent");
        }
        Task after = get(before.id());
        audit.record("tasking.task." + kind.name().toLowerCase(Locale.ROOT), TASK, before.id(), before.regionCode(),
                auditView(before), auditView(after));
        return after;
    }

    private Assignment ownAssignment(CurrentUser u, Task t, String assignmentId) {
        List<Assignment> mine = t.assignments().stream().filter(a -> handles(u, a)).toList();
        if (mine.isEmpty()) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (assignmentId != null && !assignmentId.isBlank()) {
            return mine.stream().filter(a -> a.id().equals(assignmentId.trim())).findFirst()
                    .orElseThrow(() -> ApiException.invalid("assignmentId", "tasking.assignment.unknown"));
        }
        List<Assignment> open = mine.stream().filter(a -> a.status().open()).toList();
        if (open.size() > 1) {
            throw ApiException.invalid("assignmentId", "validation.required");
        }
        return open.isEmpty() ? mine.get(0) : open.get(0);
    }

    /** A state as a 409 names it (办理中 …). */
    private static org.springframework.context.MessageSourceResolvable label(Status status) {
        return Words.of("tasking.status." + status.name(), status.name());
    }

    private static void requireState(Assignment a, Set<Status> allowed, String key) {
        if (!allowed.contains(a.status())) {
            throw ApiException.conflict(key, label(a.status()));
        }
    }

    private AssignmentRow assignee(String taskId, AssigneeInput in, CurrentUser hq, Validation v) {
        if (in == null) {
            v.reject("kind", "validation.required");
            return null;
        }
        AssigneeKind kind = null;
        if (v.required(in.kind(), "kind")) {
            kind = parseOr(AssigneeKind.class, in.kind(), null);
            v.check(kind != null, "kind", "tasking.assignee.kind.unknown", in.kind());
        }
        if (kind == null) {
            return null;
        }
        String region = in.regionCode() == null || in.regionCode().isBlank() ? hq.regionCode() : in.regionCode().trim();
        String code = in.code() == null ? null : in.code().trim();
        switch (kind) {
            case TASK_FORCE -> {
                boolean ok = v.required(code, "code") && v.check(parseOr(TaskForce.class, code, null) != null, "code",
                        "tasking.assignee.taskForce.unknown", code);
                ok &= v.check(region.equals(hq.regionCode()), "regionCode", "tasking.assignee.taskForce.region");
                if (!ok) {
                    return null;
                }
            }
            case DEPARTMENT -> {
                boolean ok = v.required(code, "code") && v.check(Department.parse(code).isPresent(), "code",
                        "tasking.assignee.department.unknown", code);
                ok &= v.check(regions.find(region).isPresent() && regions.isWithin(region, hq.regionCode()), "regionCode",
                        "tasking.assignee.region.outside", region);
                if (!ok) {
                    return null;
                }
            }
            default -> {
                code = null;
                if (!v.check(regions.find(region).isPresent() && regions.isWithin(region, hq.regionCode())
                        && !region.equals(hq.regionCode()), "regionCode", "tasking.assignee.region.lower", region)) {
                    return null;
                }
            }
        }
        return new AssignmentRow(Ids.newId(), taskId, kind, code, region, Status.ASSIGNED, 0, null, null);
    }

    private void notifyAssignee(Assignment a, Notice notice) {
        if (a.kind() == AssigneeKind.DEPARTMENT) {
            List<String> ids = users.departmentUserIds(a.regionCode(), a.code());
            if (!ids.isEmpty()) {
                notifications.send(notice, Recipients.users(ids));
            }
        } else {
            notifications.send(notice, Recipients.roleAt(Role.HQ_OFFICER, a.regionCode()));
            if (a.kind() == AssigneeKind.TASK_FORCE) {
                TaskForce force = TaskForce.valueOf(a.code());
                switch (force) {
                    case EPIDEMIC -> notifications.send(notice, Recipients.roleAt(Role.EPIDEMIC_OFFICER, a.regionCode()));
                    case SUPERVISION -> notifications.send(notice, Recipients.roleAt(Role.SUPERVISOR, a.regionCode()));
                    case COORDINATION -> {
                    }
                    default -> notifications.send(notice, Recipients.roleAt(Role.SECTOR_OFFICER, a.regionCode(),
                            org.sibao.region.Sector.valueOf(force.name())));
                }
            }
        }
    }

    private List<Task> assemble(List<TaskRow> rows, boolean withHistory) {
        OffsetDateTime now = clock.nowOffset();
        Map<String, List<AssignmentRow>> byTask = repository.assignments(rows.stream().map(TaskRow::id).toList())
                .stream().collect(Collectors.groupingBy(AssignmentRow::taskId, LinkedHashMap::new, Collectors.toList()));
        List<Task> out = new ArrayList<>();
        for (TaskRow r : rows) {
            boolean late = r.status().open() && r.deadline().isBefore(now);
            List<Assignment> as = byTask.getOrDefault(r.id(), List.of()).stream()
                    .map(a -> new Assignment(a.id(), a.taskId(), a.kind(), a.code(), a.regionCode(), label(a.kind(),
                            a.code(), a.regionCode()), a.status(), a.percent(), a.doneAt(), a.acceptedAt(),
                            a.status().open() && r.deadline().isBefore(now)))
                    .toList();
            out.add(new Task(r.id(), r.regionCode(), regionName(r.regionCode()), r.title(), r.description(), r.deadline(),
                    r.priority(), r.status(), late, r.createdBy(), r.createdByName(), r.createdAt(), r.updatedAt(),
                    r.closedAt(), as, withHistory ? repository.events(r.id()) : List.of(), r.version()));
        }
        return out;
    }

    String label(AssigneeKind kind, String code, String regionCode) {
        return switch (kind) {
            case TASK_FORCE -> messages.get("enum.TaskForce." + code);
            case DEPARTMENT -> regionName(regionCode) + " " + messages.get("enum.Department." + code);
            case REGION -> messages.get("tasking.assignee.regionHq", regionName(regionCode));
        };
    }

    private String regionName(String code) {
        return regions.find(code).map(org.sibao.region.Region::name).orElse(code);
    }

    static String link(String taskId) {
        return "/tasks/" + taskId;
    }

    private static Map<String, Object> auditView(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", t.title());
        m.put("deadline", t.deadline().toString());
        m.put("priority", t.priority().name());
        m.put("status", t.status().name());
        m.put("assignments", t.assignments().stream()
                .map(a -> a.kind() + ":" + (a.code() == null ? "" : a.code()) + "@" + a.regionCode() + "=" + a.status()
                        + "/" + a.percent())
                .toList());
        return m;
    }

    /** Accepts {@code 2026-11-30T18:00:00+08:00}, {@code 2026-11-30T18:00} (Asia/Shanghai) or a date (end of day). */
    static OffsetDateTime parseDeadline(String text) {
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            // not with an offset: try a local date-time, then a date
        }
        try {
            return LocalDateTime.parse(text).atZone(BusinessClock.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(text).atTime(23, 59, 59).atZone(BusinessClock.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String trimOrNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static <E extends Enum<E>> E parseOr(Class<E> type, String value, E fallback) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return fallback;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        E e = parseOr(type, value, null);
        if (e == null) {
            throw ApiException.invalid(field, "tasking.enum.unknown", value);
        }
        return e;
    }
}
