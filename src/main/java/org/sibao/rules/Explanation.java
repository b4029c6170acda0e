package org.sibao.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule's outcome with every leaf condition's outcome (in rule order) and the conditions that decided it: for
 * FALSE the failing conditions that made it false ("why ineligible"), for UNKNOWN the conditions whose missing
 * facts leave it open ("what information is missing"), for TRUE the conditions that made it true.
 */
public record Explanation(Truth outcome, List<ConditionOutcome> conditions, List<ConditionOutcome> decisive) {

    public Explanation {
        conditions = List.copyOf(conditions);
        decisive = List.copyOf(decisive);
    }

    /** Facts whose absence leaves the outcome UNKNOWN; empty unless the outcome is UNKNOWN. */
    public Set<String> missingFacts() {
        Set<String> facts = new LinkedHashSet<>();
        if (outcome == Truth.UNKNOWN) {
            for (ConditionOutcome c : decisive) {
                if (c.outcome() == Truth.UNKNOWN) {
                    facts.add(c.fact());
                }
            }
        }
        return facts;
    }
}
