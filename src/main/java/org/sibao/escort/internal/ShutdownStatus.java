package org.sibao.escort.internal;

/** PENDING → ACTIVE (approved) or REFUSED; ACTIVE → ENDED when its time passes or when lifted early. */
enum ShutdownStatus {
    PENDING, ACTIVE, REFUSED, ENDED
}
