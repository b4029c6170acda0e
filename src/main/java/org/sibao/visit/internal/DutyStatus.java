package org.sibao.visit.internal;

/**
 * A whitelist subject on the duty board: no liaison assigned (未包联), no visit within the follow-up interval
 * (超期未走访), or followed up (正常).
 */
enum DutyStatus {
    NO_LIAISON, OVERDUE, OK
}
