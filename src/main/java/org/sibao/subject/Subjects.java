package org.sibao.subject;

import java.util.Optional;

import org.sibao.identity.DataScope;

/**
 * The subject module's public surface: facts for rules and views, and the states other modules own
 * (whitelist standing, operation mode). Reads are always filtered by a {@link DataScope}; outside it a subject
 * does not exist. Changes publish {@link SubjectChanged}.
 */
public interface Subjects {

    /** A subject within the signed-in user's scope. */
    Optional<SubjectFacts> find(String id);

    /** A subject within an explicit scope ({@link DataScope#system()} for schedules and event listeners). */
    Optional<SubjectFacts> find(String id, DataScope scope);

    /** Number of subjects in a scope, and how many of them are on the whitelist (ACTIVE). */
    Counts count(DataScope scope);

    /** Sets the whitelist standing (called by the whitelist module); {@code level} may be null. Audited. */
    void setWhitelistStatus(String id, WhitelistStatus status, String level);

    /** Switches normal / closed-loop operation (called by the epidemic module). Audited. */
    void setOperationMode(String id, OperationMode mode);

    record Counts(long subjects, long whitelisted) {
    }
}
