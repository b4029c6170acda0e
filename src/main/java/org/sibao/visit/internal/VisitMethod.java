package org.sibao.visit.internal;

/** How a liaison visited: on site (实地走访), by phone (电话回访) or by video (视频连线). */
enum VisitMethod {
    ON_SITE, PHONE, VIDEO
}
