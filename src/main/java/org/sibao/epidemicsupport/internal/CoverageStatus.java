package org.sibao.epidemicsupport.internal;

/**
 * A whitelist subject on the coverage board, by its first gap: no staff assigned (未配备防疫人员), staff but no partner
 * institution (未结对医疗机构), or both (已全覆盖).
 */
enum CoverageStatus {
    NO_STAFF, NO_INSTITUTION, COVERED;

    static CoverageStatus of(int staff, boolean institution) {
        return staff == 0 ? NO_STAFF : institution ? COVERED : NO_INSTITUTION;
    }
}
