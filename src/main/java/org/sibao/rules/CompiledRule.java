package org.sibao.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule compiled once into a tree of Java predicates; thread-safe and immutable, so keep it with the policy or
 * criterion it belongs to. {@code asOf} is the business clock's today, used by dated ops (a {@code null} date
 * leaves them UNKNOWN).
 */
public final class CompiledRule {

    private final Rule rule;
    private final RuleNode root;
    private final Set<String> facts;

    CompiledRule(Rule rule, RuleNode root, Set<String> facts) {
        this.rule = rule;
        this.root = root;
        this.facts = Collections.unmodifiableSet(new LinkedHashSet<>(facts));
    }

    /** The outcome alone: the fast path for matching many subjects, allocation-free for non-dated facts. */
    public Truth evaluate(Facts subject, LocalDate asOf) {
        return root.test(subject, asOf);
    }

    /** The outcome with every condition's fact, expected and actual values and outcome, and the deciding ones. */
    public Explanation explain(Facts subject, LocalDate asOf) {
        List<ConditionOutcome> leaves = new ArrayList<>();
        Truth[] outcome = new Truth[1];
        List<ConditionOutcome> decisive = root.explain(subject, asOf, leaves, outcome);
        return new Explanation(outcome[0], leaves, decisive);
    }

    public Rule rule() {
        return rule;
    }

    /** The facts this rule reads: a subject whose other facts change need not be re-matched. */
    public Set<String> facts() {
        return facts;
    }
}
