/**
 * Policies (政策推送, SPEC §7: "政策找企、应享尽享"): the policy library with versions, eligibility rules and benefit
 * formulas (evaluated by {@code rules}), matching of every policy in force against every subject, push to eligible
 * subjects, redemption (apply, grant, decline, AUTO confirmation), reach (应享尽享率) and the policy reserve
 * (simulation before publishing). The seeded library lives in {@code src/main/resources/policies/} as data.
 *
 * <p>Public surface: the enums, and {@link org.sibao.policy.PolicyReach} (reach totals for the dashboard, one
 * set-based query). It listens to {@code SubjectChanged} and the
 * whitelist's {@code EntryActivated} / {@code EntryRemoved}.
 *
 * <p>Decisions where the contract is silent:
 * <ul>
 * <li>Authors are ADMIN, HQ_OFFICER, SECTOR_OFFICER and DEPT_HANDLER: a policy belongs to its author's region and
 * is created, edited, simulated, versioned and published by authors whose region covers it (others: 403; a draft
 * outside the caller's region is 404). Everyone signed in reads published and expired policies; the public reads
 * published ones at {@code /public/policies}.</li>
 * <li>Applications are decided, and AUTO policies confirmed, by the policy's responsible department: a
 * DEPT_HANDLER or SECTOR_OFFICER whose department is the policy's {@code departmentCode}, or an HQ_OFFICER or ADMIN,
 * for subjects within the caller's region.</li>
 * <li>A policy is in force while PUBLISHED, {@code effectiveFrom ≤ today} (or no older version of its code is in
 * force) and not past {@code effectiveTo}; past it the policy reads as EXPIRED at once and a sweep stores the
 * status. Publishing a new version sets the old one's {@code effectiveTo} to the day before the new
 * {@code effectiveFrom}, which must be later than the old one's.</li>
 * <li>The seeded measures of the contract (NY40-06, -10, -16 among them) match on the facts API.md names; the
 * seed's "受疫情影响" (affected by the epidemic) is not a matching condition there but stated in the application and
 * checked by the deciding department (the benefit text says so). Other seeded measures built on it (NY40-13,
 * XX-07) keep {@code attributes.affectedByEpidemic}, which the enterprise supplies when asked.</li>
 * <li>The seeded library has no {@code effectiveTo} where the seed gives none for the measure as a whole; dated
 * parts (e.g. 缓缴至 2022 年底) are kept in the benefit text. Seeded policies are PUBLISHED on first start (demo and
 * production) and never loaded twice (by code).</li>
 * <li>{@code policy_match} keeps ELIGIBLE and UNKNOWN rows only: a missing row of a policy in force means
 * INELIGIBLE (at province scale that is nine rows in ten not written).</li>
 * <li>Pushes (one per subject and policy version) go to subjects whose stored outcome is ELIGIBLE; an enterprise
 * user reading its matches marks pushed ones VIEWED. Applying needs an APPLY policy and a fresh ELIGIBLE outcome
 * (409 otherwise); AUTO confirmation grants the computed benefit (0 when it cannot be computed).</li>
 * <li>{@code GET /api/v1/enterprises/{id}/policy-matches} is a list like the others ({@code ?page=&size=}, size ≤ 500
 * else 400 naming {@code size}), ordered ELIGIBLE, UNKNOWN, INELIGIBLE, then by code; without {@code size} it answers
 * every match (up to 500) in one page, as it did before paging, since clients read a subject's matches whole.</li>
 * <li>Amounts in this module end in {@code Yuan} and are yuan (the API's 万元 facts count ×10000 in formulas).</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policies")
package org.sibao.policy;
