package org.sibao.rules;

import java.util.Optional;

/**
 * Condition operators. The first eleven are the API contract (API.md "Policies"); {@code noneWithin} and
 * {@code anyWithin} are this engine's extension for dated facts such as {@code incidents}.
 */
public enum Op {
    EQ("eq"), NE("ne"), IN("in"), NOT_IN("notIn"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), WITHIN("within"),
    HAS("has"), EXISTS("exists"),
    /** No dated event of the given kinds in the window ending on the evaluation date. */
    NONE_WITHIN("noneWithin"),
    /** At least one dated event of the given kinds in the window ending on the evaluation date. */
    ANY_WITHIN("anyWithin");

    private final String json;

    Op(String json) {
        this.json = json;
    }

    /** The name used in rule JSON, e.g. {@code notIn}. */
    public String json() {
        return json;
    }

    public static Optional<Op> fromJson(String name) {
        for (Op op : values()) {
            if (op.json.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return json;
    }
}
