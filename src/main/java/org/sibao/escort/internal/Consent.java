package org.sibao.escort.internal;

import java.time.OffsetDateTime;

/**
 * One side's word on a round of a shutdown's joint decision: {@code round} 0 is the request, n the n-th renewal
 * proposal (its first consent is the proposal, with the {@code days} proposed). {@code decision} AGREE or REFUSE;
 * {@code userName} and {@code regionCode} are the deciding officer's at the time ({@code regionName} filled on reads).
 */
record Consent(int round, ShutdownSide side, Decision decision, Integer days, String userId, String userName,
        String regionCode, String regionName, OffsetDateTime at, String comment) {

    enum Decision {
        AGREE, REFUSE
    }

    Consent withRegionName(String name) {
        return new Consent(round, side, decision, days, userId, userName, regionCode, name, at, comment);
    }

    public boolean agreed() {
        return decision == Decision.AGREE;
    }
}
