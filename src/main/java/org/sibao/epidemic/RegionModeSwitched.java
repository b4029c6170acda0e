package org.sibao.epidemic;

import java.time.OffsetDateTime;

/**
 * An HQ officer switched a region between NORMAL and EMERGENCY (平急转换).
 *
 * @param regionPrefix        prefix the codes of the region's divisions start with
 * @param affectedEnterprises subjects whose operation mode the switch set
 */
public record RegionModeSwitched(String regionCode, String regionPrefix, RegionMode mode, int affectedEnterprises,
        OffsetDateTime switchedAt, String reason) {
}
