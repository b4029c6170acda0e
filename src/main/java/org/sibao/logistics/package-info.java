/**
 * Logistics (保物流畅通, SPEC §9): vehicle passes (通行证) for carriers serving whitelist subjects, with a signed code
 * every checkpoint verifies without login, and the transport whitelist of drivers; pairing (结对合作) of industrial,
 * tourism and key-project subjects with transport, commerce and lodging subjects.
 *
 * <p>API: {@code POST /api/v1/passes} (201 PENDING), {@code GET /api/v1/passes?status=}, {@code GET /api/v1/passes/{id}},
 * {@code POST /api/v1/passes/{id}/approve|reject|revoke}, {@code GET /api/v1/passes/drivers?regionCode=}; public
 * {@code GET /public/passes/verify?code=} (JSON, or a Chinese page when the client accepts {@code text/html}), the
 * same JSON check under the API base path {@code GET /api/v1/public/passes/verify?code=} (no token needed, none
 * looked at), and the form {@code /public/passes/check}. Pages {@code /passes}, {@code /passes/{id}}, {@code /passes/new}.
 *
 * <p>Decisions:
 * <ul>
 * <li>Filing: the carrier's own ENTERPRISE user, a LIAISON assigned to the carrier, or an HQ_OFFICER or a
 * TRANSPORT SECTOR_OFFICER whose region covers the carrier (other roles 403; a carrier outside the caller's scope
 * 404). The carrier must exist; every served enterprise must exist (400 on {@code servedEnterpriseIds[i]}) and be
 * ACTIVE on the whitelist (409 naming {@code servedEnterpriseIds[i]}).</li>
 * <li>{@code validFrom}/{@code validTo} accept a date ({@code 2022-06-01}: from the start of that day, to its end,
 * Asia/Shanghai) or an ISO date-time with offset; {@code validFrom ≤ validTo}, {@code validTo} not in the past and
 * at most 90 days after {@code validFrom}. Responses carry both as date-times with offset.</li>
 * <li>Plates: province abbreviation + the issuing authority's letter A–Z without I and O (never issued) + 5
 * characters of A–Z (without I and O) and 0–9; or a new-energy plate with 6: {@code D|F} + letter/digit + 4 digits
 * (small cars) or 5 digits + {@code D|F} (large vehicles); or a trailer plate with 4 characters + {@code 挂}
 * ({@code 豫A1234挂}).</li>
 * <li>Reading: officials see the passes of carriers in their region whatever the carrier's sector (passes are a
 * transport matter); an ENTERPRISE user its own; a LIAISON its assigned carriers. Outside: 404.</li>
 * <li>Approving and rejecting (with a reason): only a TRANSPORT SECTOR_OFFICER whose region covers the carrier
 * (other officials 403); only PENDING passes (else 409). Revoking: the same officers or the carrier's own user, only
 * APPROVED passes. An approved pass past {@code validTo} on the business clock reads as EXPIRED.</li>
 * <li>The code is {@code <pass id>.<base64url HMAC-SHA256(id|plate|validTo epoch seconds)>} under
 * {@code sibao.passes.signing-key} (SIBAO_PASS_SIGNING_KEY, required in production; generated per install in demo
 * mode and kept in {@code platform_setting}).</li>
 * <li>Verification: valid when the signature matches, the pass is APPROVED, the business clock is within
 * {@code validFrom}–{@code validTo} and at least one served subject is still on the whitelist (ACTIVE, or SUSPENDED
 * by a shutdown). A valid code answers {@code valid}, {@code plateNumber}, {@code validTo} and, for the checkpoint's
 * point-to-point check, {@code validFrom}, {@code origin}, {@code destination}, {@code carrierName},
 * {@code servedEnterprises} (the names of the served subjects still on the whitelist) and {@code drivers} (names
 * masked: 张*, 欧阳**); never an ID number or a phone, not even masked. An invalid code answers
 * {@code {"valid":false,"plateNumber":null,"validTo":null}} and nothing else; the Chinese page says why only for an
 * authentic code (已撤销, 已撤销：服务企业已移出白名单, 已过期, 尚未生效), never for a forged one, and never the
 * revocation's text.</li>
 * <li>熔断: when a whitelist entry is removed ({@code EntryRemoved}, after commit), every APPROVED, unexpired pass
 * that served the subject and serves no subject still on the whitelist (ACTIVE or SUSPENDED: a shutdown of at most
 * 3 days keeps the passes) is revoked by the platform ({@code revokedBy} {@code system}, the reason naming the
 * removed subject), found and revoked set-wise, audited as {@code passes.revoke}; the carrier's users and the
 * TRANSPORT sector officers of the carrier's county and city are notified. A pass still serving another whitelist
 * subject stays valid; a PENDING one stays pending (its approval checks the served subjects again).</li>
 * <li>The drivers' list ({@code /passes/drivers}) holds the drivers of APPROVED passes valid now on the business
 * clock, of carriers under {@code regionCode} (default: the caller's region; outside the caller's region 404); for
 * TRANSPORT sector officers, HQ officers and the administrator (others 403).</li>
 * <li>Served enterprises are looked up platform-wide (a carrier's user cannot otherwise name its customers).</li>
 * <li>Driver ID numbers and phones are encrypted at rest under {@code sibao.personal-data.key}, answered masked,
 * never logged or written to the audit log in clear.</li>
 * </ul>
 *
 * <p>Pairing API: {@code POST /api/v1/pairings} {@code {"demandEnterpriseId","supplyEnterpriseId","kind","note"}}
 * (201 PROPOSED), {@code GET /api/v1/pairings?regionCode=&status=&enterpriseId=}, {@code GET /api/v1/pairings/{id}},
 * {@code POST /api/v1/pairings/{id}/confirm|decline|end} ({@code {"reason"}} optional),
 * {@code GET /api/v1/enterprises/{id}/pairing-suggestions?kind=&limit=}. Pages {@code /pairings} (with filters and
 * {@code /pairings/export} to Excel), {@code /pairings/{id}}, {@code /pairings/propose}.
 * <ul>
 * <li>The demand side is an INDUSTRY, CULTURE_TOURISM or KEY_PROJECT subject; the supply side fits the kind:
 * TRANSPORT (运输保障) a TRANSPORT subject, SUPPLY (物资供应) a COMMERCE subject, LODGING (住宿保障) a COMMERCE
 * subject whose industry division is 61 住宿业 or 62 餐饮业 (GB/T 4754 section H). Otherwise 400 naming
 * {@code demandEnterpriseId} or {@code supplyEnterpriseId}; so is a subject that does not exist or lies outside the
 * proposer's scope.</li>
 * <li>Proposing: an HQ_OFFICER, or a SECTOR_OFFICER of either side's sector, whose region covers both subjects; or
 * the demand enterprise's own user (the supply side is then looked up platform-wide). Other roles 403. A second
 * PROPOSED or ACTIVE pairing of the same two subjects and kind → 409.</li>
 * <li>PROPOSED → ACTIVE (confirm) or DECLINED (decline): the supply enterprise's own user or an HQ officer.
 * ACTIVE → ENDED: either enterprise's own user or an HQ officer. Others who can see the pairing 403; any other
 * transition 409. The other side's enterprise users and liaisons are notified.</li>
 * <li>Reading: a pairing is visible when either side lies in the caller's scope (a TRANSPORT sector officer sees the
 * pairings of its region's carriers); outside 404.</li>
 * <li>Suggestions: supply subjects of the kind, without an open pairing of that kind with the demand subject,
 * ranked same county, same city, the rest of the province; whitelist ACTIVE first; fewest ACTIVE pairings first;
 * then by name. Officials get candidates under their own region (where they may propose), enterprises the whole
 * province. One SQL statement over the subject table.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Logistics")
package org.sibao.logistics;
