/**
 * Production monitoring (生产经营状况, 周调度, SPEC §10): a weekly report per ACTIVE whitelist subject (output value,
 * capacity utilisation, staff on duty, orders on hand, raw-material days, operating state, problems), Monday
 * reminders for missing reports, drops of more than 20 % week on week, aggregates by region and sector.
 *
 * <p>Public surface: {@link org.sibao.production.ProductionFigures} (the dashboard's production figures) and the
 * event {@link org.sibao.production.ProductionReported}.
 *
 * <p>The week's figures also go into the weekly dispatch brief (周调度简报) through tasking's
 * {@link org.sibao.tasking.WeeklyFigures}.
 *
 * <p>API: {@code POST|GET /api/v1/enterprises/{id}/production-reports}, {@code GET /api/v1/production/summary}.
 * Pages {@code /production} (the enterprise's form and history, or the officials' summary),
 * {@code /production/enterprises/{id}}, {@code /production/summary.xlsx}.
 *
 * <p>Decisions where the contract is silent:
 * <ul>
 * <li>Weeks are ISO weeks on the business clock in Asia/Shanghai. A report may be filed for the current week or
 * an earlier one (a late report), never for a future week. One per subject and week: submitting again replaces the
 * figures and problems in place ({@code revision} counts up; both are audited).</li>
 * <li>Only the enterprise's own users and its liaisons file, only for an ACTIVE subject (else 409). Officials read
 * the reports of the subjects in their scope; outside the scope → 404.</li>
 * <li>Money in 万元 (the API's convention); utilisation 0–100 %; counts and days non-negative integers.</li>
 * <li>A problem line with {@code fileAsAppeal} is filed through {@link org.sibao.appeal.Appeals#file} by the
 * submitter; a line with the same text keeps its appeal on re-submission and is not filed twice.</li>
 * <li>A drop is an output value below 80 % of the same subject's previous-week report. It is computed when read
 * (a late previous-week report changes it), shown on the report, in the summary and in a Monday notice to the
 * county HQ office.</li>
 * <li>Summary figures count ACTIVE subjects now: expected = ACTIVE subjects, received = their reports of the week;
 * week-on-week change compares the totals of both weeks; the production index compares only subjects that
 * reported both weeks.</li>
 * <li>Monday 08:00 (business clock, once per week): every ACTIVE subject without a report for the week just ended
 * gets an in-app notice (its users and liaisons).</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Production monitoring")
package org.sibao.production;
