package org.sibao.coverage;

import org.sibao.region.Sector;

/** Coverage figures for other modules (the dashboard); callers check the reader's scope themselves. */
public interface Coverage {

    /** Coverage of a region (and everything under it), of one sector or of all sectors when {@code sector} is null. */
    CoverageFigure of(String regionCode, Sector sector);
}
