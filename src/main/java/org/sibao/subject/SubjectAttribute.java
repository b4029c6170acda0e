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
    /** 营业收入增速 %: a revenue falls by at most 100 %, so −100 to 1,000,000, two decimals. */
    REVENUE_GROWTH_PCT("revenueGrowthPct", Type.NUMBER, new BigDecimal("-100"), new BigDecimal("1000000")),
    /** 采样亭购置费用, 元: an amount of money, 0 to 9,999,999,999,999,999.99 with two decimals. */
    BOOTH_COST_YUAN("boothCostYuan", Type.NUMBER, BigDecimal.ZERO, new BigDecimal("9999999999999999.99")),
    /** 受疫情影响 (relief policies for subjects hit by the epidemic); supplied by the subject, never guessed. */
    AFFECTED_BY_EPIDEMIC("affectedByEpidemic", Type.BOOLEAN);

    /** Decimal places a number attribute may have. */
    public static final int SCALE = 2;

    /** The value types of the catalogue. */
    public enum Type {
        BOOLEAN, NUMBER
    }

    private final String key;
    private final Type type;
    private final BigDecimal min;
    private final BigDecimal max;

    SubjectAttribute(String key, Type type) {
        this(key, type, null, null);
    }

    SubjectAttribute(String key, Type type, BigDecimal min, BigDecimal max) {
        this.key = key;
        this.type = type;
        this.min = min;
        this.max = max;
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

    /** The smallest value a number attribute may take (null for booleans). */
    public BigDecimal min() {
        return min;
    }

    /** The largest value a number attribute may take (null for booleans). */
    public BigDecimal max() {
        return max;
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
                if (raw instanceof Double || raw instanceof Float) {
                    double d = ((Number) raw).doubleValue();
                    yield Double.isFinite(d) ? Optional.of(new BigDecimal(raw.toString())) : Optional.empty();
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
