package org.sibao.subject;

import java.time.LocalDate;

/** One entry of a subject's compliance history. */
public record Incident(IncidentKind kind, LocalDate date) {
}
