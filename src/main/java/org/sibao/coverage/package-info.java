/**
 * Whitelist coverage (覆盖率, SPEC §4): per sector and region, Σ value of ACTIVE subjects ÷ Σ value of all
 * registered subjects, against the 70 % target and its deadline, with suggestions of the subjects that would raise
 * it most.
 *
 * <p>Figures are read from a precomputed read model ({@code coverage_aggregate}, one row per county and sector),
 * refreshed for one county whenever a subject changes ({@code SubjectChanged}) and rebuilt in full on start, every
 * night and on demand — never computed by scanning subjects at request time (the DHIS2 analytics idea).
 *
 * <p>Decisions where the contract is silent:
 * <ul>
 * <li>Value = annual output value (总产值), or total investment for KEY_PROJECT subjects; a missing value counts as 0
 * in both sums. Only ACTIVE counts as covered (SUSPENDED and REMOVED do not). Ratio 0 when the total is 0.</li>
 * <li>Region = the region and everything under it, at any level; default the caller's own region. A region outside
 * the caller's scope answers 404; an unknown code (well-formed or not) is invalid input: 400 naming
 * {@code regionCode}, together with {@code sector} when that is unknown too. Users without a regional scope
 * (ENTERPRISE, LIAISON) get 403.</li>
 * <li>A SECTOR_OFFICER sees only its sector: without {@code sector} it gets its own sector, another sector → 404.</li>
 * <li>Target {@code sibao.coverage.target} (0.7) and deadline {@code sibao.coverage.deadline} ("MM-dd" of the
 * business year, 06-30), overridable per sector with {@code sibao.coverage.sector-deadlines.<SECTOR>}; days left
 * are counted on the business clock (negative once passed).</li>
 * <li>Suggestions are subjects with status NONE (SUSPENDED ones come back by themselves, REMOVED ones were removed
 * for cause) and a positive value, highest value first.</li>
 * <li>A subject moved to another county leaves the old county's row stale until the nightly rebuild or
 * {@code POST /api/v1/whitelist/coverage/refresh} (the change event names only the subject).</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Whitelist coverage")
package org.sibao.coverage;
