package org.sibao.escort.internal;

/**
 * Who decides a shutdown (both sides) or an inspection (the HQ side only): the configured level and, per side, the
 * region whose officers decide — the region of that level over the subject, or where it has nobody of the side's
 * role on the platform, the nearest region above that has. Officers of that region or above may decide.
 */
record Deciders(String level, String hqRegionCode, String hqRegionName, String epidemicRegionCode,
        String epidemicRegionName) {

    String regionOf(ShutdownSide side) {
        return side == ShutdownSide.HQ ? hqRegionCode : epidemicRegionCode;
    }

    String regionNameOf(ShutdownSide side) {
        return side == ShutdownSide.HQ ? hqRegionName : epidemicRegionName;
    }
}
