package org.sibao.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled rule node. {@link #test} is the hot path: no allocation, {@code all}/{@code any} stop at the first
 * deciding child. {@link #explain} visits every node and records each leaf.
 */
abstract class RuleNode {

    abstract Truth test(Facts facts, LocalDate asOf);

    /** Adds every leaf outcome to {@code leaves}, returns the deciding leaves, outcome first in {@code out}. */
    abstract List<ConditionOutcome> explain(Facts facts, LocalDate asOf, List<ConditionOutcome> leaves, Truth[] out);

    static final class All extends RuleNode {
        private final RuleNode[] children;

        All(RuleNode[] children) {
            this.children = children;
        }

        @Override
        Truth test(Facts facts, LocalDate asOf) {
            Truth result = Truth.TRUE;
            for (RuleNode child : children) {
                Truth t = child.test(facts, asOf);
                if (t == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        List<ConditionOutcome> explain(Facts facts, LocalDate asOf, List<ConditionOutcome> leaves, Truth[] out) {
            return combine(children, facts, asOf, leaves, out, Truth.FALSE, Truth.TRUE);
        }
    }

    static final class Any extends RuleNode {
        private final RuleNode[] children;

        Any(RuleNode[] children) {
            this.children = children;
        }

        @Override
        Truth test(Facts facts, LocalDate asOf) {
            Truth result = Truth.FALSE;
            for (RuleNode child : children) {
                Truth t = child.test(facts, asOf);
                if (t == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        List<ConditionOutcome> explain(Facts facts, LocalDate asOf, List<ConditionOutcome> leaves, Truth[] out) {
            return combine(children, facts, asOf, leaves, out, Truth.TRUE, Truth.FALSE);
        }
    }

    /**
     * Kleene combination: {@code dominant} (FALSE for all, TRUE for any) wins and is decided by the children
     * that have it; otherwise UNKNOWN children decide; otherwise every child ({@code neutral}) does.
     */
    private static List<ConditionOutcome> combine(RuleNode[] children, Facts facts, LocalDate asOf,
            List<ConditionOutcome> leaves, Truth[] out, Truth dominant, Truth neutral) {
        List<List<ConditionOutcome>> decisive = new ArrayList<>(children.length);
        Truth[] outcomes = new Truth[children.length];
        Truth[] one = new Truth[1];
        boolean anyDominant = false;
        boolean anyUnknown = false;
        for (int i = 0; i < children.length; i++) {
            decisive.add(children[i].explain(facts, asOf, leaves, one));
            outcomes[i] = one[0];
            anyDominant |= one[0] == dominant;
            anyUnknown |= one[0] == Truth.UNKNOWN;
        }
        Truth result = anyDominant ? dominant : anyUnknown ? Truth.UNKNOWN : neutral;
        List<ConditionOutcome> deciding = new ArrayList<>();
        for (int i = 0; i < children.length; i++) {
            if (outcomes[i] == result) {
                deciding.addAll(decisive.get(i));
            }
        }
        out[0] = result;
        return deciding;
    }

    static final class Not extends RuleNode {
        private final RuleNode child;

        Not(RuleNode child) {
            this.child = child;
        }

        @Override
        Truth test(Facts facts, LocalDate asOf) {
            return child.test(facts, asOf).not();
        }

        @Override
        List<ConditionOutcome> explain(Facts facts, LocalDate asOf, List<ConditionOutcome> leaves, Truth[] out) {
            List<ConditionOutcome> deciding = child.explain(facts, asOf, leaves, out);
            out[0] = out[0].not();
            return deciding;
        }
    }
}
