package org.sibao.region;

public enum RegionLevel {
    PROVINCE, CITY, COUNTY
}
