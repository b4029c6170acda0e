package org.sibao.identity.internal;

/** Which audit entries an administrator sees: the province sees every entry, others their region's. */
final class AuditScope {

    private AuditScope() {
    }

    /** @return the region prefix to filter on, or null for the province level (every entry) */
    static String prefixFor(String userRegionPrefix) {
        return userRegionPrefix == null || userRegionPrefix.length() <= 2 ? null : userRegionPrefix;
    }
}
