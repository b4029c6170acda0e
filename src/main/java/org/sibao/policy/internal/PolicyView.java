package org.sibao.policy.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.sibao.policy.PolicyCategory;
import org.sibao.policy.PolicyMode;
import org.sibao.policy.PolicyStatus;

import tools.jackson.databind.JsonNode;

/** A policy version in API responses; {@code status} as of the business date. */
record PolicyView(String id, String code, int version, String title, String issuer, String documentNumber,
        LocalDate issuedOn, LocalDate effectiveFrom, LocalDate effectiveTo, PolicyCategory category,
        String departmentCode, String regionCode, String summary, String text, JsonNode eligibility, Benefit benefit,
        PolicyMode mode, PolicyStatus status, Source source, String previousId, String eligibilityText,
        OffsetDateTime publishedAt, OffsetDateTime updatedAt) {

    record Benefit(String text, JsonNode formula) {
    }

    record Source(String document, String measure, String sentence) {
    }
}
