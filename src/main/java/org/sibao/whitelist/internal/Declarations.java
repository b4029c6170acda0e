package org.sibao.whitelist.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.platform.Validation;
import org.sibao.rules.Fact;
import org.sibao.rules.FactType;

/**
 * The readiness declarations (闭环生产准备, seeds 001 and 004) an application carries, as typed facts criteria can
 * name as {@code declarations.<key>}. A declaration left out is a missing fact: its criteria come out UNKNOWN.
 * {@code isolationPlacesPer100Staff} is derived from {@code isolationPlaces} and the subject's employees, because
 * the seeds ask for observation points "按员工人数比例".
 */
final class Declarations {

    static final String PREFIX = "declarations.";
    static final String DERIVED_RATIO = "isolationPlacesPer100Staff";

    /** One declaration: JSON key, boolean or count. */
    record Item(String key, boolean numeric) {
        String labelKey() {
            return "rules.fact." + PREFIX + key;
        }
    }

    static final List<Item> ITEMS = List.of(
            new Item("operatingNormally", false),
            new Item("meetsEnvironmentalStandards", false),
            new Item("meetsSafetyStandards", false),
            new Item("followsProvincialGuide", false),
            new Item("epidemicTaskForce", false),
            new Item("responsibleExecutive", false),
            new Item("emergencyPlan", false),
            new Item("drillsHeld", false),
            new Item("closedLoopDormitory", false),
            new Item("closedLoopCanteen", false),
            new Item("masksStocked", false),
            new Item("gownsStocked", false),
            new Item("disinfectantStocked", false),
            new Item("antigenKitsStocked", false),
            new Item("isolationPlaces", true));

    private Declarations() {
    }

    static Item item(String key) {
        return ITEMS.stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
    }

    /** The facts criteria may name, read through {@link org.sibao.rules.Facts#attribute(String)}. */
    static Fact[] facts() {
        List<Fact> facts = new ArrayList<>();
        for (Item i : ITEMS) {
            String name = PREFIX + i.key();
            facts.add(new Fact(name, i.numeric() ? FactType.INTEGER : FactType.BOOLEAN, null, null, null,
                    f -> f.attribute(name)));
        }
        String ratio = PREFIX + DERIVED_RATIO;
        facts.add(new Fact(ratio, FactType.DECIMAL, null, null, null, f -> f.attribute(ratio)));
        return facts.toArray(Fact[]::new);
    }

    /**
     * Validates and normalises declarations from JSON or a form: booleans stay booleans, counts become integers,
     * wrong types are rejected under {@code declarations.<key>}; other keys are kept as given (scalars only).
     */
    static Map<String, Object> parse(Map<String, Object> raw, Validation v) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            Item item = item(e.getKey());
            String field = "declarations." + e.getKey();
            Object value = e.getValue();
            if (item == null) {
                // declarations are open-ended ("declarations":{...}): a key no criterion names is kept as given, so
                // nothing the applicant stated is lost; only a nested object or list is refused
                if (value instanceof Map<?, ?> || value instanceof java.util.Collection<?>) {
                    v.reject(field, "whitelist.declaration.unknown");
                } else if (value != null && !(value instanceof String s && s.isBlank())) {
                    out.put(e.getKey(), value instanceof String s ? s.trim() : value);
                }
                continue;
            }
            if (value == null || (value instanceof String s && s.isBlank())) {
                continue;
            }
            if (item.numeric()) {
                Integer n = toInt(value);
                if (v.check(n != null && n >= 0, field, "whitelist.declaration.count")) {
                    out.put(item.key(), n);
                }
            } else {
                Boolean b = toBoolean(value);
                if (v.check(b != null, field, "whitelist.declaration.boolean")) {
                    out.put(item.key(), b);
                }
            }
        }
        return out;
    }

    /** The value of a declaration fact for the rules engine (numbers as BigDecimal), or null when missing. */
    static Object factValue(Map<String, Object> declarations, Integer employees, String key) {
        if (DERIVED_RATIO.equals(key)) {
            Object places = declarations.get("isolationPlaces");
            if (!(places instanceof Integer p) || employees == null || employees <= 0) {
                return null;
            }
            return BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(employees), 2, RoundingMode.HALF_UP);
        }
        Object v = declarations.get(key);
        return v instanceof Integer i ? BigDecimal.valueOf(i) : v;
    }

    private static Integer toInt(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) ? n.intValue() : null;
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("on") || s.equals("是")) {
            return Boolean.TRUE;
        }
        if (s.equals("false") || s.equals("off") || s.equals("否")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
