package org.sibao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.rules.Truth.FALSE;
import static org.sibao.rules.Truth.TRUE;
import static org.sibao.rules.Truth.UNKNOWN;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Kleene's tables, both on {@link Truth} and through compiled all/any/not nodes. */
class TruthTableTest {

    private static final Truth[] ALL = Truth.values();

    private static Truth kleeneAnd(Truth a, Truth b) {
        if (a == FALSE || b == FALSE) {
            return FALSE;
        }
        return a == TRUE && b == TRUE ? TRUE : UNKNOWN;
    }

    private static Truth kleeneOr(Truth a, Truth b) {
        if (a == TRUE || b == TRUE) {
            return TRUE;
        }
        return a == FALSE && b == FALSE ? FALSE : UNKNOWN;
    }

    /** A condition on {@code employees} (fact "a") or {@code totalAssets} (fact "b") that yields {@code t}. */
    private static String leaf(String fact, Truth t) {
        return switch (t) {
            case TRUE -> "{'fact':'" + fact + "','op':'gte','value':0}";
            case FALSE -> "{'fact':'" + fact + "','op':'lt','value':0}";
            case UNKNOWN -> "{'fact':'" + fact + "','op':'gt','value':0}";
        };
    }

    private static Facts facts(Truth a, Truth b) {
        return SimpleFacts.builder().employees(a == UNKNOWN ? null : 5)
                .totalAssets(b == UNKNOWN ? null : BigDecimal.TEN).build();
    }

    @Test
    void andOrNotOnTruth() {
        assertThat(TRUE.not()).isEqualTo(FALSE);
        assertThat(FALSE.not()).isEqualTo(TRUE);
        assertThat(UNKNOWN.not()).isEqualTo(UNKNOWN);
        for (Truth a : ALL) {
            for (Truth b : ALL) {
                assertThat(a.and(b)).as(a + " and " + b).isEqualTo(kleeneAnd(a, b));
                assertThat(a.or(b)).as(a + " or " + b).isEqualTo(kleeneOr(a, b));
            }
        }
        assertThat(Truth.of(true)).isEqualTo(TRUE);
        assertThat(Truth.of(false)).isEqualTo(FALSE);
    }

    @Test
    void compiledNodesFollowTheTables() {
        for (Truth a : ALL) {
            for (Truth b : ALL) {
                Facts f = facts(a, b);
                String l = leaf("employees", a);
                String r = leaf("totalAssets", b);
                assertThat(RuleFixtures.eval("{'all':[" + l + "," + r + "]}", f)).as(a + " all " + b)
                        .isEqualTo(kleeneAnd(a, b));
                assertThat(RuleFixtures.eval("{'any':[" + l + "," + r + "]}", f)).as(a + " any " + b)
                        .isEqualTo(kleeneOr(a, b));
                assertThat(RuleFixtures.eval("{'not':" + l + "}", f)).as("not " + a).isEqualTo(a.not());
                assertThat(RuleFixtures.compile("{'all':[" + l + "," + r + "]}").explain(f, RuleFixtures.TODAY)
                        .outcome()).isEqualTo(kleeneAnd(a, b));
                assertThat(RuleFixtures.compile("{'any':[" + l + "," + r + "]}").explain(f, RuleFixtures.TODAY)
                        .outcome()).isEqualTo(kleeneOr(a, b));
            }
        }
    }

    @Test
    void existsIsNeverUnknown() {
        for (String fact : new String[] {"employees", "sizeClass", "flags", "incidents", "attributes.fullCapacityQ2"}) {
            Truth onEmpty = RuleFixtures.eval("{'fact':'" + fact + "','op':'exists'}", RuleFixtures.empty());
            Truth onKnown = RuleFixtures.eval("{'fact':'" + fact + "','op':'exists'}", RuleFixtures.known().build());
            assertThat(onEmpty).as(fact).isEqualTo(FALSE);
            assertThat(onKnown).as(fact).isEqualTo(TRUE);
            assertThat(RuleFixtures.eval("{'not':{'fact':'" + fact + "','op':'exists'}}", RuleFixtures.empty()))
                    .isEqualTo(TRUE);
        }
    }

    @Test
    void singleChildListsAndDeepNesting() {
        Facts f = facts(TRUE, UNKNOWN);
        assertThat(RuleFixtures.eval("{'all':[" + leaf("employees", TRUE) + "]}", f)).isEqualTo(TRUE);
        assertThat(RuleFixtures.eval("{'any':[" + leaf("totalAssets", UNKNOWN) + "]}", f)).isEqualTo(UNKNOWN);
        assertThat(RuleFixtures.eval("{'not':{'not':{'any':[{'all':[" + leaf("employees", TRUE) + "," + leaf(
                "totalAssets", UNKNOWN) + "]}," + leaf("employees", TRUE) + "]}}}", f)).isEqualTo(TRUE);
    }
}
