package org.sibao.rules;

/**
 * How one leaf condition came out: {@code fact}, {@code op}, {@code expected}, {@code actual} and
 * {@code outcome} are the fields of an API explanation item; {@code path} locates the condition in the rule
 * (e.g. {@code all[1].any[0]}). {@code actual} is {@code null} for a missing fact; for dated ops it lists the
 * events that fell inside the window.
 */
public record ConditionOutcome(String path, String fact, String op, Object expected, Object actual,
        Truth outcome) {
}
