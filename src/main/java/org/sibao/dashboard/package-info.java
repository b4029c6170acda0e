/**
 * The one screen (一屏掌控, SPEC §11): for a region the reader may see, whitelist counts by sector and coverage,
 * appeals open / overdue and the three rates, regions in emergency, open alerts and on-time testing, production and
 * policy reach, each figure linking to the list behind it. API {@code GET /api/v1/dashboard?regionCode=} (API.md,
 * fixed shape); page {@code /dashboard} with ECharts bars by sector and a drill-down by child region
 * (province → city → county), fed by the session-authenticated {@code /dashboard/data}.
 *
 * <p>Performance (BENCHMARKS B3, p95 ≤ 50 ms warm): a request never computes figures over big tables. Figures are
 * read from the owning modules' precomputed or indexed aggregates (coverage's county×sector read model, the appeal
 * counts, {@code epi_alert}/{@code epi_latest_result}, the policy match table) and kept as one snapshot per region
 * and sector in an in-memory cache ({@code sibao.dashboard.ttl}, default 15 s). A warm request is a map look-up.
 * A snapshot older than the TTL, or invalidated by a module event ({@code SubjectChanged}, {@code EntryActivated},
 * {@code EntryRemoved}, {@code AppealStatusChanged}, {@code RegionModeSwitched}, {@code ProductionReported}), is still served once while a
 * background thread recomputes it (stale-while-revalidate, one refresh per key at a time), so figures lag reality
 * by at most about one TTL or one refresh. Only the very first request for a region computes synchronously; the
 * province is computed at start. A per-node cache rather than a snapshot table was chosen because every figure is
 * already cheap for the database to produce; several nodes each keep their own cache, and a change on one node
 * reaches the others through one shared counter row ({@code SharedGeneration}: bumped at most four times a second,
 * re-read once a second), so another node's next read after about a second and a half recomputes.
 *
 * <p>Decisions where the contract is silent:
 * <ul>
 * <li>Readers: ADMIN, HQ_OFFICER, SECTOR_OFFICER, DEPT_HANDLER, EPIDEMIC_OFFICER, SUPERVISOR (others 403). Region
 * default: the caller's; outside the caller's region or unknown → 404. A SECTOR_OFFICER's figures are all of its
 * own sector.</li>
 * <li>{@code whitelist.active}: ACTIVE subjects under the region; {@code bySector}: sector → ACTIVE count;
 * {@code coverage}: sector → ratio (0..1), plus {@code overall} and {@code target}.</li>
 * <li>{@code appeals.open}/{@code overdue}: now; the three rates 0..1 over the last 30 days (business clock,
 * today inclusive).</li>
 * <li>{@code epidemic.regionsInEmergency}: regions switched to EMERGENCY at or under the region, plus the ancestor
 * whose switch covers it ({@code mode} gives the effective mode); {@code openAlerts}: alerts with status OPEN;
 * {@code onTimeTestingRate}: rostered employees with a negative sample within their interval, or rostered within
 * it, ÷ rostered employees (0 when none).</li>
 * <li>{@code production}: from {@link org.sibao.production.ProductionFigures} for the current ISO week (business
 * clock): {@code week}, {@code reportsThisWeek} (received), {@code expected} (ACTIVE subjects), {@code outputValue}
 * (万元) and {@code index} (this week's output of the subjects that reported both weeks ÷ their previous week ×
 * 100; null without such subjects).</li>
 * <li>{@code policies}: eligible and granted subject × policy pairs of the policies in force, {@code grantedAmount}
 * in 万元 as the API's money convention says ({@code grantedAmountYuan} gives the same in yuan).</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package org.sibao.dashboard;
