/**
 * The "四保" whitelist (白名单, SPEC §4): versioned criteria per sector and level, applications with an instant
 * three-valued precheck (including the closed-loop readiness declarations), level-by-level review (逐级审核),
 * batches published for a publicity period (公示) with objections, entries and their removal (熔断), and chain
 * protection (链式保障) recommendations.
 * <p>
 * Lists ({@code /api/v1/whitelist/applications|entries|batches|objections|recommendations} and the public
 * {@code /public/whitelist}) answer the envelope {@code {"items","page","size","total"}} with {@code ?page=&size=}
 * (size ≤ 500, else 400 naming {@code size}). Applications and entries default to 20 a page; batches, objections,
 * recommendations and the public list, which answered everything before they were paged, to 500. Filters are
 * checked by {@code WhitelistFilters}: an unknown {@code status}, {@code sector} or {@code regionCode} (a code that
 * names no region) is a 400 naming each, with a bad page or size, at once; a known region outside the caller's
 * scope gives an empty list. The public page (HTML) shows the messages above an empty list instead.
 * <p>
 * Public surface: the events {@link org.sibao.whitelist.EntryActivated} and {@link org.sibao.whitelist.EntryRemoved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Whitelist")
package org.sibao.whitelist;
