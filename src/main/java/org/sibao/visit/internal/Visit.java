package org.sibao.visit.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A recorded visit, as the API and the pages show it. */
record Visit(String id, String enterpriseId, String enterpriseName, String regionCode, String sector,
        LocalDate visitedOn, VisitMethod method, String findings, String appealId, String visitorName,
        OffsetDateTime createdAt) {
}
