package org.sibao.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every invalid field of one input before failing, so that the caller learns all of them at once.
 * Field names may be prefixed (e.g. {@code incidents[2].}) with {@link #nested(String)}.
 */
public final class Validation {

    private final List<FieldProblem> problems;
    private final String prefix;

    public Validation() {
        this(new ArrayList<>(), "");
    }

    private Validation(List<FieldProblem> problems, String prefix) {
        this.problems = problems;
        this.prefix = prefix;
    }

    /** A view that records into the same list with {@code prefix} before every field name. */
    public Validation nested(String path) {
        return new Validation(problems, prefix + path + ".");
    }

    public Validation reject(String field, String messageKey, Object... args) {
        problems.add(new FieldProblem(prefix + field, messageKey, args));
        return this;
    }

    public boolean check(boolean ok, String field, String messageKey, Object... args) {
        if (!ok) {
            reject(field, messageKey, args);
        }
        return ok;
    }

    public boolean required(Object value, String field) {
        boolean present = value != null && !(value instanceof String s && s.isBlank());
        return check(present, field, "validation.required");
    }

    public boolean maxLength(String value, int max, String field) {
        return value == null || check(value.length() <= max, field, "validation.maxLength", max);
    }

    /**
     * A value that must name one of {@code type}'s constants (a body field or a list filter): null when blank, else
     * the constant, or a problem on {@code field} listing the accepted values.
     */
    public <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        String name = oneOf(java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), value, field);
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** The same for values kept as text ({@code status} columns): null when blank, else the trimmed value. */
    public String oneOf(List<String> accepted, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        return check(accepted.contains(text), field, "validation.enum", String.join(", ", accepted)) ? text : null;
    }

    public boolean nonNegative(Number value, String field) {
        if (value == null) {
            return true;
        }
        boolean ok = value instanceof BigDecimal bd ? bd.signum() >= 0 : value.doubleValue() >= 0;
        return check(ok, field, "validation.nonNegative");
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public boolean hasProblemAt(String field) {
        String full = prefix + field;
        return problems.stream().anyMatch(p -> p.field().equals(full));
    }

    /** Fails with every problem found, and with the request body's wrongly typed fields if it had any. */
    public void throwIfInvalid() {
        if (!problems.isEmpty() || !org.sibao.platform.web.BodyTypeProblems.pending().isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}
