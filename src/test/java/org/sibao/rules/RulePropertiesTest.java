package org.sibao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sibao.region.Sector;

/**
 * Randomised properties over generated rule trees and fact sets (fixed seed, so failures reproduce): Kleene
 * laws at every node, and monotonicity — supplying a missing fact only settles UNKNOWN, never flips TRUE and
 * FALSE. {@code exists} is left out of the monotonicity trees on purpose: it asks whether a fact is known, so
 * supplying the fact legitimately turns it from FALSE to TRUE.
 */
class RulePropertiesTest {

    private static final int TREES = 2_000;
    private static final int SUBJECTS_PER_TREE = 20;
    private static final LocalDate TODAY = RuleFixtures.TODAY;

    private final Random random = new Random(20220601L);

    private String condition(boolean allowExists) {
        int pick = random.nextInt(allowExists ? 11 : 10);
        return switch (pick) {
            case 0 -> "{'fact':'regionCode','op':'within','value':'" + pickOf("410000", "411300", "410100",
                    "411303") + "'}";
            case 1 -> "{'fact':'sector','op':'" + pickOf("eq", "ne") + "','value':'" + pickOf("INDUSTRY", "COMMERCE")
                    + "'}";
            case 2 -> "{'fact':'sizeClass','op':'" + pickOf("in", "notIn") + "','value':['" + pickOf("LARGE",
                    "MEDIUM") + "','SMALL']}";
            case 3 -> "{'fact':'employees','op':'" + pickOf("eq", "ne", "gt", "gte", "lt", "lte") + "','value':"
                    + random.nextInt(2000) + "}";
            case 4 -> "{'fact':'annualRevenue','op':'" + pickOf("gt", "lte") + "','value':" + random.nextInt(50000)
                    + ".5}";
            case 5 -> "{'fact':'flags','op':'has','value':'" + pickOf("ABOVE_SCALE", "LIAISON", "SPECIALIZED") + "'}";
            case 6 -> "{'fact':'attributes.fullCapacityQ2','op':'" + pickOf("eq", "ne") + "','value':"
                    + random.nextBoolean() + "}";
            case 7 -> "{'fact':'attributes.revenueGrowthPct','op':'gte','value':" + (random.nextInt(40) - 10) + "}";
            case 8 -> "{'fact':'incidents','op':'" + pickOf("noneWithin", "anyWithin") + "','value':{'kinds':['"
                    + pickOf("SAFETY", "QUALITY", "DISHONESTY") + "'],'years':" + (1 + random.nextInt(4)) + "}}";
            case 9 -> "{'fact':'whitelistStatus','op':'eq','value':'" + pickOf("ACTIVE", "NONE") + "'}";
            default -> "{'fact':'" + pickOf("employees", "sizeClass", "flags", "incidents") + "','op':'exists'}";
        };
    }

    private String tree(int depth, boolean allowExists) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return condition(allowExists);
        }
        int kind = random.nextInt(5);
        if (kind == 0) {
            return "{'not':" + tree(depth - 1, allowExists) + "}";
        }
        int n = 1 + random.nextInt(4);
        List<String> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            children.add(tree(depth - 1, allowExists));
        }
        return "{'" + (kind % 2 == 0 ? "all" : "any") + "':[" + String.join(",", children) + "]}";
    }

    private String pickOf(String... options) {
        return options[random.nextInt(options.length)];
    }

    /** A complete subject with random values. */
    private SimpleFacts complete() {
        return SimpleFacts.builder().regionCode(pickOf("411303", "410102", "419001"))
                .sector(random.nextBoolean() ? Sector.INDUSTRY : Sector.COMMERCE)
                .sizeClass(pickOf("LARGE", "MEDIUM", "SMALL", "MICRO")).employees(random.nextInt(2000))
                .annualRevenue(BigDecimal.valueOf(random.nextInt(50000))).flags(random.nextBoolean()
                        ? java.util.Set.of("ABOVE_SCALE") : java.util.Set.of("LIAISON", "SPECIALIZED"))
                .attribute("fullCapacityQ2", random.nextBoolean())
                .attribute("revenueGrowthPct", BigDecimal.valueOf(random.nextInt(40) - 10))
                .incidents(random.nextBoolean() ? List.of()
                        : List.of(new Incident(pickOf("SAFETY", "QUALITY", "DISHONESTY"),
                                TODAY.minusDays(random.nextInt(1800)))))
                .whitelistStatus(pickOf("ACTIVE", "NONE")).build();
    }

    /** The same subject with each fact dropped with probability ½ (UNKNOWN in sizeClass counts as dropped). */
    private SimpleFacts partial(SimpleFacts full) {
        SimpleFacts.Builder b = full.toBuilder();
        if (random.nextBoolean()) b.regionCode(null);
        if (random.nextBoolean()) b.sector(null);
        if (random.nextBoolean()) b.sizeClass(random.nextBoolean() ? null : "UNKNOWN");
        if (random.nextBoolean()) b.employees(null);
        if (random.nextBoolean()) b.annualRevenue(null);
        if (random.nextBoolean()) b.flags((java.util.Set<String>) null);
        if (random.nextBoolean()) b.attribute("fullCapacityQ2", null);
        if (random.nextBoolean()) b.attribute("revenueGrowthPct", null);
        if (random.nextBoolean()) b.incidents(null);
        if (random.nextBoolean()) b.whitelistStatus(null);
        return b.build();
    }

    @Test
    void supplyingMissingFactsNeverFlipsTrueAndFalse() {
        int settled = 0;
        int checked = 0;
        for (int t = 0; t < TREES; t++) {
            CompiledRule rule = RuleFixtures.compile(tree(4, false));
            for (int s = 0; s < SUBJECTS_PER_TREE; s++) {
                SimpleFacts full = complete();
                SimpleFacts part = partial(full);
                Truth before = rule.evaluate(part, TODAY);
                Truth after = rule.evaluate(full, TODAY);
                if (before != Truth.UNKNOWN) {
                    assertThat(after).as(rule.rule() + "\n" + part + "\n" + full).isEqualTo(before);
                }
                assertThat(after).as("a complete subject settles every rule without exists")
                        .isNotEqualTo(Truth.UNKNOWN);
                settled += before == Truth.UNKNOWN ? 1 : 0;
                checked++;
            }
        }
        assertThat(checked).isEqualTo(TREES * SUBJECTS_PER_TREE);
        assertThat(settled).as("the generator exercises UNKNOWN often").isGreaterThan(checked / 10);
    }

    @Test
    void anUnknownChildNeverMakesAllTrueNorAnyFalse() {
        for (int t = 0; t < TREES; t++) {
            List<String> children = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                children.add(tree(3, true));
            }
            String list = String.join(",", children);
            CompiledRule all = RuleFixtures.compile("{'all':[" + list + "]}");
            CompiledRule any = RuleFixtures.compile("{'any':[" + list + "]}");
            List<CompiledRule> parts = children.stream().map(RuleFixtures::compile).toList();
            for (int s = 0; s < 5; s++) {
                SimpleFacts facts = partial(complete());
                List<Truth> outcomes = parts.stream().map(p -> p.evaluate(facts, TODAY)).toList();
                Truth allOutcome = all.evaluate(facts, TODAY);
                Truth anyOutcome = any.evaluate(facts, TODAY);
                if (outcomes.contains(Truth.UNKNOWN)) {
                    assertThat(allOutcome).isNotEqualTo(Truth.TRUE);
                    assertThat(anyOutcome).isNotEqualTo(Truth.FALSE);
                }
                assertThat(allOutcome).isEqualTo(outcomes.stream().reduce(Truth.TRUE, Truth::and));
                assertThat(anyOutcome).isEqualTo(outcomes.stream().reduce(Truth.FALSE, Truth::or));
                assertThat(all.explain(facts, TODAY).outcome()).isEqualTo(allOutcome);
                assertThat(any.explain(facts, TODAY).outcome()).isEqualTo(anyOutcome);
            }
        }
    }

    @Test
    void withNoFactsAtAllEveryRuleWithoutExistsIsUnknown() {
        for (int t = 0; t < TREES; t++) {
            CompiledRule rule = RuleFixtures.compile(tree(4, false));
            Explanation e = rule.explain(RuleFixtures.empty(), TODAY);
            assertThat(e.outcome()).isEqualTo(Truth.UNKNOWN);
            assertThat(e.missingFacts()).isNotEmpty().isSubsetOf(rule.facts());
        }
    }
}
