package org.sibao.escort.internal;

/**
 * What an inspection is for. Epidemic prevention, work safety and entry-exit quarantine need no approval (SPEC §4);
 * every other inspection of a whitelist subject needs the HQ's.
 */
enum InspectionKind {
    EPIDEMIC, SAFETY, QUARANTINE, ENVIRONMENT, FIRE, QUALITY, MARKET, TAX, OTHER;

    boolean needsApproval() {
        return this != EPIDEMIC && this != SAFETY && this != QUARANTINE;
    }
}
