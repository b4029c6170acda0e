package org.sibao.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE-clause fragment with positional {@code ?} parameters. Column names come from code, never from input;
 * every value is a bound parameter.
 */
public record SqlFilter(String sql, List<Object> params) {

    public static final SqlFilter NONE = new SqlFilter("1=1", List.of());

    public SqlFilter and(SqlFilter other) {
        List<Object> p = new ArrayList<>(params);
        p.addAll(other.params);
        return new SqlFilter("(" + sql + ") AND (" + other.sql + ")", p);
    }
}
