package org.sibao.escort.internal;

/** NOT_REQUIRED: a kind that needs no approval, recorded as filed. PENDING → APPROVED or REFUSED by the HQ. */
enum InspectionStatus {
    NOT_REQUIRED, PENDING, APPROVED, REFUSED
}
