package org.sibao.rules;

import java.util.List;
import java.util.Objects;

/**
 * A validated rule tree. JSON: {@code {"all":[RULE…]}}, {@code {"any":[RULE…]}}, {@code {"not":RULE}} or a
 * condition {@code {"fact","op","value"}}. Obtain one from {@link RuleEngine#parse}; compile it with
 * {@link RuleEngine#compile(Rule)}.
 */
public sealed interface Rule permits Rule.All, Rule.Any, Rule.Not, Rule.Condition {

    record All(List<Rule> rules) implements Rule {
        public All {
            rules = List.copyOf(rules);
        }
    }

    record Any(List<Rule> rules) implements Rule {
        public Any {
            rules = List.copyOf(rules);
        }
    }

    record Not(Rule rule) implements Rule {
        public Not {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /**
     * A leaf. {@code value} is typed by the fact and op: {@link String} (a code), {@code List<String>} (in, notIn,
     * within several regions), {@link Long} (integer facts), {@link java.math.BigDecimal}, {@link Boolean} (boolean
     * facts, and exists: {@code false} means "must be missing"), or {@link Window} (dated ops).
     */
    record Condition(Fact fact, Op op, Object value) implements Rule {
        public Condition {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(op, "op");
        }
    }
}
