/**
 * The "四保" whitelist (白名单, SPEC §4): versioned criteria per sector and level, applications with an instant
 * three-valued precheck (including the closed-loop readiness declarations), level-by-level review (逐级审核),
 * batches published for a publicity period (公示) with objections, entries and their removal (熔断), and chain
 * protection (链式保障) recommendations.
 * <p>
 * Public surface: the events {@link org.sibao.whitelist.EntryActivated} and {@link org.sibao.whitelist.EntryRemoved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Whitelist")
package org.sibao.whitelist;
