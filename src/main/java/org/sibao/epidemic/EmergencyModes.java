package org.sibao.epidemic;

import java.util.List;

/** Which regions are in emergency mode, for dashboards and other modules. */
public interface EmergencyModes {

    /** EMERGENCY when the region or one of its ancestors was switched to EMERGENCY. */
    RegionMode effectiveMode(String regionCode);

    /** Codes of the regions switched to EMERGENCY (themselves, not by an ancestor) under a region prefix. */
    List<String> regionsInEmergency(String regionPrefix);
}
