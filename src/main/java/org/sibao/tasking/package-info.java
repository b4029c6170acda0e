/**
 * Tasks and supervision (工作交办、督查督办, SPEC §6): HQ tasks with progress reports and acceptance, the weekly dispatch
 * brief (周调度简报) for the HQ meeting and the Friday supervision report (督查督办周报告), as printable pages and .docx.
 *
 * <p>Public surface: the SPIs {@link org.sibao.tasking.WeeklyFigures} (sections of the weekly brief) and
 * {@link org.sibao.tasking.SupervisionItems} (overdue / reopened / unsatisfied items of the Friday report) that other
 * modules implement as beans, their value types ({@link org.sibao.tasking.IsoWeek},
 * {@link org.sibao.tasking.FigureSection}, {@link org.sibao.tasking.FigureRow},
 * {@link org.sibao.tasking.SupervisionItem}, {@link org.sibao.tasking.SupervisionKind}) and the event
 * {@link org.sibao.tasking.TaskOverdue}.
 *
 * <p>API: {@code /api/v1/tasks} (+ {@code /{id}/progress|complete|accept|return}) and {@code /api/v1/reports}
 * ({@code POST /weekly|/friday?regionCode=&week=}, {@code GET ?kind=&regionCode=}, {@code GET /{id}},
 * {@code GET /{id}/docx}). Pages {@code /tasks}, {@code /tasks/{id}}, {@code /reports}, {@code /reports/{id}},
 * {@code /reports/{id}.docx}.
 *
 * <p>Decisions:
 * <ul>
 * <li>A task has one assignment per assignee, each with its own state (ASSIGNED → IN_PROGRESS → DONE → ACCEPTED,
 * DONE → RETURNED → …); the task's {@code status} is their roll-up (ACCEPTED when all are, DONE when none is open,
 * RETURNED if any was returned, ASSIGNED if none has started, else IN_PROGRESS). Task forces and lower regions are
 * handled by the HQ office (HQ_OFFICER) of their region, a task force also by the offices it is formed of (a sector's
 * task force by that sector's SECTOR_OFFICERs, 防疫保障组 by EPIDEMIC_OFFICERs, 督办督查组 by SUPERVISORs), departments
 * by their DEPT_HANDLERs (a sector's competent department, e.g. MIIT for INDUSTRY, also by that sector's
 * SECTOR_OFFICERs). Progress / complete
 * act on the caller's own open assignment ({@code assignmentId} when it has several); accept / return (only the
 * assigning HQ office; return needs a comment) act on {@code assignmentId} or on every DONE assignment.</li>
 * <li>Who sees a task: department handlers the tasks of their department at their region; other officials the
 * tasks of their region and below and those assigned to a unit in it; outside → 404. Only HQ_OFFICER assigns.</li>
 * <li>Overdue = open past the deadline, computed at read time on the business clock; a job (every minute, ShedLock)
 * notifies the open assignees and the SUPERVISORs of the task's region once and publishes {@code TaskOverdue}.</li>
 * <li>New and removed whitelist entries come from a tasking-owned ledger fed by the whitelist's public events
 * ({@code EntryActivated}, {@code EntryRemoved}), not from the whitelist's tables. Coverage is the current figure
 * (the read model keeps no history).</li>
 * <li>Schedules on the business clock: Monday 08:00 generates the brief of the week just ended, Friday 17:00 the
 * supervision report of that week, for each region with an HQ office, once per week ({@code task_report_run}); both
 * are sent to the region's HQ office. On demand a report of any week can be generated again (each is kept).</li>
 * <li>Reports are stored as generated (JSON) and always in zh-CN: they are official documents.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks and supervision")
package org.sibao.tasking;
