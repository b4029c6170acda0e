/**
 * Problems and appeals (诉求和问题闭环处理, SPEC §5): filing with attachments, triage by the county HQ into an
 * individual assignment (点办理) or a common-issue cluster (批处理), working-day deadlines, escalation up the HQ
 * chain, call-back and closure (销号), overdue reminders, metrics and the Excel ledger (台账).
 *
 * <p>Public surface: {@link org.sibao.appeal.Appeals} (counts, metrics and filing for other modules), the enums and the
 * events {@link org.sibao.appeal.AppealOverdue} and {@link org.sibao.appeal.AppealStatusChanged}. Everything else
 * lives in {@code internal}.
 *
 * <p>Decisions where the contract is silent:
 * <ul>
 * <li>Deadlines run from filing (and restart on escalation; the resolution deadline restarts on reopening):
 * assignment 1 working day, first response (accept) 3 working days or 2 clock hours when URGENT, resolution
 * 7 working days, {@code dueDays} working days when the HQ sets them, one calendar month for a major problem
 * without {@code dueDays}; a response is never due after the resolution, and an URGENT appeal's assignment never
 * after its response (the earlier of 1 working day and 2 hours: a problem to answer within 2 hours is assigned
 * within them, and once late it is late on assignment, {@code overdueKind} ASSIGN). "N working days" keeps the time of day;
 * a start on a rest day counts from the next working day's midnight. The working-day calendar holds the State
 * Council's holidays and swapped workdays of 2022–2026 and 元旦 2027 ({@code sibao.appeal.holidays/workdays}
 * replace them).</li>
 * <li>{@code resolve} needs an accepted (or reopened) appeal: resolving an unaccepted one is a 409, so that the
 * response rate means something.</li>
 * <li>A DEPT_HANDLER reads every appeal of its region (read-only context) but acts only on those assigned to its
 * department at its own region (403 otherwise); its list shows its department's appeals.</li>
 * <li>A reopened appeal of a cluster has no department: the HQ triages it again.</li>
 * <li>A new appeal goes to the HQ office of the subject's county; where that office has no (enabled) HQ officer on
 * the platform, to the nearest office above that has one, so that no appeal waits where nobody can triage it (in
 * the demo, 开封's and 南阳's counties: their appeals start with the city's office). An escalation skips offices
 * without HQ officers the same way. Likewise an assignment to a department at a region where that department has
 * nobody on the platform lands with the same department at the nearest region above that has someone.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appeals")
package org.sibao.appeal;
