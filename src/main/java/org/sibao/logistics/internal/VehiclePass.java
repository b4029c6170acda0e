package org.sibao.logistics.internal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A vehicle pass (通行证). {@code code} is set once approved; drivers are always masked here.
 */
record VehiclePass(String id, String carrierEnterpriseId, String carrierName, String carrierRegionCode,
        String carrierSector, String plateNumber, List<Driver> drivers, String origin, String destination,
        OffsetDateTime validFrom, OffsetDateTime validTo, List<Served> servedEnterprises, PassStatus status,
        String code, String requestedBy, OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt,
        String decisionComment, String revokedBy, OffsetDateTime revokedAt, int version) {

    /** A driver as answered: ID number and phone masked. */
    record Driver(String name, String idNumber, String phone) {
    }

    record Served(String enterpriseId, String enterpriseName) {
    }

    List<String> servedEnterpriseIds() {
        return servedEnterprises.stream().map(Served::enterpriseId).toList();
    }

    /** This pass revoked by {@code by} at {@code at}, its comment replaced when one is given. */
    VehiclePass revoked(String comment, String by, OffsetDateTime at) {
        return new VehiclePass(id, carrierEnterpriseId, carrierName, carrierRegionCode, carrierSector, plateNumber,
                drivers, origin, destination, validFrom, validTo, servedEnterprises, PassStatus.REVOKED, code,
                requestedBy, requestedAt, decidedBy, decidedAt, comment == null ? decisionComment : comment, by, at,
                version + 1);
    }

    VehiclePass withStatus(PassStatus s) {
        return new VehiclePass(id, carrierEnterpriseId, carrierName, carrierRegionCode, carrierSector, plateNumber,
                drivers, origin, destination, validFrom, validTo, servedEnterprises, s, code, requestedBy, requestedAt,
                decidedBy, decidedAt, decisionComment, revokedBy, revokedAt, version);
    }
}
