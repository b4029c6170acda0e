package org.sibao.identity;

/** The roles of SPEC §2. */
public enum Role {
    ADMIN, HQ_OFFICER, SECTOR_OFFICER, DEPT_HANDLER, EPIDEMIC_OFFICER, SUPERVISOR, LIAISON, ENTERPRISE, INTEGRATION;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Officials act for a region and see everything under it (subject to sector or department). */
    public boolean isOfficial() {
        return this != ENTERPRISE && this != INTEGRATION;
    }
}
