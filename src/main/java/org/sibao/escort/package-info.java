/**
 * Production escort (生产护航, SPEC §4): inspections of whitelist subjects need the approval of the economic dispatch
 * HQ office (except epidemic prevention, work safety and entry-exit quarantine), and a shutdown or limitation needs
 * the joint decision (会商) of the HQ office and the epidemic prevention command and lasts at most 3 days unless
 * renewed.
 *
 * <p>API under {@code /api/v1/escort}: {@code inspections} (+ {@code /{id}/approve}, {@code /{id}/refuse}) and
 * {@code shutdowns} (+ {@code approve}, {@code refuse}, {@code renew}, {@code renewal/approve},
 * {@code renewal/refuse}, {@code lift}). Pages {@code /escort?enterpriseId=}, {@code /escort/inspections},
 * {@code /escort/shutdowns}. Publishes {@link org.sibao.escort.ShutdownStarted} (when a request is finally approved
 * and on every agreed renewal, with the new end), {@link org.sibao.escort.ShutdownDecided} (when a request is
 * finally approved — the second consent — or refused) and {@link org.sibao.escort.ShutdownEnded} (expired or
 * lifted). Other modules file and read shutdown requests through {@link org.sibao.escort.Shutdowns}: the epidemic
 * module files one from an incident ({@code incidentId} on the shutdown; the shutdown list links back to the
 * incident's page).
 *
 * <p>Decisions:
 * <ul>
 * <li>HQ_OFFICER, SECTOR_OFFICER, DEPT_HANDLER and EPIDEMIC_OFFICER file requests for subjects in their scope
 * (others 403; a subject outside the scope 404). Inspections need the subject ACTIVE or SUSPENDED on the whitelist,
 * shutdowns ACTIVE; otherwise 409.</li>
 * <li>Where it is decided ({@code sibao.escort.shutdown-decision-level} and
 * {@code sibao.escort.inspection-approval-level}: COUNTY, CITY or PROVINCE, CITY by default): the region of that
 * level over the subject, or where it has nobody of the deciding role on the platform, the nearest region above
 * that has. Officers of that region or above decide; below it 403, outside the scope 404.</li>
 * <li>An inspection needing approval is decided by an HQ_OFFICER there, never by its filer (403
 * {@code escort.inspection.ownRequest}).</li>
 * <li>A shutdown needs two consents, the HQ_OFFICER's (side HQ) and the EPIDEMIC_OFFICER's (side EPIDEMIC):
 * {@code approve} records the caller's side's consent and leaves the request PENDING ({@code awaiting} names the
 * other side) until the other side's consent makes it ACTIVE at once; {@code refuse} by either side refuses it.
 * A side's second word is 409. Filing is never a consent. The shutdown's JSON carries {@code consents} (every
 * side's word, round by round), {@code hqConsent}, {@code epidemicConsent}, {@code pendingRenewal},
 * {@code awaiting} and {@code deciders}.</li>
 * <li>Renewal: {@code renew} ({@code days} 1..3, comment) by one side proposes it; the other side's
 * {@code renewal/approve} (or {@code renew} with the same days) makes the shutdown last that many days from then
 * (never more than 3 days ahead), {@code renewal/refuse} (comment) drops it. {@code lift} by either side alone ends
 * it early.</li>
 * <li>Refusing needs a comment (400 without); approving does not. A decision on anything but a pending request is
 * 409; renewing or lifting anything but an active shutdown is 409. One open (pending or active) shutdown per
 * subject. An expired shutdown ends at its {@code endsAt}; ends are found by a ShedLock job every minute and by
 * every read, so a drill's clock advance shows at once.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Production escort")
package org.sibao.escort;
