/**
 * Epidemic information (防疫信息, SPEC §8): rosters with encrypted personal data, bulk test results, daily health
 * reports, arrivals, the sentinel sweep and its alerts, and emergency mode (平急转换).
 *
 * <p>Uses the escort module's {@link org.sibao.escort.Shutdowns} to ask the HQ for a shutdown from an incident.
 *
 * <p>Public surface: {@link org.sibao.epidemic.EmergencyModes}, {@link org.sibao.epidemic.RegionMode},
 * {@link org.sibao.epidemic.EpidemicFigures} (open alerts and on-time testing for the dashboard) and the event
 * {@link org.sibao.epidemic.RegionModeSwitched}. API under {@code /api/v1} (API.md "Epidemic information"), pages
 * under {@code /epidemic}.
 *
 * <p>Decisions where the contract is silent:
 * <ul>
 * <li>ID numbers and phones are stored AES-256-GCM encrypted (random IV per value) with a keyed HMAC-SHA256 hash for
 * look-ups and uniqueness, and a masked copy for lists ({@code 4101**********123X}, {@code 138****5678}). Only
 * ADMIN and EPIDEMIC_OFFICER may ask for clear values ({@code ?reveal=true}; others 403); each such read is
 * audited. Audit entries hold counts or masked values only.</li>
 * <li>Rosters, health reports and arrivals of a subject are written by its ENTERPRISE users, its LIAISONs,
 * EPIDEMIC_OFFICERs and ADMINs in scope, and INTEGRATION accounts (others 403; a subject outside the scope 404).
 * Roster posts answer 200 with the counts (at most 20,000 rows a request). Excel: {@code GET
 * /enterprises/{id}/employees/template}, {@code POST /enterprises/{id}/employees/import} (multipart {@code file}) →
 * 202 with a job whose progress and rejected rows {@code GET /api/v1/jobs/{jobId}} shows.</li>
 * <li>Test results (INTEGRATION, EPIDEMIC_OFFICER, ADMIN; others 403) answer 200. CSV lines are numbered as in the
 * file (the header is line 1); a JSON element's line is its 1-based position. At most 100,000 rows a request
 * (400 beyond) and 1,000 listed errors (the counts are complete). A row already stored (same employee, sample time
 * and kind) with the same result is a duplicate and changes nothing; with another result it is a correction (stored,
 * counted as accepted, audited with the result it replaced). An EPIDEMIC_OFFICER's rows match only
 * employees of subjects in their region. A sample time more than an hour after the business clock is refused.</li>
 * <li>Each employee's latest result lives in {@code epi_latest_result} (one narrow row per employee, moved
 * forward by every ingest, set-based); the sweep reads it, never the result history. Both it and the results are
 * keyed by the employee's compact number ({@code epi_employee.seq}), not its id.</li>
 * <li>A health report's date is today or up to 7 days back; the first post answers 201, a replacement 200.</li>
 * <li>Arrivals: {@code POST /enterprises/{id}/arrivals} registers in advance (arrival today or later; origin and
 * risk level LOW|MEDIUM|HIGH required); {@code POST /enterprises/{id}/arrivals/unregistered} reports an arrival
 * afterwards (flagged UNREGISTERED); {@code POST /epidemic/arrivals/{id}/backfill} adds origin and risk level
 * (BACKFILLED; anything but UNREGISTERED is 409). Differentiated measures (seed 001, see {@code ArrivalService}):
 * MEDIUM or HIGH risk → 7 days of centralised isolation, no entry, the subject's risk at least the area's, a notice;
 * otherwise a PCR test within 24 hours of landing (due by the end of the day after the arrival date): a returnee's
 * from the bulk results, a visitor's recorded by {@code POST /epidemic/arrivals/{id}/landing-test}, else a
 * TEST_OVERDUE alert for the arrival ({@code arrivalId}).</li>
 * <li>Only ACTIVE whitelist subjects and their rostered employees are watched by the sweep (see
 * {@code SentinelSweep} for each rule); the daily report is due by 20:00 of its day. Alerts: OPEN → ACKNOWLEDGED
 * (EPIDEMIC_OFFICER, HQ_OFFICER, ADMIN; anything but OPEN is 409) → RESOLVED by the next sweep once the cause is
 * gone. The sweep can be started by INTEGRATION, EPIDEMIC_OFFICER and ADMIN and runs every 5 minutes under
 * ShedLock. Risk level per subject ({@code GET /enterprises/{id}/epidemic-risk}): HIGH with an unresolved
 * POSITIVE_RESULT or SYMPTOM alert, MEDIUM with TEST_OVERDUE or ARRIVAL_UNREGISTERED, else LOW. A SYMPTOM alert names the
 * employee ({@code employeeId}) when the reported person is on the roster, else it is the subject's own.</li>
 * <li>Mode switch: only HQ_OFFICERs (others 403), of the region or above (else 404); anyone signed in may read a
 * region's mode. {@code affectedEnterprises} is the number of ACTIVE whitelist subjects whose operation mode the
 * switch set. Back to NORMAL leaves subjects closed-loop that another EMERGENCY region (an ancestor or a division
 * below) still covers. Notices go out asynchronously after commit and name the region by its name (新郑市), as the
 * overdue re-test notice names the incident's subject: people read names, not codes or ids. A subject that joins the whitelist while its
 * region is in EMERGENCY goes closed-loop at once.</li>
 * <li>Zones: {@code POST /enterprises/{id}/zones} {@code {"name","kind":"EXCHANGE|PRODUCTION|LIVING|PUBLIC",
 * "colour"?}} → 201 with a random venue code ({@code SBV-…}); {@code GET /epidemic/zones/{id}/qr.png} renders the
 * code (ZXing). {@code POST /epidemic/zones/{id}/employees} {@code {"employeeIds":[...]}} moves employees of the
 * subject into the zone; an arrival names its zone ({@code zoneId}) and is under observation for 7 days from its
 * arrival date ({@code POST /epidemic/arrivals/{id}/end-observation} ends it today). The colour follows the situation
 * ({@code ZoneColours}, set-based per subject): RED with an incident under observation or confirmed in the zone or an
 * employee whose latest result is POSITIVE, YELLOW with a close or secondary contact of an incident not closed, BLUE with an
 * arrival under observation, else GREEN; {@code PUT /epidemic/zones/{id}/colour} sets an override that can raise
 * the colour but never hide a worse automatic one ({@code "AUTO"} removes it). The view shows {@code colour},
 * {@code autoColour}, {@code manualColour} and {@code employees}.</li>
 * <li>Incidents ({@code /epidemic/incidents?status=&enterpriseId=&regionCode=}, see {@code IncidentService}): open
 * (subject writers; {@code zoneId} or the employee's zone) → OBSERVATION with {@code retestDueAt} = +6 h (overdue:
 * {@code retestOverdue} and a notice to the epidemic officers by the sweep, not a sixth alert type, since the contract
 * fixes five) → {@code retest} {@code {"result":"NEGATIVE|POSITIVE","kind"?,"sampledAt"?}} (stored as the employee's
 * test result too) → {@code confirm} (on a POSITIVE re-test on record, else only with {@code "basis"} — e.g. the
 * CDC's confirmation — 409 naming {@code basis} without) or {@code clear} (on a NEGATIVE re-test; quiet period) →
 * {@code close}; {@code contacts} {@code {"employeeIds","tier"?:"CLOSE|SECONDARY","closeContactId"?}} lists close
 * contacts (密接, the default) or secondary contacts (次密接, optionally linked to a close contact of the incident)
 * until closed. {@code POST /epidemic/alerts/{id}/observe} {@code {"note"?,"zoneId"?}} (转临时留观) opens, from a
 * SYMPTOM or POSITIVE_RESULT alert naming an employee, a SUSPECTED or FIRST_POSITIVE incident for that employee,
 * links the alert ({@code incidentId}) and acknowledges it → 201 (409: another type, resolved, no employee, or an
 * incident already in progress for the employee). Steps by EPIDEMIC_OFFICER/ADMIN (others 403), wrong state
 * 409. {@code GET /epidemic/incidents/{id}} adds {@code closeContacts}, {@code secondaryContacts}, {@code timeline}
 * ({@code action}, {@code detail}, {@code by}, {@code at}, {@code note}) and {@code shutdowns}. {@code POST
 * /epidemic/incidents/{id}/shutdown-request} {@code {"days","reason"}} (EPIDEMIC_OFFICER or HQ_OFFICER, while under
 * observation or confirmed) files a PENDING shutdown in the escort module linked to the incident → 201; the HQ
 * decides it there (1..3 days, 400 naming {@code days} beyond; one open shutdown per subject, 409). Pages:
 * {@code /epidemic/incidents} and {@code /epidemic/incidents/{id}}.</li>
 * <li>Code protection (赋码保护, {@code GET /epidemic/code-protection?status=PROTECTED|WITHDRAWN&regionCode=&reveal=},
 * its {@code /export} and the page {@code /epidemic/code-protection}; see {@code CodeProtection}): the rosters of
 * subjects ACTIVE or SUSPENDED on the whitelist are PROTECTED — a suspension is an approved temporary shutdown, and
 * "企业其他区域原则上不停工、不停产" — except, as the provincial guide says ("除核酸阳性、密接、次密接外"), an employee
 * whose latest result is POSITIVE or who is a close or secondary contact of an incident under observation or
 * confirmed (not yet cleared or closed). Those, and every employee of a REMOVED (熔断) subject, are WITHDRAWN with
 * {@code reason} POSITIVE, CLOSE_CONTACT, SECONDARY_CONTACT or ENTRY_REMOVED (the employee's own reason first; {@code null} while protected), shown in
 * Chinese on the page and in the export. Derived when read: nothing to keep in step.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Epidemic information")
package org.sibao.epidemic;
