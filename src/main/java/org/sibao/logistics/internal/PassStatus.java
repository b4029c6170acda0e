package org.sibao.logistics.internal;

/** PENDING → APPROVED | REJECTED; APPROVED → REVOKED. EXPIRED is how an approved pass past its validTo reads. */
enum PassStatus {
    PENDING, APPROVED, REJECTED, REVOKED, EXPIRED
}
