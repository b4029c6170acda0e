/**
 * Identity and data scope: users with roles (SPEC §2), password rules, login throttling, web login and API
 * bearer tokens, and the one scope mechanism ({@link org.sibao.identity.DataScope}) that every module's data
 * layer applies to its reads, lists, counts and exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and data scope")
package org.sibao.identity;
