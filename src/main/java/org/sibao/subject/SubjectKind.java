package org.sibao.subject;

/** What kind of market subject: an enterprise, an individual business (个体工商户), a key project or a park. */
public enum SubjectKind {
    ENTERPRISE, INDIVIDUAL_BUSINESS, PROJECT, PARK
}
