package org.sibao.subject;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.sibao.identity.DataScope;

/**
 * The subject module's public surface: facts for rules and views, and the states other modules own
 * (whitelist standing, operation mode). Reads are always filtered by a {@link DataScope}; outside it a subject
 * does not exist. Changes publish {@link SubjectChanged}.
 */
public interface Subjects {

    /** A subject within the signed-in user's scope. */
    Optional<SubjectFacts> find(String id);

    /** The identity of a subject within the signed-in user's scope, read without its facts. */
    Optional<SubjectRef> ref(String id);

    /**
     * The id of the one subject within {@code scope} that a person's text names — its id, its USCC, its exact name,
     * or a picker's label "名称 · USCC" — for web forms; empty when none or several match.
     */
    Optional<String> resolve(String text, DataScope scope);

    /**
     * Subjects ACTIVE on the whitelist whose name or USCC contains the text, province-wide (the whitelist is public),
     * for pickers such as a pass's served enterprises; at most {@code max}, by name.
     */
    List<SubjectFacts> whitelisted(String text, int max);

    /** A subject within an explicit scope ({@link DataScope#system()} for schedules and event listeners). */
    Optional<SubjectFacts> find(String id, DataScope scope);

    /** Number of subjects in a scope, and how many of them are on the whitelist (ACTIVE). */
    Counts count(DataScope scope);

    /** Sets the whitelist standing (called by the whitelist module); {@code level} may be null. Audited. */
    void setWhitelistStatus(String id, WhitelistStatus status, String level);

    /** Switches normal / closed-loop operation (called by the epidemic module). Audited. */
    void setOperationMode(String id, OperationMode mode);

    /**
     * Sets the operation mode of every subject under a region at once, with one UPDATE (平急转换). Audited as one
     * entry; publishes no per-subject {@link SubjectChanged} (the caller publishes its own event for the switch).
     *
     * @param regionPrefix     region prefix ({@code 4101}) the subjects' county codes start with
     * @param whitelistStatus  only subjects with this standing; null for every standing
     * @param excludedPrefixes subjects under any of these prefixes are left as they are
     * @return how many subjects the statement matched
     */
    int setOperationModeUnder(String regionPrefix, WhitelistStatus whitelistStatus, OperationMode mode,
            List<String> excludedPrefixes);

    /** Same as {@link #setOperationModeUnder(String, WhitelistStatus, OperationMode, List)} without exclusions. */
    default int setOperationModeUnder(String regionPrefix, WhitelistStatus whitelistStatus, OperationMode mode) {
        return setOperationModeUnder(regionPrefix, whitelistStatus, mode, List.of());
    }

    /** Ids of the subjects under a region prefix with a whitelist standing (null: any), for notices and jobs. */
    List<String> idsUnder(String regionPrefix, WhitelistStatus whitelistStatus);

    /**
     * Every subject within {@code scope}, read in keyset pages of {@code pageSize} (children loaded per page), for
     * set-based work such as policy matching over all subjects.
     */
    void forEach(DataScope scope, int pageSize, Consumer<SubjectFacts> action);

    /**
     * Sets one extra fact of the {@link SubjectAttribute} catalogue ({@code value} null clears it) on a subject
     * within {@code scope}: 404 outside it, 400 on {@code attributes.<key>} for an unknown key or a value of the
     * wrong type. Audited; publishes {@link SubjectChanged}.
     */
    SubjectFacts setAttribute(String id, String key, Object value, DataScope scope);

    record Counts(long subjects, long whitelisted) {
    }
}
