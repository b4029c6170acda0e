package org.sibao.tasking.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A generated report as stored ({@code figures_json}) and shown: sections of titled tables.
 *
 * @param kind WEEKLY_BRIEF (周调度简报) or FRIDAY_SUPERVISION (督查督办周报告)
 */
record Report(String id, ReportKind kind, String regionCode, String regionName, String isoWeek, LocalDate from,
        LocalDate to, String title, OffsetDateTime generatedAt, String generatedBy, List<Section> sections) {

    enum ReportKind {
        WEEKLY_BRIEF, FRIDAY_SUPERVISION
    }

    /** A titled table; {@code note} is an optional line under the heading. */
    record Section(String key, String title, String note, List<String> columns, List<List<String>> rows) {
    }

    /** A list entry (without the sections). */
    record Summary(String id, ReportKind kind, String regionCode, String regionName, String isoWeek, String title,
            OffsetDateTime generatedAt, String generatedBy) {
    }
}
