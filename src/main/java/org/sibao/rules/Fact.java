package org.sibao.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One entry of the fact catalogue: its name in rule JSON, its type (which fixes the operators it accepts), the
 * codes it may take (empty: any code matching {@code pattern}), its unit and how it is read from {@link Facts}.
 * Its label is the message {@code rules.fact.<name>}.
 */
public record Fact(String name, FactType type, List<String> values, Pattern pattern, Unit unit,
        Function<Facts, Object> reader) {

    /** Unit of a numeric fact; benefit formulas convert 万元 to yuan. */
    public enum Unit {
        NONE, WAN_YUAN, YUAN, PERCENT
    }

    public static final String ATTRIBUTE_PREFIX = "attributes.";

    /**
     * What a reader answers for a fact known not to apply, as opposed to {@code null}, a fact not known: a subject
     * off the whitelist has no whitelist level. Every comparison with it is false (ne / notIn true), exists false.
     */
    public static final Object ABSENT = Absent.ABSENT;

    private enum Absent {
        ABSENT
    }

    public Fact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reader, "reader");
        values = values == null ? List.of() : List.copyOf(values);
        unit = unit == null ? Unit.NONE : unit;
    }

    public Set<Op> ops() {
        return type.ops();
    }

    public boolean accepts(Op op) {
        return type.ops().contains(op);
    }

    public boolean isNumeric() {
        return type == FactType.INTEGER || type == FactType.DECIMAL;
    }

    /** Whether {@code code} is a value this fact can take (for codes, code sets and event kinds). */
    public boolean allows(String code) {
        if (!values.isEmpty()) {
            return values.contains(code);
        }
        return pattern == null || pattern.matcher(code).matches();
    }

    /** An extra fact read through {@link Facts#attribute(String)}, named {@code attributes.<name>} in rules. */
    public static Fact attribute(String name, FactType type, Unit unit, String... values) {
        if (type == FactType.DATED_EVENTS || type == FactType.REGION) {
            throw new IllegalArgumentException("attributes cannot be of type " + type);
        }
        return new Fact(ATTRIBUTE_PREFIX + name, type, List.of(values), null, unit, f -> f.attribute(name));
    }
}
