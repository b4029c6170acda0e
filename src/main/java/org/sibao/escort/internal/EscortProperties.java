package org.sibao.escort.internal;

import org.sibao.region.RegionLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sibao.escort.*}: the level that decides (COUNTY, CITY or PROVINCE; CITY by default, per seed 003 — 确需关停的经
 * 市疫情防控指挥部和市常态化疫情防控下经济运行调度机制指挥部会商研判 — and seed 001 for inspections — 确需开展的需经市级
 * 常态化疫情防控下经济运行调度机制指挥部批准).
 *
 * @param shutdownDecisionLevel   where both commands consent to a shutdown (and its renewal)
 * @param inspectionApprovalLevel where the HQ office approves an inspection that needs approval
 */
@ConfigurationProperties("sibao.escort")
record EscortProperties(RegionLevel shutdownDecisionLevel, RegionLevel inspectionApprovalLevel) {

    EscortProperties {
        shutdownDecisionLevel = shutdownDecisionLevel == null ? RegionLevel.CITY : shutdownDecisionLevel;
        inspectionApprovalLevel = inspectionApprovalLevel == null ? RegionLevel.CITY : inspectionApprovalLevel;
    }
}
