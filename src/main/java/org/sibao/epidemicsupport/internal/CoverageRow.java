package org.sibao.epidemicsupport.internal;

import java.util.List;

/**
 * An ACTIVE whitelist subject on the coverage board.
 *
 * @param staff       the names of its assigned staff, in their order
 * @param institution its partner institution's name, null if none
 */
record CoverageRow(String enterpriseId, String name, String regionCode, String sector, List<String> staff,
        String institution, CoverageStatus status) {
}
