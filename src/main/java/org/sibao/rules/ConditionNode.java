package org.sibao.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.sibao.region.Region;

/**
 * A compiled leaf: the fact's reader and a check chosen once, at compile time, for the fact type and op. A
 * missing fact is UNKNOWN for every op but {@code exists}; a value of an unexpected Java type is treated as
 * missing too. A fact known not to apply ({@link Fact#ABSENT}) is decided: false, or true for ne / notIn.
 */
final class ConditionNode extends RuleNode {

    /** The test on a present value. */
    interface Check {
        Truth test(Object actual, LocalDate asOf);
    }

    private final Rule.Condition condition;
    private final String path;
    private final Function<Facts, Object> reader;
    private final Check check;

    ConditionNode(Rule.Condition condition, String path) {
        this.condition = condition;
        this.path = path;
        this.reader = condition.fact().reader();
        this.check = checkFor(condition);
    }

    @Override
    Truth test(Facts facts, LocalDate asOf) {
        Object actual = reader.apply(facts);
        if (actual == Fact.ABSENT) {
            return condition.op() == Op.EXISTS ? Truth.of(!(Boolean) condition.value())
                    : Truth.of(condition.op() == Op.NE || condition.op() == Op.NOT_IN);
        }
        if (condition.op() == Op.EXISTS) {
            return Truth.of((actual != null) == (Boolean) condition.value());
        }
        return actual == null ? Truth.UNKNOWN : check.test(actual, asOf);
    }

    @Override
    List<ConditionOutcome> explain(Facts facts, LocalDate asOf, List<ConditionOutcome> leaves, Truth[] out) {
        Truth outcome = test(facts, asOf);
        Object actual = reader.apply(facts);
        if (actual == Fact.ABSENT) {
            actual = null;
        }
        if (actual instanceof Collection<?> events && condition.value() instanceof Window w) {
            actual = asOf == null ? null : eventsWithin(events, w, asOf);
        }
        ConditionOutcome leaf = new ConditionOutcome(path, condition.fact().name(), condition.op().json(),
                condition.value(), actual, outcome);
        leaves.add(leaf);
        out[0] = outcome;
        return List.of(leaf);
    }

    private static Check checkFor(Rule.Condition c) {
        Object expected = c.value();
        return switch (c.op()) {
            case EXISTS -> (actual, asOf) -> Truth.TRUE;
            case EQ, NE, GT, GTE, LT, LTE -> comparison(c.fact().type(), c.op(), expected);
            case IN -> membership(Set.copyOf(codes(expected)), true);
            case NOT_IN -> membership(Set.copyOf(codes(expected)), false);
            case WITHIN -> within(codes(expected));
            case HAS -> (actual, asOf) -> actual instanceof Collection<?> set ? Truth.of(set.contains(expected))
                    : Truth.UNKNOWN;
            case NONE_WITHIN -> dated((Window) expected, false);
            case ANY_WITHIN -> dated((Window) expected, true);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Object expected) {
        return expected instanceof List<?> list ? (List<String>) list : List.of((String) expected);
    }

    private static Check comparison(FactType type, Op op, Object expected) {
        return switch (type) {
            case INTEGER -> {
                long e = (Long) expected;
                yield (actual, asOf) -> actual instanceof Number n && !(actual instanceof BigDecimal)
                        ? Truth.of(holds(op, Long.compare(n.longValue(), e)))
                        : decimal(op, actual, BigDecimal.valueOf(e));
            }
            case DECIMAL -> {
                BigDecimal e = (BigDecimal) expected;
                yield (actual, asOf) -> decimal(op, actual, e);
            }
            case BOOLEAN -> (actual, asOf) -> actual instanceof Boolean b
                    ? Truth.of(holds(op, b.equals(expected) ? 0 : 1)) : Truth.UNKNOWN;
            default -> (actual, asOf) -> actual instanceof String s
                    ? Truth.of(holds(op, s.equals(expected) ? 0 : 1)) : Truth.UNKNOWN;
        };
    }

    private static Truth decimal(Op op, Object actual, BigDecimal expected) {
        BigDecimal a;
        if (actual instanceof BigDecimal d) {
            a = d;
        } else if (actual instanceof Number n) {
            a = new BigDecimal(n.toString());
        } else {
            return Truth.UNKNOWN;
        }
        return Truth.of(holds(op, a.compareTo(expected)));
    }

    private static boolean holds(Op op, int comparison) {
        return switch (op) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case GT -> comparison > 0;
            case GTE -> comparison >= 0;
            case LT -> comparison < 0;
            case LTE -> comparison <= 0;
            default -> throw new IllegalArgumentException(op.json());
        };
    }

    private static Check membership(Set<String> codes, boolean in) {
        return (actual, asOf) -> actual instanceof String s ? Truth.of(codes.contains(s) == in) : Truth.UNKNOWN;
    }

    /** Prefix semantics of {@link Region#prefixOf}: 411300 (南阳市) contains every code starting with 4113. */
    private static Check within(List<String> regions) {
        String[] prefixes = regions.stream().map(Region::prefixOf).toArray(String[]::new);
        return (actual, asOf) -> {
            if (!(actual instanceof String code)) {
                return Truth.UNKNOWN;
            }
            for (String prefix : prefixes) {
                if (code.startsWith(prefix)) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        };
    }

    private static Check dated(Window window, boolean wantAny) {
        return (actual, asOf) -> {
            if (!(actual instanceof Collection<?> events) || asOf == null) {
                return Truth.UNKNOWN;
            }
            LocalDate first = window.firstDay(asOf);
            for (Object o : events) {
                if (o instanceof Incident i && inside(i, window, first, asOf)) {
                    return Truth.of(wantAny);
                }
            }
            return Truth.of(!wantAny);
        };
    }

    private static boolean inside(Incident i, Window window, LocalDate first, LocalDate asOf) {
        return window.matchesKind(i.kind()) && !i.date().isBefore(first) && !i.date().isAfter(asOf);
    }

    private static List<Incident> eventsWithin(Collection<?> events, Window window, LocalDate asOf) {
        LocalDate first = window.firstDay(asOf);
        List<Incident> inside = new ArrayList<>();
        for (Object o : events) {
            if (o instanceof Incident i && inside(i, window, first, asOf)) {
                inside.add(i);
            }
        }
        return inside;
    }
}
