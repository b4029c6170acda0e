package org.sibao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sibao.rules.RuleFixtures.TODAY;
import static org.sibao.rules.RuleFixtures.compile;
import static org.sibao.rules.RuleFixtures.known;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ExplanationTest {

    private static final CompiledRule RULE = compile("""
            {'all':[{'fact':'regionCode','op':'within','value':'411300'},
                    {'fact':'sizeClass','op':'in','value':['MEDIUM','SMALL']},
                    {'fact':'employees','op':'gte','value':1000}]}""");

    @Test
    void everyConditionWithExpectedAndActual() {
        Explanation e = RULE.explain(known().build(), TODAY);
        assertThat(e.outcome()).isEqualTo(Truth.TRUE);
        assertThat(e.conditions()).extracting(ConditionOutcome::path, ConditionOutcome::fact, ConditionOutcome::op,
                ConditionOutcome::expected, ConditionOutcome::actual, ConditionOutcome::outcome).containsExactly(
                        tuple("all[0]", "regionCode", "within", "411300", "411303", Truth.TRUE),
                        tuple("all[1]", "sizeClass", "in", List.of("MEDIUM", "SMALL"), "MEDIUM", Truth.TRUE),
                        tuple("all[2]", "employees", "gte", 1000L, 1200, Truth.TRUE));
        assertThat(e.decisive()).hasSize(3);
        assertThat(e.missingFacts()).isEmpty();
    }

    @Test
    void saysWhyIneligible() {
        Explanation e = RULE.explain(known().employees(300).regionCode("410102").build(), TODAY);
        assertThat(e.outcome()).isEqualTo(Truth.FALSE);
        assertThat(e.decisive()).extracting(ConditionOutcome::fact, ConditionOutcome::actual)
                .containsExactly(tuple("regionCode", "410102"), tuple("employees", 300));
        assertThat(e.conditions()).hasSize(3);
    }

    @Test
    void saysWhichInformationIsMissing() {
        Explanation e = RULE.explain(known().employees(null).sizeClass("UNKNOWN").build(), TODAY);
        assertThat(e.outcome()).isEqualTo(Truth.UNKNOWN);
        assertThat(e.decisive()).extracting(ConditionOutcome::fact).containsExactly("sizeClass", "employees");
        assertThat(e.decisive()).extracting(ConditionOutcome::actual).containsOnlyNulls();
        assertThat(e.missingFacts()).containsExactly("sizeClass", "employees");
    }

    @Test
    void aFalseConditionOutweighsMissingInformation() {
        Explanation e = RULE.explain(known().employees(null).regionCode("410102").build(), TODAY);
        assertThat(e.outcome()).isEqualTo(Truth.FALSE);
        assertThat(e.decisive()).extracting(ConditionOutcome::fact).containsExactly("regionCode");
        assertThat(e.missingFacts()).isEmpty();
    }

    @Test
    void anyIsDecidedByItsTrueBranchAndNotPassesItsDecidersThrough() {
        CompiledRule rule = compile("""
                {'any':[{'fact':'flags','op':'has','value':'LIAISON'},
                        {'not':{'fact':'attributes.fullCapacityQ2','op':'eq','value':true}},
                        {'fact':'employees','op':'gt','value':5000}]}""");
        Explanation e = rule.explain(known().build(), TODAY);
        assertThat(e.outcome()).isEqualTo(Truth.TRUE);
        assertThat(e.decisive()).extracting(ConditionOutcome::path, ConditionOutcome::outcome)
                .containsExactly(tuple("any[1].not", Truth.FALSE));
        Explanation none = rule.explain(known().attribute("fullCapacityQ2", true).build(), TODAY);
        assertThat(none.outcome()).isEqualTo(Truth.FALSE);
        assertThat(none.decisive()).hasSize(3);
    }

    @Test
    void datedConditionsShowTheEventsInsideTheWindow() {
        CompiledRule rule = compile("{'fact':'incidents','op':'noneWithin','value':{'kinds':['SAFETY'],'years':3}}");
        Incident recent = new Incident("SAFETY", TODAY.minusMonths(2));
        Explanation e = rule.explain(known().incidents(List.of(recent, new Incident("SAFETY", TODAY.minusYears(4)),
                new Incident("FRAUD", TODAY.minusDays(1)))).build(), TODAY);
        assertThat(e.outcome()).isEqualTo(Truth.FALSE);
        assertThat(e.conditions().get(0).actual()).isEqualTo(List.of(recent));
        assertThat(e.conditions().get(0).expected()).isEqualTo(new Window(List.of("SAFETY"), 3, 0, 0));
    }

    @Test
    void serialisesWithTheApiFieldNames() {
        Explanation e = RULE.explain(known().annualRevenue(BigDecimal.ONE).build(), TODAY);
        JsonNode item = RuleFixtures.JSON.valueToTree(e.conditions().get(1));
        assertThat(item.propertyNames()).contains("fact", "op", "expected", "actual", "outcome");
        assertThat(item.get("op").stringValue()).isEqualTo("in");
        assertThat(item.get("outcome").stringValue()).isEqualTo("TRUE");
        assertThat(item.get("expected").isArray()).isTrue();
    }

    @Test
    void explainingAgreesWithEvaluatingAndReadsTheRulesFacts() {
        assertThat(RULE.facts()).containsExactly("regionCode", "sizeClass", "employees");
        assertThat(RULE.rule()).isInstanceOf(Rule.All.class);
        for (Facts f : List.of(known().build(), RuleFixtures.empty(), known().employees(3).build())) {
            assertThat(RULE.explain(f, TODAY).outcome()).isEqualTo(RULE.evaluate(f, TODAY));
        }
    }
}
