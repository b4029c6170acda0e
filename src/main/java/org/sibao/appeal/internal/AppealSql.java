package org.sibao.appeal.internal;

/** SQL fragments shared by queues, the sweep and metrics; every value is a bound parameter. */
final class AppealSql {

    /**
     * Overdue at {@code ?} (three times the same instant), over alias {@code a}; mirrors {@code AppealRow.overdueAt}.
     * An URGENT appeal still waiting for triage is late once its 2-hour response deadline has passed; one MERGED into
     * a common-issue cluster is late when the cluster has not answered it by its resolution deadline.
     */
    static final String OVERDUE = """
            ((a.status IN ('SUBMITTED','ESCALATED') OR (a.status = 'REOPENED' AND a.department_code IS NULL))
              AND CASE WHEN a.urgency = 'URGENT' AND a.response_due_at < a.assign_due_at THEN a.response_due_at
                       ELSE a.assign_due_at END < ?
             OR a.status = 'ASSIGNED' AND a.response_due_at < ?
             OR (a.status IN ('ASSIGNED','ACCEPTED','REOPENED') AND a.department_code IS NOT NULL OR a.status = 'MERGED')
                AND a.resolution_due_at < ?)""";

    /**
     * The deadline an overdue appeal missed, branch by branch as {@link #OVERDUE}: assignment (or an urgent
     * appeal's response) while it awaits triage, the response once assigned, else the resolution. One parameter:
     * now.
     */
    static final String MISSED_DUE = """
            CASE WHEN a.status IN ('SUBMITTED','ESCALATED') OR (a.status = 'REOPENED' AND a.department_code IS NULL)
                   THEN CASE WHEN a.urgency = 'URGENT' AND a.response_due_at < a.assign_due_at THEN a.response_due_at
                             ELSE a.assign_due_at END
                 WHEN a.status = 'ASSIGNED' AND a.response_due_at < ? THEN a.response_due_at
                 ELSE a.resolution_due_at END""";

    static final String OPEN = "a.status IN ('SUBMITTED','TRIAGED','ASSIGNED','ACCEPTED','ESCALATED','MERGED','REOPENED')";

    private AppealSql() {
    }
}
