package org.sibao.appeal;

import java.util.EnumSet;
import java.util.Set;

/** The states of an appeal (SPEC §5). */
public enum AppealStatus {
    SUBMITTED, TRIAGED, ASSIGNED, ACCEPTED, RESOLVED, CONFIRMED, CLOSED, ESCALATED, MERGED, REOPENED, REJECTED, WITHDRAWN;

    /** States in which the appeal still waits for the government side (not resolved, not finished). */
    public static final Set<AppealStatus> OPEN = EnumSet.of(SUBMITTED, TRIAGED, ASSIGNED, ACCEPTED, ESCALATED, MERGED, REOPENED);

    /** States from which the filer may still withdraw. */
    public static final Set<AppealStatus> WITHDRAWABLE = OPEN;

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
