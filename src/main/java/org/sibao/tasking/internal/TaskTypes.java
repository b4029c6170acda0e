package org.sibao.tasking.internal;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Value types of HQ tasks (kept together: each is a few lines). */
final class TaskTypes {

    private TaskTypes() {
    }

    enum AssigneeKind {
        TASK_FORCE, DEPARTMENT, REGION
    }

    enum Priority {
        NORMAL, HIGH, URGENT
    }

    /** States of one assignment, and (rolled up) of a task. */
    enum Status {
        ASSIGNED, IN_PROGRESS, DONE, ACCEPTED, RETURNED;

        static final Set<Status> OPEN = EnumSet.of(ASSIGNED, IN_PROGRESS, RETURNED);

        boolean open() {
            return OPEN.contains(this);
        }

        /** The task's state from its assignments'. */
        static Status rollUp(List<Status> states) {
            if (states.stream().allMatch(s -> s == ACCEPTED)) {
                return ACCEPTED;
            }
            if (states.stream().noneMatch(Status::open)) {
                return DONE;
            }
            if (states.contains(RETURNED)) {
                return RETURNED;
            }
            return states.stream().allMatch(s -> s == ASSIGNED) ? ASSIGNED : IN_PROGRESS;
        }
    }

    enum EventKind {
        ASSIGN, PROGRESS, COMPLETE, ACCEPT, RETURN
    }

    record Assignment(String id, String taskId, AssigneeKind kind, String code, String regionCode, String label,
            Status status, int percent, OffsetDateTime doneAt, OffsetDateTime acceptedAt, boolean overdue) {
    }

    record TaskEvent(long id, String assignmentId, EventKind kind, Integer percent, String note, String byUser,
            String byName, OffsetDateTime at) {
    }

    record Task(String id, String regionCode, String regionName, String title, String description,
            OffsetDateTime deadline, Priority priority, Status status, boolean overdue, String createdBy,
            String createdByName, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt,
            List<Assignment> assignments, List<TaskEvent> history, int version) {
    }

    /** API input of a new task. */
    record NewTask(String title, String description, String deadline, String priority, List<AssigneeInput> assignees) {
    }

    /** One assignee: {@code kind} TASK_FORCE ({@code code} a task force), DEPARTMENT ({@code code} a department at
     * {@code regionCode}, default the HQ's region) or REGION ({@code regionCode} under the HQ's region). */
    record AssigneeInput(String kind, String code, String regionCode) {
    }

    record ProgressInput(String assignmentId, Integer percent, String note) {
    }

    record DecisionInput(String assignmentId, String comment) {
    }
}
