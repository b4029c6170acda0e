/**
 * 防疫保障 (seed 001 item 三: "防疫保障工作专班负责为每个工作专班配备 1 名疫情防控专家，为每个白名单企业（项目）配备专业防疫
 * 人员和结对帮扶医疗卫生机构，确保全覆盖").
 *
 * <p>Each whitelist subject gets one or more professional epidemic-prevention staff (专业防疫人员: name, organisation,
 * phone) and a partner medical institution (结对帮扶医疗卫生机构: name, contact person, phone). The coverage board
 * (确保全覆盖) lists every ACTIVE whitelist subject in the caller's scope by its first gap — 未配备防疫人员
 * ({@code NO_STAFF}), 未结对医疗机构 ({@code NO_INSTITUTION}) or 已全覆盖 ({@code COVERED}) — with figures (the
 * coverage rate is covered ÷ active), filters by region, sector and status, and an Excel export; beside it each
 * task force (专班, the fixed list {@link org.sibao.region.TaskForce}) of the region's HQ and its epidemic-prevention
 * expert (疫情防控专家), one per (region, task force).
 *
 * <p>API: {@code GET|PUT /api/v1/enterprises/{id}/epidemic-support}, {@code GET /api/v1/epidemic-support/coverage}
 * (paged, {@code ?regionCode=&sector=&status=NO_STAFF|NO_INSTITUTION|COVERED}), {@code GET
 * /api/v1/epidemic-support/coverage/summary?regionCode=&sector=}, {@code GET /api/v1/epidemic-support/experts?regionCode=}
 * and {@code PUT|DELETE /api/v1/epidemic-support/experts/{regionCode}/{taskForce}}. Pages {@code /epidemic-support},
 * {@code /epidemic-support/enterprises/{id}} (also loaded, in short, into the subject's page), {@code
 * /epidemic-support/coverage.xlsx}.
 *
 * <p>Decisions where the contract is silent:
 * <ul>
 * <li>EPIDEMIC_OFFICER (the 防疫保障 task force), HQ_OFFICER and ADMIN assign, for subjects and regions in their scope
 * (their region and below); anyone else who reads the subject (its enterprise users, its liaisons, sector officers
 * of its sector …) reads its support and gets 403 on a change; outside the scope 404. A subject not on the whitelist
 * (neither ACTIVE nor SUSPENDED) cannot be given support (409).</li>
 * <li>PUT replaces: staff left out are removed, an institution left out or null is unpaired. Names are required
 * (staff, institution, contact person), organisation optional; phones are required, an 11-digit mobile or a landline
 * with its area code (as a subject's contact phone); at most {@value
 * org.sibao.epidemicsupport.internal.SupportService#MAX_STAFF} staff.</li>
 * <li>Phones are stored encrypted ({@code PersonalDataCipher}) with a masked copy. They are in clear for ADMIN and
 * EPIDEMIC_OFFICER (who see personal data in clear on the platform) and for the subject's own enterprise users (the
 * ones to call their staff), masked for everyone else; experts' phones in clear for ADMIN and EPIDEMIC_OFFICER. A
 * phone sent back as the mask the caller was shown keeps the stored phone, so an HQ officer edits without seeing
 * them. The audit log holds names and organisations, never a phone. The board and its export show no phones.</li>
 * <li>The board is for ADMIN, HQ_OFFICER, EPIDEMIC_OFFICER, SUPERVISOR, SECTOR_OFFICER (its sector) and INTEGRATION;
 * others 403. It follows the whitelist live: a subject leaving it leaves the board, its support is kept.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Epidemic support")
package org.sibao.epidemicsupport;
