package org.sibao.subject;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of extra typed facts policies and criteria need. Add a constant (and its labels
 * {@code subject.attribute.<name>} in the subject bundles) to add a fact; the API, import, export and forms follow.
 */
public enum SubjectAttribute {
    /** 租用国有房产 (rent relief policies). */
    RENTS_STATE_OWNED_PREMISES("rentsStateOwnedPremises", Type.BOOLEAN),
    /** 二季度满负荷生产 (Q2 full-capacity production). */
    FULL_CAPACITY_Q2("fullCapacityQ2", Type.BOOLEAN),
    /** 营业收入增速 % (may be negative). */
    REVENUE_GROWTH_PCT("revenueGrowthPct", Type.NUMBER),
    /** 采样亭购置费用, 元 (not negative). */
    BOOTH_COST_YUAN("boothCostYuan", Type.NUMBER),
    /** 受疫情影响 (relief policies for subjects hit by the epidemic); supplied by the subject, never guessed. */
    AFFECTED_BY_EPIDEMIC("affectedByEpidemic", Type.BOOLEAN);

    /** The value types of the catalogue. */
    public enum Type {
        BOOLEAN, NUMBER
    }

    private final String key;
    private final Type type;

    SubjectAttribute(String key, Type type) {
        this.key = key;
        this.type = type;
    }

    /** The JSON property name, e.g. {@code revenueGrowthPct}. */
    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** Message key of the label. */
    public String labelKey() {
        return "subject.attribute." + key;
    }

    /** Whether negative numbers are meaningless for this fact (amounts of money). */
    public boolean nonNegative() {
        return key.endsWith("Yuan");
    }

    public static Optional<SubjectAttribute> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }

    /** The typed value of a JSON value or form text, or empty when it does not fit the type. */
    public Optional<Object> coerce(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (type) {
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield Optional.of(b);
                }
                if (raw instanceof String s) {
                    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
                    if (t.equals("true") || t.equals("是") || t.equals("y")) {
                        yield Optional.of(Boolean.TRUE);
                    }
                    if (t.equals("false") || t.equals("否") || t.equals("n")) {
                        yield Optional.of(Boolean.FALSE);
                    }
                }
                yield Optional.empty();
            }
            case NUMBER -> {
                if (raw instanceof BigDecimal d) {
                    yield Optional.of(d);
                }
                if (raw instanceof Number n) {
                    yield Optional.of(new BigDecimal(n.toString()));
                }
                if (raw instanceof String s) {
                    try {
                        yield Optional.of(new BigDecimal(s.trim()));
                    } catch (NumberFormatException e) {
                        yield Optional.empty();
                    }
                }
                yield Optional.empty();
            }
        };
    }

    /** Text stored in the database for a typed value. */
    public String format(Object typed) {
        return typed instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(typed);
    }

    /** The typed value of stored text. */
    public Object parseStored(String text) {
        return type == Type.BOOLEAN ? Boolean.valueOf(text) : new BigDecimal(text);
    }
}
