package org.sibao.region;

/** The HQ task forces (专班) of 开封's dispatch mechanism; 南阳 calls SUPERVISION 督导检查组. */
public enum TaskForce {
    COORDINATION, INDUSTRY, COMMERCE, TRANSPORT, CULTURE_TOURISM, KEY_PROJECT, EPIDEMIC, SUPERVISION
}
