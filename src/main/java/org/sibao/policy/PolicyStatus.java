package org.sibao.policy;

/** DRAFT (editable, simulated in the reserve), PUBLISHED (never edited again), EXPIRED (past its effectiveTo). */
public enum PolicyStatus {
    DRAFT, PUBLISHED, EXPIRED
}
