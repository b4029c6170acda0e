package org.sibao.logistics.internal;

/** PROPOSED → ACTIVE (confirmed by the supply side or the HQ) → ENDED; or PROPOSED → DECLINED. */
enum PairingStatus {
    PROPOSED, ACTIVE, ENDED, DECLINED
}
