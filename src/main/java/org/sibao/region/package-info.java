/**
 * Reference data: Henan's administrative divisions (province → city → county, as prefix paths), the five
 * sectors (领域), the department catalogue present in every region, the HQ task forces (专班) and the
 * GB/T 4754-2017 industry classification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions and reference data")
package org.sibao.region;
