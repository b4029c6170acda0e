package org.sibao.epidemic;

import java.util.List;

/** Which regions are in emergency mode, for dashboards and other modules. */
public interface EmergencyModes {

    /** EMERGENCY when the region or one of its ancestors was switched to EMERGENCY. */
    RegionMode effectiveMode(String regionCode);

    /**
     * Codes of the regions switched to EMERGENCY that put a region in emergency or lie under it: those at or under
     * the prefix, and the ancestor whose switch covers it (a county under its city's emergency counts the city).
     */
    List<String> regionsInEmergency(String regionPrefix);
}
