package org.sibao.policy.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.sibao.policy.PolicyCategory;
import org.sibao.policy.PolicyMode;
import org.sibao.policy.PolicyStatus;

/** One version of a policy as stored; {@code eligibility} and {@code benefitFormula} are JSON text. */
record PolicyRow(String id, String code, int versionNo, String title, String issuer, String documentNumber,
        LocalDate issuedOn, LocalDate effectiveFrom, LocalDate effectiveTo, PolicyCategory category,
        String departmentCode, String regionCode, String summary, String text, String eligibility, String benefitText,
        String benefitFormula, PolicyMode mode, PolicyStatus status, String sourceDocument, String sourceMeasure,
        String sourceSentence, String previousId, boolean seeded, OffsetDateTime publishedAt, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The status as of {@code today}: a published policy past its effectiveTo reads EXPIRED before the sweep stores it. */
    PolicyStatus statusOn(LocalDate today) {
        if (status == PolicyStatus.PUBLISHED && effectiveTo != null && effectiveTo.isBefore(today)) {
            return PolicyStatus.EXPIRED;
        }
        return status;
    }
}
