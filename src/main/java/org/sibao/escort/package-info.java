/**
 * Production escort (生产护航, SPEC §4): inspections of whitelist subjects need the HQ's approval (except
 * epidemic prevention, work safety and entry-exit quarantine), and a shutdown or limitation needs the HQ's
 * decision and lasts at most 3 days unless renewed.
 *
 * <p>API under {@code /api/v1/escort}: {@code inspections} (+ {@code /{id}/approve}, {@code /{id}/refuse}) and
 * {@code shutdowns} (+ {@code approve}, {@code refuse}, {@code renew}, {@code lift}). Pages {@code /escort?enterpriseId=},
 * {@code /escort/inspections}, {@code /escort/shutdowns}. Publishes {@link org.sibao.escort.ShutdownStarted} (on
 * approval and on every renewal, with the new end), {@link org.sibao.escort.ShutdownDecided} (every HQ decision on a request) and
 * {@link org.sibao.escort.ShutdownEnded} (expired or lifted).
 * Other modules file and read shutdown requests through {@link org.sibao.escort.Shutdowns}: the epidemic module files
 * one from an incident ({@code incidentId} on the shutdown; the shutdown list links back to the incident's page).
 *
 * <p>Decisions:
 * <ul>
 * <li>HQ_OFFICER, SECTOR_OFFICER, DEPT_HANDLER and EPIDEMIC_OFFICER file requests for subjects in their scope
 * (others 403; a subject outside the scope 404); only the HQ_OFFICER of the subject's county or above decides
 * (other roles 403, other regions 404). Inspections need the subject ACTIVE or SUSPENDED on the whitelist,
 * shutdowns ACTIVE; otherwise 409.</li>
 * <li>Refusing needs a comment (400 without); approving does not. A decision on anything but a pending request is
 * 409; renewing or lifting anything but an active shutdown is 409. One open (pending or active) shutdown per
 * subject.</li>
 * <li>A renewal is a new HQ decision: the shutdown then lasts until 1..3 days from the renewal (never more than
 * 3 days ahead). An expired shutdown ends at its {@code endsAt}; ends are found by a ShedLock job every minute
 * and by every read, so a drill's clock advance shows at once.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Production escort")
package org.sibao.escort;
