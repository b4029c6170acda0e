/**
 * Market subjects (市场主体, SPEC §3): enterprises, individual businesses, key projects and parks; USCC
 * validation; derived size class; incidents, supply-chain links and typed extra facts; Excel import/export.
 *
 * <p>Public surface: {@link org.sibao.subject.Subjects} (scoped reads of {@link org.sibao.subject.SubjectFacts},
 * whitelist standing and operation mode), the value types ({@link org.sibao.subject.Uscc},
 * {@link org.sibao.subject.SizeClasses}, {@link org.sibao.subject.SubjectAttribute} and the enums) and the event
 * {@link org.sibao.subject.SubjectChanged}. Everything else lives in {@code internal}.
 *
 * <p>Decisions:
 * <ul>
 * <li>{@code ABOVE_SCALE} for industry (sections B, C, D) follows revenue: ≥ 2000 万元 adds the flag; claiming it
 * with a known lower revenue is a 400 on {@code flags}; without a revenue the declared flag stands. For other
 * industries the flag is taken as declared (their thresholds differ and are not in SPEC).</li>
 * <li>An official creating or moving a subject outside their own region (or sector) gets 400 on
 * {@code regionCode} (or {@code sector}), never 403: the input is what is wrong, not the action.</li>
 * <li>LIAISON and ENTERPRISE users edit facts of subjects in their scope but not USCC, project number, region
 * or sector (400 naming the field); read-only roles get 403 for writes.</li>
 * <li>Contact phones are in clear only for ADMIN ({@code PersonalData.visibleInClear}); audit records hold the
 * masked value. Each clear read (a page, a detail, an export) leaves an audit entry {@code subject.phone.read}
 * naming the subjects shown ({@code ClearPhoneReads}).</li>
 * <li>A subject without an industry code, or missing an indicator its industry needs, has size class UNKNOWN.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Market subjects")
package org.sibao.subject;
