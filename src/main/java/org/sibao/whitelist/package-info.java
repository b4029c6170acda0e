/**
 * The "四保" whitelist (白名单, SPEC §4): versioned criteria per sector and level, applications with an instant
 * three-valued precheck (including the closed-loop readiness declarations), level-by-level review (逐级审核),
 * batches published for a publicity period (公示) with objections, entries and their removal (熔断), and chain
 * protection (链式保障) recommendations.
 * <p>
 * Review path: the sector department (SECTOR_OFFICER of the application's sector) at the subject's county, then
 * its city, then the province, up to the level applied for. A step whose region has no enabled sector officer of
 * that sector is taken by the nearest region above it that has one (county → its city → the province): the step
 * keeps its level ({@code dueLevel}, a review's {@code level}) but its region ({@code dueRegionCode}, a review's
 * {@code regionCode}, the notice of a due review) is the region that actually reviews. Consecutive steps that end
 * up at the same region merge into one step recorded at the higher level (济源's county and city; a county taken by
 * its city). The reviewers are looked up at submission for the first step and at each approval for the next one,
 * so a reviewer added since counts from the next step on; a step already due stays where it is. Where no region up
 * to the province has one, the step stays at its own region.
 * <p>
 * Lists ({@code /api/v1/whitelist/applications|entries|batches|objections|recommendations} and the public
 * {@code /public/whitelist}) answer the envelope {@code {"items","page","size","total"}} with {@code ?page=&size=}
 * (size ≤ 500, else 400 naming {@code size}). Applications and entries default to 20 a page; batches, objections,
 * recommendations and the public list, which answered everything before they were paged, to 500. Filters are
 * checked by {@code WhitelistFilters}: an unknown {@code status}, {@code sector} or {@code regionCode} (a code that
 * names no region) is a 400 naming each, with a bad page or size, at once; a known region outside the caller's
 * scope gives an empty list. The public page (HTML) shows the messages above an empty list instead.
 * <p>
 * The selection criteria are public too ("遴选标准和管理办法并向社会公布", "申报标准向社会公开"): the page
 * {@code /public/whitelist/criteria?sector=&regionCode=} (no login, like every {@code /public/**} page; HTML only, no
 * script) lists each published set in force by sector, level and region — the province-wide default and each county
 * or city department's latest version, or with a region the sets that apply to its subjects — every criterion by
 * kind with the plain-Chinese rule the criteria editor previews, never the JSON or who published it. The public
 * whitelist links to it; an unknown sector or region is shown above an empty page.
 * <p>
 * Public surface: the events {@link org.sibao.whitelist.EntryActivated} and {@link org.sibao.whitelist.EntryRemoved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Whitelist")
package org.sibao.whitelist;
