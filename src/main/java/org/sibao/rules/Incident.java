package org.sibao.rules;

import java.time.LocalDate;
import java.util.Objects;

/** A dated compliance event of a subject: kind SAFETY, QUALITY, ENVIRONMENT, DISHONESTY or FRAUD. */
public record Incident(String kind, LocalDate date) {

    public Incident {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
    }
}
