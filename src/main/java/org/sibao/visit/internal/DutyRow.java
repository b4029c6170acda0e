package org.sibao.visit.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A whitelist subject on the duty board.
 *
 * @param liaisons        the display names of its enabled liaisons
 * @param lastVisitOn     its latest visit, if any
 * @param daysSinceVisit  days from the latest visit to today, null without one
 */
record DutyRow(String enterpriseId, String name, String regionCode, String sector, List<String> liaisons,
        LocalDate lastVisitOn, Long daysSinceVisit, DutyStatus status) {
}
