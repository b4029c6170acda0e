package org.sibao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sibao.region.Sector;
import org.sibao.rules.BenefitAmount;
import org.sibao.rules.BenefitFormula;
import org.sibao.rules.CompiledRule;
import org.sibao.rules.ConditionOutcome;
import org.sibao.rules.Explanation;
import org.sibao.rules.Incident;
import org.sibao.rules.RuleEngine;
import org.sibao.rules.SimpleFacts;
import org.sibao.rules.Truth;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every test case kept beside each seeded policy ({@code src/main/resources/policies/*.json}, "cases"): the
 * subject's facts → the expected outcome, the facts of the deciding conditions, and the benefit and shares.
 */
class SeededPolicyCasesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RuleEngine ENGINE = RuleEngine.standard();
    private static final LocalDate TODAY = LocalDate.of(2022, 6, 30);

    static List<JsonNode> policies() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:policies/*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        List<JsonNode> out = new ArrayList<>();
        for (Resource f : files) {
            try (InputStream in = f.getInputStream()) {
                out.add(JSON.readTree(in));
            }
        }
        return out;
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> args = new ArrayList<>();
        for (JsonNode p : policies()) {
            for (JsonNode c : p.get("cases")) {
                args.add(Arguments.of(p.get("code").stringValue() + " " + c.get("name").stringValue(), p, c));
            }
        }
        return args.stream();
    }

    @Test
    void theLibraryHoldsTheRequiredCodesWithVerbatimSourcesAndCases() throws IOException {
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        for (JsonNode p : policies()) {
            byCode.put(p.get("code").stringValue(), p);
        }
        assertThat(byCode).containsKeys("NY40-01", "NY40-02", "NY40-03", "NY40-06", "NY40-10", "NY40-16", "NY40-20",
                "HN-BOOTH");
        assertThat(byCode.keySet().stream().filter(c -> c.startsWith("NY40-")).count()).isGreaterThanOrEqualTo(20);
        String seed40 = "落实省满负荷生产财政奖励政策，对第二季度满负荷生产的规模以上工业企业奖励 10 万元";
        assertThat(byCode.get("NY40-20").at("/source/sentence").stringValue()).startsWith(seed40);
        assertThat(byCode.get("HN-BOOTH").at("/source/sentence").stringValue()).contains("7:3 比例给予 50%的购置补贴");
        for (JsonNode p : byCode.values()) {
            assertThat(p.get("cases").size()).as(p.get("code").stringValue()).isGreaterThanOrEqualTo(2);
            assertThat(p.at("/source/sentence").stringValue()).as(p.get("code").stringValue()).isNotBlank();
            assertThat(ENGINE.validate(p.get("eligibility"), "eligibility")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void seededCase(String name, JsonNode policy, JsonNode c) {
        CompiledRule rule = ENGINE.compile(policy.get("eligibility"), "eligibility");
        SimpleFacts facts = facts(c.get("facts"));
        Explanation e = rule.explain(facts, TODAY);
        assertThat(outcome(e.outcome())).as(name).isEqualTo(c.get("expected").stringValue());
        assertThat(rule.evaluate(facts, TODAY)).isEqualTo(e.outcome());
        if (c.has("deciding")) {
            Set<String> decisive = new HashSet<>();
            for (ConditionOutcome d : e.decisive()) {
                decisive.add(d.fact());
            }
            for (JsonNode f : c.get("deciding")) {
                assertThat(decisive).as(name + " decided by").contains(f.stringValue());
            }
        }
        JsonNode formulaJson = policy.at("/benefit/formula");
        if (c.has("benefitYuan")) {
            BenefitFormula formula = ENGINE.parseFormula(formulaJson, "benefit.formula");
            BenefitAmount b = formula.compute(facts, TODAY);
            assertThat(b.known()).isTrue();
            assertThat(b.amountYuan()).isEqualByComparingTo(c.get("benefitYuan").decimalValue());
            if (c.has("shares")) {
                Map<String, BigDecimal> shares = new LinkedHashMap<>();
                b.shares().forEach(s -> shares.put(s.payer(), s.amountYuan()));
                assertThat(shares.keySet()).containsExactlyElementsOf(c.get("shares").propertyNames());
                for (String payer : c.get("shares").propertyNames()) {
                    assertThat(shares.get(payer)).as(payer).isEqualByComparingTo(c.get("shares").get(payer).decimalValue());
                }
            }
        }
    }

    private static String outcome(Truth t) {
        return t == Truth.TRUE ? "ELIGIBLE" : t == Truth.FALSE ? "INELIGIBLE" : "UNKNOWN";
    }

    private static SimpleFacts facts(JsonNode f) {
        SimpleFacts.Builder b = SimpleFacts.builder();
        if (f.has("regionCode")) b.regionCode(f.get("regionCode").stringValue());
        if (f.has("sector")) b.sector(Sector.valueOf(f.get("sector").stringValue()));
        if (f.has("industrySection")) b.industrySection(f.get("industrySection").stringValue());
        if (f.has("industryCode")) b.industryCode(f.get("industryCode").stringValue());
        if (f.has("sizeClass")) b.sizeClass(f.get("sizeClass").stringValue());
        if (f.has("kind")) b.kind(f.get("kind").stringValue());
        if (f.has("employees")) b.employees(f.get("employees").intValue());
        if (f.has("whitelistStatus")) b.whitelistStatus(f.get("whitelistStatus").stringValue());
        if (f.has("whitelistLevel")) b.whitelistLevel(f.get("whitelistLevel").stringValue());
        if (f.has("operationMode")) b.operationMode(f.get("operationMode").stringValue());
        if (f.has("flags")) {
            Set<String> flags = new HashSet<>();
            f.get("flags").forEach(x -> flags.add(x.stringValue()));
            b.flags(flags);
        }
        if (f.has("incidents")) {
            List<Incident> incidents = new ArrayList<>();
            f.get("incidents").forEach(i -> incidents.add(new Incident(i.get("kind").stringValue(),
                    LocalDate.parse(i.get("date").stringValue()))));
            b.incidents(incidents);
        }
        if (f.has("attributes")) {
            JsonNode a = f.get("attributes");
            for (String k : a.propertyNames()) {
                JsonNode v = a.get(k);
                b.attribute(k, v.isBoolean() ? (Object) v.booleanValue() : v.isNumber() ? v.decimalValue() : v.stringValue());
            }
        }
        return b.build();
    }
}
