package org.sibao.epidemic.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Lenient reading of the elements of a JSON array body (rosters, test results), so that one element with a value
 * of the wrong kind is reported by its position while the others are kept: a field's value is a text, or a number
 * taken as its digits; absent or {@code null} is no value; a list, an object or {@code true}/{@code false} is
 * mistyped.
 */
final class JsonRows {

    /** The fields of one element; {@code mistyped} lists the fields whose value was of the wrong kind. */
    record Fields(Map<String, String> values, List<String> mistyped) {

        String get(String field) {
            return values.get(field);
        }
    }

    private JsonRows() {
    }

    /** The elements of a body that must be an array; null when it is not one. */
    static List<JsonNode> elements(JsonNode body) {
        if (body == null || !body.isArray()) {
            return null;
        }
        List<JsonNode> out = new ArrayList<>(body.size());
        body.forEach(out::add);
        return out;
    }

    /** The named fields of an element; null when the element is not an object. */
    static Fields read(JsonNode element, String... fields) {
        if (element == null || !element.isObject()) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        List<String> mistyped = new ArrayList<>();
        for (String field : fields) {
            JsonNode v = element.get(field);
            if (v == null || v.isNull() || v.isMissingNode()) {
                continue;
            }
            if (v.isString() || v.isNumber()) {
                values.put(field, v.asString());
            } else {
                mistyped.add(field);
            }
        }
        return new Fields(values, mistyped);
    }
}
