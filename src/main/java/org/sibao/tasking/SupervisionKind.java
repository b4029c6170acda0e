package org.sibao.tasking;

/** Why an item is on the Friday supervision report (督查督办周报告). */
public enum SupervisionKind {
    /** past its deadline and not done */
    OVERDUE,
    /** reopened (e.g. a call-back found it unsolved) */
    REOPENED,
    /** the call-back answered "unsatisfied" */
    UNSATISFIED
}
