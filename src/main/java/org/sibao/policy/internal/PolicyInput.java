package org.sibao.policy.internal;

import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

/**
 * A policy as written by an author (API and form): {@code eligibility} is a RULE, {@code benefit} is
 * {@code {"text", "formula"?}} with a rules {@code BenefitFormula}. Enums arrive as text so that a bad value is a
 * 400 naming the field.
 */
record PolicyInput(String code, String title, String issuer, String documentNumber, LocalDate issuedOn,
        LocalDate effectiveFrom, LocalDate effectiveTo, String category, String departmentCode, String summary,
        String text, JsonNode eligibility, JsonNode benefit, String mode, Source source) {

    record Source(String document, String measure, String sentence) {
    }
}
