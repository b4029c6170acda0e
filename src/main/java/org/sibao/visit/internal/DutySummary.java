package org.sibao.visit.internal;

/**
 * The duty board's figures for a region: ACTIVE whitelist subjects, how many have a liaison, how many of those were
 * visited within the follow-up interval, and the visits recorded in that interval.
 */
record DutySummary(String regionCode, long active, long withLiaison, long noLiaison, long overdue, long followedUp,
        long visitsThisWeek, int followUpDays) {
}
