package org.sibao.subject;

/** Published after a subject was created or its facts changed (in the same transaction, via the event registry). */
public record SubjectChanged(String id) {
}
