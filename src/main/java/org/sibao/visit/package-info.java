/**
 * 包保走访 and 包保责任 (SPEC §1 "包保责任", §2 LIAISON: "assigned enterprises: visits, files problems for them,
 * weekly follow-up"; seed 001 "将白名单企业（项目）纳入'万人助万企'包保名单，落实包保干部责任").
 *
 * <p>A liaison cadre records each visit to an enterprise assigned to them: the date, how (on site, by phone, by
 * video), what was found, and a problem raised there, which is filed as an appeal in the liaison's name (through
 * {@link org.sibao.appeal.Appeals#file}) and linked to the visit. The HQ office, the supervisors and the sector
 * officers see the duty board: every ACTIVE whitelist subject in their scope with its liaisons and last visit,
 * flagged 未包联 (no liaison assigned) or 超期未走访 (no visit within {@value
 * org.sibao.visit.internal.VisitService#FOLLOW_UP_DAYS} days: the weekly follow-up), with an Excel export. Every
 * Monday 08:30 (business clock) each liaison gets one notice naming their assigned whitelist subjects not visited
 * within the week.
 *
 * <p>API: {@code POST|GET /api/v1/enterprises/{id}/visits}, {@code GET /api/v1/liaison-duty} (the board, paged,
 * {@code ?regionCode=&status=NO_LIAISON|OVERDUE|OK}) and {@code GET /api/v1/liaison-duty/summary}. Pages
 * {@code /visits} (a liaison's enterprises; the board for officials), {@code /visits/enterprises/{id}} (form and
 * history), {@code /visits/duty.xlsx}.
 *
 * <p>Decisions where the contract is silent:
 * <ul>
 * <li>Only LIAISONs record visits (others 403), and only to enterprises assigned to them (others 404, as for any
 * subject outside one's scope). A visit is a record of fact: never edited or deleted; sending the same visit again
 * (same enterprise, date, method and findings by the same liaison) answers the stored one with 200.</li>
 * <li>The visit date is today or up to {@value org.sibao.visit.internal.VisitService#MAX_DAYS_BACK} days back, on
 * the business clock.</li>
 * <li>Anyone who may read the enterprise reads its visits. The duty board is for ADMIN, HQ_OFFICER, SUPERVISOR,
 * SECTOR_OFFICER (its sector) and INTEGRATION; a LIAISON's board is every enterprise assigned to it, on the
 * whitelist or not (its summary's {@code active} counts them); others 403.</li>
 * <li>A disabled liaison no longer counts as the enterprise's liaison.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Liaison visits")
package org.sibao.visit;
