package org.sibao.escort;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Production escort (生产护航) in figures, for the weekly dispatch brief: the inspection requests and shutdowns of a
 * region and everything under it.
 */
public interface EscortFigures {

    /**
     * @param inspectionsFiled    inspection requests filed in the span
     * @param inspectionsReported of those, the ones only reported (epidemic, work safety, quarantine: no approval)
     * @param inspectionsApproved requests approved by the HQ in the span
     * @param inspectionsRefused  requests refused by the HQ in the span
     * @param inspectionsPending  requests waiting for the HQ now
     * @param shutdownsFiled      shutdown requests filed in the span
     * @param shutdownsPending    requests waiting for the joint decision (会商) now
     * @param shutdownsEnded      shutdowns that ended in the span (production resumed)
     * @param shutNow             the subjects shut now, by name, the soonest to resume first
     */
    record Figures(long inspectionsFiled, long inspectionsReported, long inspectionsApproved, long inspectionsRefused,
            long inspectionsPending, long shutdownsFiled, long shutdownsPending, long shutdownsEnded, List<String> shutNow) {
    }

    /** The figures under a region prefix for the span {@code from} (inclusive) to {@code to} (exclusive). */
    Figures figures(String regionPrefix, OffsetDateTime from, OffsetDateTime to);
}
