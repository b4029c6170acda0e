package org.sibao.logistics.internal;

import java.util.Set;

import org.sibao.region.Sector;

/**
 * What the supply side provides: transport (a TRANSPORT subject), supplies (a COMMERCE subject) or lodging (a
 * COMMERCE subject of GB/T 4754 section H, 住宿和餐饮业: divisions 61 住宿业 and 62 餐饮业).
 */
enum PairingKind {
    TRANSPORT(Sector.TRANSPORT, Set.of()),
    SUPPLY(Sector.COMMERCE, Set.of()),
    LODGING(Sector.COMMERCE, Set.of("61", "62"));

    /** The sectors of the demand side: industry, culture and tourism, key projects. */
    static final Set<Sector> DEMAND_SECTORS = Set.of(Sector.INDUSTRY, Sector.CULTURE_TOURISM, Sector.KEY_PROJECT);

    private final Sector supplySector;
    private final Set<String> industryCodes;

    PairingKind(Sector supplySector, Set<String> industryCodes) {
        this.supplySector = supplySector;
        this.industryCodes = industryCodes;
    }

    Sector supplySector() {
        return supplySector;
    }

    /** Industry divisions the supply side must be in; empty for any. */
    Set<String> industryCodes() {
        return industryCodes;
    }

    boolean fits(Sector sector, String industryCode) {
        return sector == supplySector && (industryCodes.isEmpty() || industryCodes.contains(industryCode));
    }
}
