/**
 * Market subjects (市场主体, SPEC §3): enterprises, individual businesses, key projects and parks; USCC
 * validation; derived size class; incidents, supply-chain links and typed extra facts; Excel import/export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Market subjects")
package org.sibao.subject;
