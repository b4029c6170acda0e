package org.sibao.production.internal;

/** How the subject operated in the week: normally, at reduced output, in closed loop (闭环生产), or not at all. */
enum OperatingState {
    NORMAL, REDUCED, CLOSED_LOOP, SUSPENDED
}
