package org.sibao.tasking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.sibao.identity.SqlFilter;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.PageQuery;
import org.sibao.tasking.internal.TaskTypes.AssigneeKind;
import org.sibao.tasking.internal.TaskTypes.EventKind;
import org.sibao.tasking.internal.TaskTypes.Priority;
import org.sibao.tasking.internal.TaskTypes.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The task tables. Reads take a scope predicate over the alias {@code t} of {@code task_task}. */
@Repository
class TaskRepository {

    private static final int CHUNK = 1000;
    static final String OPEN_STATES = "('ASSIGNED', 'IN_PROGRESS', 'RETURNED')";
    private static final String TASK_COLUMNS = "t.id, t.region_code, t.title, t.description, t.deadline, t.priority,"
            + " t.status, t.created_by, t.created_by_name, t.created_at, t.updated_at, t.closed_at, t.version";
    private static final String ASSIGNMENT_COLUMNS = "id, task_id, assignee_kind, assignee_code, region_code, status,"
            + " percent, done_at, accepted_at";

    record TaskRow(String id, String regionCode, String title, String description, OffsetDateTime deadline,
            Priority priority, Status status, String createdBy, String createdByName, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, OffsetDateTime closedAt, int version) {
    }

    record AssignmentRow(String id, String taskId, AssigneeKind kind, String code, String regionCode, Status status,
            int percent, OffsetDateTime doneAt, OffsetDateTime acceptedAt) {
    }

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TaskRow t) {
        jdbc.sql("""
                INSERT INTO task_task (id, region_code, title, description, deadline, priority, status, created_by,
                  created_by_name, created_at, updated_at, closed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), t.regionCode(), t.title(), t.description(), t.deadline(), t.priority().name(),
                        t.status().name(), t.createdBy(), t.createdByName(), t.createdAt(), t.updatedAt(), t.closedAt(),
                        t.version())
                .update();
    }

    void insert(AssignmentRow a) {
        jdbc.sql("INSERT INTO task_assignment (" + ASSIGNMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.taskId(), a.kind().name(), a.code(), a.regionCode(), a.status().name(), a.percent(),
                        a.doneAt(), a.acceptedAt())
                .update();
    }

    void updateAssignment(AssignmentRow a) {
        jdbc.sql("UPDATE task_assignment SET status = ?, percent = ?, done_at = ?, accepted_at = ? WHERE id = ?")
                .params(a.status().name(), a.percent(), a.doneAt(), a.acceptedAt(), a.id())
                .update();
    }

    /** Writes the task's roll-up state if it is still at {@code expectedVersion}; false when someone got there first. */
    boolean updateStatus(String id, Status status, OffsetDateTime now, OffsetDateTime closedAt, int expectedVersion) {
        return jdbc.sql("""
                UPDATE task_task SET status = ?, updated_at = ?, closed_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(status.name(), now, closedAt, id, expectedVersion)
                .update() == 1;
    }

    void insertEvent(String taskId, String assignmentId, EventKind kind, Integer percent, String note, String byUser,
            String byName, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO task_event (task_id, assignment_id, kind, percent, note, by_user, by_name, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(taskId, assignmentId, kind.name(), percent, note, byUser, byName, at)
                .update();
    }

    Optional<TaskRow> find(String id, SqlFilter scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scope.params());
        return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM task_task t WHERE t.id = ? AND (" + scope.sql() + ")")
                .params(params).query(TaskRepository::task).optional();
    }

    long count(SqlFilter where) {
        return jdbc.sql("SELECT COUNT(*) FROM task_task t WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    List<TaskRow> list(SqlFilter where, PageQuery page) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM task_task t WHERE " + where.sql()
                + " ORDER BY t.deadline ASC, t.id ASC LIMIT ? OFFSET ?").params(params).query(TaskRepository::task).list();
    }

    /** Every matching task, for reports (bounded by the caller's predicate, e.g. one region's tasks). */
    List<TaskRow> all(SqlFilter where) {
        return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM task_task t WHERE " + where.sql() + " ORDER BY t.deadline, t.id")
                .params(where.params()).query(TaskRepository::task).list();
    }

    /** The assignments of some tasks, in chunks of {@value #CHUNK} ids (a statement's parameters are limited). */
    List<AssignmentRow> assignments(Collection<String> taskIds) {
        List<String> ids = new ArrayList<>(taskIds);
        List<AssignmentRow> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            out.addAll(jdbc.sql("SELECT " + ASSIGNMENT_COLUMNS + " FROM task_assignment WHERE task_id IN (" + marks
                    + ") ORDER BY task_id, assignee_kind, region_code, assignee_code, id")
                    .params(new ArrayList<Object>(chunk)).query(TaskRepository::assignment).list());
        }
        return out;
    }

    List<TaskTypes.TaskEvent> events(String taskId) {
        return jdbc.sql("SELECT id, assignment_id, kind, percent, note, by_user, by_name, at FROM task_event"
                + " WHERE task_id = ? ORDER BY id").param(taskId)
                .query((rs, n) -> new TaskTypes.TaskEvent(rs.getLong("id"), rs.getString("assignment_id"),
                        EventKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("percent", Integer.class),
                        rs.getString("note"), rs.getString("by_user"), rs.getString("by_name"), time(rs, "at")))
                .list();
    }

    /** Whether any task exists (the demo data seeds only into an empty table). */
    boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM task_task").query(Long.class).single() > 0;
    }

    /** Moves every time of a task back by {@code by} (the demo data's history): its own, its assignments', its events'. */
    void shiftBack(String taskId, Duration by) {
        TaskRow t = find(taskId, SqlFilter.NONE).orElseThrow();
        jdbc.sql("UPDATE task_task SET deadline = ?, created_at = ?, updated_at = ?, closed_at = ? WHERE id = ?")
                .params(minus(t.deadline(), by), minus(t.createdAt(), by), minus(t.updatedAt(), by),
                        minus(t.closedAt(), by), taskId)
                .update();
        for (AssignmentRow a : assignments(List.of(taskId))) {
            jdbc.sql("UPDATE task_assignment SET done_at = ?, accepted_at = ? WHERE id = ?")
                    .params(minus(a.doneAt(), by), minus(a.acceptedAt(), by), a.id()).update();
        }
        for (TaskTypes.TaskEvent e : events(taskId)) {
            jdbc.sql("UPDATE task_event SET at = ? WHERE id = ?").params(minus(e.at(), by), e.id()).update();
        }
    }

    private static OffsetDateTime minus(OffsetDateTime t, Duration by) {
        return t == null ? null : t.minus(by);
    }

    /** Open tasks past their deadline whose overdue notice has not been sent, oldest deadline first. */
    List<TaskRow> overdueUnnotified(OffsetDateTime now, int limit) {
        return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM task_task t WHERE t.status IN " + OPEN_STATES
                + " AND t.deadline < ? AND t.overdue_notified_at IS NULL ORDER BY t.deadline LIMIT ?")
                .params(now, limit).query(TaskRepository::task).list();
    }

    /** Marks the overdue notice as sent; false when another run marked it first. */
    boolean markOverdueNotified(String id, OffsetDateTime now) {
        return jdbc.sql("UPDATE task_task SET overdue_notified_at = ? WHERE id = ? AND overdue_notified_at IS NULL")
                .params(now, id).update() == 1;
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime();
    }

    private static TaskRow task(ResultSet rs, int n) throws SQLException {
        return new TaskRow(rs.getString("id"), rs.getString("region_code"), rs.getString("title"),
                rs.getString("description"), time(rs, "deadline"), Priority.valueOf(rs.getString("priority")),
                Status.valueOf(rs.getString("status")), rs.getString("created_by"), rs.getString("created_by_name"),
                time(rs, "created_at"), time(rs, "updated_at"), time(rs, "closed_at"), rs.getInt("version"));
    }

    private static AssignmentRow assignment(ResultSet rs, int n) throws SQLException {
        return new AssignmentRow(rs.getString("id"), rs.getString("task_id"),
                AssigneeKind.valueOf(rs.getString("assignee_kind")), rs.getString("assignee_code"),
                rs.getString("region_code"), Status.valueOf(rs.getString("status")), rs.getInt("percent"),
                time(rs, "done_at"), time(rs, "accepted_at"));
    }
}
