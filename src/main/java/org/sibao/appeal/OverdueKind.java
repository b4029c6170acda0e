package org.sibao.appeal;

/** Which deadline an appeal missed: triage/assignment, first response (accept), or resolution. */
public enum OverdueKind {
    ASSIGN, RESPONSE, RESOLUTION
}
