package org.sibao.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE-clause fragment with positional {@code ?} parameters. Column names come from code, never from input;
 * every value is a bound parameter.
 */
public record SqlFilter(String sql, List<Object> params) {

    public static final SqlFilter NONE = new SqlFilter("1=1", List.of());

    /**
     * A {@code LIKE} pattern matching values that contain the user's text, its wildcards matching themselves
     * (backslash is the default escape character in PostgreSQL and H2).
     */
    public static String containing(String text) {
        return "%" + escapeLike(text.trim()) + "%";
    }

    /** The user's text with the {@code LIKE} wildcards and the escape character escaped. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public SqlFilter or(SqlFilter other) {
        List<Object> p = new ArrayList<>(params);
        p.addAll(other.params);
        return new SqlFilter("(" + sql + ") OR (" + other.sql + ")", p);
    }

    public SqlFilter and(SqlFilter other) {
        List<Object> p = new ArrayList<>(params);
        p.addAll(other.params);
        return new SqlFilter("(" + sql + ") AND (" + other.sql + ")", p);
    }
}
