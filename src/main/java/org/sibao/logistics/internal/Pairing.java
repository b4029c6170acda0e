package org.sibao.logistics.internal;

import java.time.OffsetDateTime;

/** A pairing (结对) between a demand subject and the supply subject serving it, as the API answers it. */
record Pairing(String id, PairingKind kind, PairingStatus status, String demandEnterpriseId, String demandName,
        String demandRegionCode, String demandSector, String supplyEnterpriseId, String supplyName,
        String supplyRegionCode, String supplySector, String note, String proposedBy, OffsetDateTime proposedAt,
        String decidedBy, OffsetDateTime decidedAt, String endedBy, OffsetDateTime endedAt, String reason, int version) {

    Pairing decided(PairingStatus to, String userId, OffsetDateTime at, String why) {
        return new Pairing(id, kind, to, demandEnterpriseId, demandName, demandRegionCode, demandSector,
                supplyEnterpriseId, supplyName, supplyRegionCode, supplySector, note, proposedBy, proposedAt, userId, at,
                endedBy, endedAt, why == null ? reason : why, version + 1);
    }

    Pairing ended(String userId, OffsetDateTime at, String why) {
        return new Pairing(id, kind, PairingStatus.ENDED, demandEnterpriseId, demandName, demandRegionCode,
                demandSector, supplyEnterpriseId, supplyName, supplyRegionCode, supplySector, note, proposedBy,
                proposedAt, decidedBy, decidedAt, userId, at, why == null ? reason : why, version + 1);
    }
}
