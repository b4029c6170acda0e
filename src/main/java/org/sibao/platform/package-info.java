/**
 * Cross-cutting pieces every module uses: the business clock and drill mode, problem+json errors and
 * validation, paging, the append-only audit log, Excel import/export and background jobs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.sibao.platform;
