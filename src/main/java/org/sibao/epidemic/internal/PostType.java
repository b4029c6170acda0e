package org.sibao.epidemic.internal;

/** Post types of SPEC §8: fixed posts, mobile/contact posts (logistics, sales), city supply (water, power, gas …). */
enum PostType {
    FIXED, MOBILE, CITY_SUPPLY
}
