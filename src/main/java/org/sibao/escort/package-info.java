/**
 * Production escort (生产护航, SPEC §4): inspections of whitelist subjects need the HQ's approval (except
 * epidemic prevention, work safety and entry-exit quarantine), and a shutdown or limitation needs the HQ's
 * decision and lasts at most 3 days unless renewed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Production escort")
package org.sibao.escort;
