package org.sibao.epidemic;

/** A region's operation (平急转换): normal, or emergency with closed-loop operation and tighter test intervals. */
public enum RegionMode {
    NORMAL, EMERGENCY
}
