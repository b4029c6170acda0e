package org.sibao.appeal;

import java.time.LocalDate;

import org.sibao.identity.DataScope;

/** What other modules (weekly brief, dashboard) may ask of the appeal module. */
public interface Appeals {

    /** Open appeals in a scope (not yet resolved, rejected or withdrawn). */
    long openCount(DataScope scope);

    /** Appeals closed (销号) in a scope. */
    long closedCount(DataScope scope);

    /** Open appeals past a deadline now, in a scope. */
    long overdueCount(DataScope scope);

    /** The SPEC §5 figures for appeals of subjects under {@code regionCode} within {@code scope}; dates inclusive. */
    AppealMetrics metrics(DataScope scope, String regionCode, LocalDate from, LocalDate to);

    /**
     * Files a NORMAL appeal as the signed-in user, exactly as {@code POST /api/v1/appeals} does (scope, audit,
     * notice to the HQ office); for problems raised elsewhere, e.g. in a weekly production report.
     *
     * @return the new appeal's id
     */
    String file(String enterpriseId, AppealCategory category, String title, String description);
}
