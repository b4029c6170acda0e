package org.sibao.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.sibao.platform.Validation;

import tools.jackson.databind.JsonNode;

/** Turns rule JSON into a {@link Rule}, recording every problem with its path instead of stopping at the first. */
final class RuleParser {

    static final int MAX_DEPTH = 32;
    private static final Set<String> CONDITION_KEYS = Set.of("fact", "op", "value");
    private static final Set<String> WINDOW_KEYS = Set.of("kinds", "years", "months", "days");

    private final FactCatalogue catalogue;
    private final Predicate<String> knownRegion;
    private final Predicate<String> knownIndustry;
    private final Validation problems;

    RuleParser(FactCatalogue catalogue, Predicate<String> knownRegion, Predicate<String> knownIndustry,
            Validation problems) {
        this.catalogue = catalogue;
        this.knownRegion = knownRegion;
        this.knownIndustry = knownIndustry;
        this.problems = problems;
    }

    /** The rule, or {@code null} when something was rejected. */
    Rule parse(JsonNode node, String path) {
        return node(node, path, 0);
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private Rule node(JsonNode node, String path, int depth) {
        String here = path.isEmpty() ? "$" : path;
        if (node == null || node.isMissingNode() || node.isNull()) {
            problems.reject(here, "rules.error.required");
            return null;
        }
        if (!node.isObject()) {
            problems.reject(here, "rules.error.notObject");
            return null;
        }
        if (depth >= MAX_DEPTH) {
            problems.reject(here, "rules.error.tooDeep", MAX_DEPTH);
            return null;
        }
        boolean composite = node.has("all") || node.has("any") || node.has("not");
        if (composite) {
            if (node.size() != 1) {
                problems.reject(here, "rules.error.malformed");
                return null;
            }
            if (node.has("not")) {
                Rule inner = node(node.get("not"), child(path, "not"), depth + 1);
                return inner == null ? null : new Rule.Not(inner);
            }
            String key = node.has("all") ? "all" : "any";
            List<Rule> children = list(node.get(key), child(path, key), depth);
            if (children == null) {
                return null;
            }
            return key.equals("all") ? new Rule.All(children) : new Rule.Any(children);
        }
        return condition(node, path, here);
    }

    private List<Rule> list(JsonNode array, String path, int depth) {
        if (!array.isArray()) {
            problems.reject(path, "rules.error.notArray");
            return null;
        }
        if (array.isEmpty()) {
            problems.reject(path, "rules.error.emptyList");
            return null;
        }
        List<Rule> children = new ArrayList<>(array.size());
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            Rule r = node(array.get(i), path + "[" + i + "]", depth + 1);
            ok &= r != null;
            children.add(r);
        }
        return ok ? children : null;
    }

    private Rule condition(JsonNode node, String path, String here) {
        if (!node.has("fact") && !node.has("op")) {
            problems.reject(here, "rules.error.malformed");
            return null;
        }
        boolean ok = true;
        for (String key : node.propertyNames()) {
            if (!CONDITION_KEYS.contains(key)) {
                problems.reject(child(path, key), "rules.error.unknownKey", key);
                ok = false;
            }
        }
        String factPath = child(path, "fact");
        String opPath = child(path, "op");
        JsonNode factNode = node.get("fact");
        JsonNode opNode = node.get("op");
        Fact fact = null;
        if (factNode == null || !factNode.isString() || factNode.stringValue().isBlank()) {
            problems.reject(factPath, "rules.error.factRequired");
        } else {
            fact = catalogue.find(factNode.stringValue()).orElse(null);
            if (fact == null) {
                problems.reject(factPath, "rules.error.unknownFact", factNode.stringValue());
            }
        }
        Op op = null;
        if (opNode == null || !opNode.isString() || opNode.stringValue().isBlank()) {
            problems.reject(opPath, "rules.error.opRequired");
        } else {
            op = Op.fromJson(opNode.stringValue()).orElse(null);
            if (op == null) {
                problems.reject(opPath, "rules.error.unknownOp", opNode.stringValue());
            }
        }
        if (fact == null || op == null || !ok) {
            return null;
        }
        if (!fact.accepts(op)) {
            problems.reject(opPath, "rules.error.opNotAllowed", fact.name(), op.json(), allowedOps(fact));
            return null;
        }
        Object value = value(fact, op, node.get("value"), child(path, "value"));
        return value == INVALID ? null : new Rule.Condition(fact, op, value);
    }

    private static String allowedOps(Fact fact) {
        return String.join(", ", fact.ops().stream().map(Op::json).toList());
    }

    private static final Object INVALID = new Object();

    private Object value(Fact fact, Op op, JsonNode v, String path) {
        boolean absent = v == null || v.isNull() || v.isMissingNode();
        if (op == Op.EXISTS) {
            if (absent) {
                return Boolean.TRUE;
            }
            return v.isBoolean() ? (Object) v.booleanValue() : reject(path, "rules.error.expectedBoolean");
        }
        if (absent) {
            return reject(path, "rules.error.valueRequired");
        }
        return switch (op) {
            case IN, NOT_IN -> codeList(fact, v, path);
            case WITHIN -> v.isArray() ? codeList(fact, v, path) : code(fact, v, path);
            case HAS -> code(fact, v, path);
            case NONE_WITHIN, ANY_WITHIN -> window(fact, v, path);
            default -> switch (fact.type()) {
                case INTEGER -> integer(v, path);
                case DECIMAL -> decimal(v, path);
                case BOOLEAN -> v.isBoolean() ? (Object) v.booleanValue() : reject(path, "rules.error.expectedBoolean");
                default -> code(fact, v, path);
            };
        };
    }

    private Object reject(String path, String key, Object... args) {
        problems.reject(path, key, args);
        return INVALID;
    }

    private Object integer(JsonNode v, String path) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            try {
                return v.decimalValue().longValueExact();
            } catch (ArithmeticException notWhole) {
                return reject(path, "rules.error.expectedInteger");
            }
        }
        return reject(path, "rules.error.expectedInteger");
    }

    private Object decimal(JsonNode v, String path) {
        if (!v.isNumber()) {
            return reject(path, "rules.error.expectedNumber");
        }
        return v.decimalValue();
    }

    private Object code(Fact fact, JsonNode v, String path) {
        if (!v.isString()) {
            return reject(path, "rules.error.expectedString");
        }
        String code = v.stringValue();
        if (!fact.allows(code)) {
            return fact.values().isEmpty() ? reject(path, "rules.error.badFormat", code)
                    : reject(path, "rules.error.notAllowedValue", code, String.join(", ", fact.values()));
        }
        if (fact.type() == FactType.REGION && !knownRegion.test(code)) {
            return reject(path, "rules.error.unknownRegion", code);
        }
        if (fact.name().equals("industryCode") && !knownIndustry.test(code)) {
            return reject(path, "rules.error.unknownIndustry", code);
        }
        return code;
    }

    private Object codeList(Fact fact, JsonNode v, String path) {
        if (!v.isArray()) {
            return reject(path, "rules.error.expectedArray");
        }
        if (v.isEmpty()) {
            return reject(path, "rules.error.emptyArray");
        }
        List<String> codes = new ArrayList<>(v.size());
        boolean ok = true;
        for (int i = 0; i < v.size(); i++) {
            Object c = code(fact, v.get(i), path + "[" + i + "]");
            ok &= c != INVALID;
            if (c instanceof String s && !codes.contains(s)) {
                codes.add(s);
            }
        }
        return ok ? List.copyOf(codes) : INVALID;
    }

    private Object window(Fact fact, JsonNode v, String path) {
        if (!v.isObject()) {
            return reject(path, "rules.error.expectedWindow");
        }
        boolean ok = true;
        for (String key : v.propertyNames()) {
            if (!WINDOW_KEYS.contains(key)) {
                problems.reject(child(path, key), "rules.error.unknownKey", key);
                ok = false;
            }
        }
        List<String> kinds = List.of();
        JsonNode k = v.get("kinds");
        if (k != null && !k.isNull()) {
            Object parsed = codeList(fact, k, child(path, "kinds"));
            ok &= parsed != INVALID;
            kinds = parsed instanceof List<?> l ? l.stream().map(String.class::cast).toList() : List.of();
        }
        int[] amounts = new int[3];
        String[] units = {"years", "months", "days"};
        for (int i = 0; i < 3; i++) {
            JsonNode n = v.get(units[i]);
            if (n == null || n.isNull()) {
                continue;
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0 || n.intValue() > 1000) {
                problems.reject(child(path, units[i]), "rules.error.expectedPeriod");
                ok = false;
            } else {
                amounts[i] = n.intValue();
            }
        }
        if (ok && amounts[0] + amounts[1] + amounts[2] == 0) {
            problems.reject(path, "rules.error.emptyPeriod");
            ok = false;
        }
        return ok ? new Window(kinds, amounts[0], amounts[1], amounts[2]) : INVALID;
    }
}
