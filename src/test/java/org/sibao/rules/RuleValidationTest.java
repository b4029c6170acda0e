package org.sibao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sibao.rules.RuleFixtures.ENGINE;
import static org.sibao.rules.RuleFixtures.json;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.sibao.platform.FieldProblem;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;

class RuleValidationTest {

    private static List<FieldProblem> problems(String rule) {
        return ENGINE.validate(json(rule), "eligibility");
    }

    private static void assertOnly(String rule, String field, String key) {
        assertThat(problems(rule)).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, key));
    }

    @Test
    void acceptsTheContractGrammar() {
        assertThat(problems("""
                {'all':[{'fact':'regionCode','op':'within','value':'411300'},
                        {'any':[{'fact':'sizeClass','op':'in','value':['MEDIUM','SMALL']},
                                {'not':{'fact':'flags','op':'has','value':'LIAISON'}}]},
                        {'fact':'employees','op':'gte','value':1000},
                        {'fact':'annualRevenue','op':'lt','value':2000.5},
                        {'fact':'attributes.rentsStateOwnedPremises','op':'eq','value':true},
                        {'fact':'outputValue','op':'exists'},
                        {'fact':'incidents','op':'noneWithin','value':{'kinds':['SAFETY'],'years':3}}]}""")).isEmpty();
    }

    @Test
    void unknownFact() {
        assertOnly("{'fact':'profit','op':'gt','value':1}", "eligibility.fact", "rules.error.unknownFact");
        assertOnly("{'fact':'attributes.nope','op':'eq','value':true}", "eligibility.fact",
                "rules.error.unknownFact");
    }

    @Test
    void unknownOp() {
        assertOnly("{'all':[{'fact':'employees','op':'gte','value':1},{'fact':'employees','op':'between','value':1}]}",
                "eligibility.all[1].op", "rules.error.unknownOp");
    }

    @Test
    void opNotAllowedForTheFact() {
        assertOnly("{'fact':'sector','op':'gt','value':'INDUSTRY'}", "eligibility.op", "rules.error.opNotAllowed");
        assertOnly("{'fact':'flags','op':'eq','value':'LIAISON'}", "eligibility.op", "rules.error.opNotAllowed");
        assertOnly("{'fact':'employees','op':'within','value':'411300'}", "eligibility.op",
                "rules.error.opNotAllowed");
        assertOnly("{'fact':'regionCode','op':'noneWithin','value':{'years':3}}", "eligibility.op",
                "rules.error.opNotAllowed");
    }

    @Test
    void missingFactOrOp() {
        assertThat(problems("{'fact':'employees','value':3}")).extracting(FieldProblem::field)
                .containsExactly("eligibility.op");
        assertThat(problems("{'op':'eq','value':3}")).extracting(FieldProblem::messageKey)
                .containsExactly("rules.error.factRequired");
        assertOnly("{'fact':'employees','op':'gte'}", "eligibility.value", "rules.error.valueRequired");
    }

    @Test
    void valueOfTheWrongType() {
        assertOnly("{'fact':'employees','op':'gte','value':'1000'}", "eligibility.value",
                "rules.error.expectedInteger");
        assertOnly("{'fact':'employees','op':'gte','value':10.5}", "eligibility.value",
                "rules.error.expectedInteger");
        assertOnly("{'fact':'annualRevenue','op':'gte','value':true}", "eligibility.value",
                "rules.error.expectedNumber");
        assertOnly("{'fact':'attributes.fullCapacityQ2','op':'eq','value':'yes'}", "eligibility.value",
                "rules.error.expectedBoolean");
        assertOnly("{'fact':'sector','op':'eq','value':3}", "eligibility.value", "rules.error.expectedString");
        assertOnly("{'fact':'sector','op':'in','value':'INDUSTRY'}", "eligibility.value",
                "rules.error.expectedArray");
        assertOnly("{'fact':'sector','op':'in','value':[]}", "eligibility.value", "rules.error.emptyArray");
        assertOnly("{'fact':'employees','op':'exists','value':'yes'}", "eligibility.value",
                "rules.error.expectedBoolean");
    }

    @Test
    void valueOutsideTheEnumOrFormat() {
        assertOnly("{'fact':'sector','op':'eq','value':'MINING'}", "eligibility.value",
                "rules.error.notAllowedValue");
        assertOnly("{'fact':'sizeClass','op':'in','value':['SMALL','UNKNOWN']}", "eligibility.value[1]",
                "rules.error.notAllowedValue");
        assertOnly("{'fact':'industrySection','op':'eq','value':'Z'}", "eligibility.value",
                "rules.error.notAllowedValue");
        assertOnly("{'fact':'industryCode','op':'eq','value':'361'}", "eligibility.value", "rules.error.badFormat");
        assertOnly("{'fact':'regionCode','op':'within','value':'4113'}", "eligibility.value",
                "rules.error.badFormat");
        assertOnly("{'fact':'flags','op':'has','value':'VIP'}", "eligibility.value", "rules.error.notAllowedValue");
    }

    @Test
    void unknownRegionAndIndustryWhenReferenceDataIsWired() {
        RuleEngine engine = new RuleEngine(FactCatalogue.standard(), "411300"::equals, "36"::equals);
        assertThat(engine.validate(json("{'fact':'regionCode','op':'within','value':'411300'}"), "r")).isEmpty();
        assertThat(engine.validate(json("{'all':[{'fact':'regionCode','op':'within','value':'419900'},"
                + "{'fact':'industryCode','op':'eq','value':'99'}]}"), "r"))
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r.all[0].value", "rules.error.unknownRegion"),
                        org.assertj.core.groups.Tuple.tuple("r.all[1].value", "rules.error.unknownIndustry"));
    }

    @Test
    void malformedWindow() {
        assertOnly("{'fact':'incidents','op':'noneWithin','value':3}", "eligibility.value",
                "rules.error.expectedWindow");
        assertOnly("{'fact':'incidents','op':'noneWithin','value':{'kinds':['SAFETY']}}", "eligibility.value",
                "rules.error.emptyPeriod");
        assertOnly("{'fact':'incidents','op':'noneWithin','value':{'kinds':['FIRE'],'years':3}}",
                "eligibility.value.kinds[0]", "rules.error.notAllowedValue");
        assertOnly("{'fact':'incidents','op':'noneWithin','value':{'years':-1}}", "eligibility.value.years",
                "rules.error.expectedPeriod");
        assertOnly("{'fact':'incidents','op':'anyWithin','value':{'years':3,'weeks':2}}",
                "eligibility.value.weeks", "rules.error.unknownKey");
    }

    @Test
    void emptyAllOrAny() {
        assertOnly("{'all':[]}", "eligibility.all", "rules.error.emptyList");
        assertOnly("{'all':[{'any':[]}]}", "eligibility.all[0].any", "rules.error.emptyList");
    }

    @Test
    void malformedNodes() {
        assertOnly("[1,2]", "eligibility", "rules.error.notObject");
        assertOnly("{'all':{'fact':'employees','op':'exists'}}", "eligibility.all", "rules.error.notArray");
        assertOnly("{'all':[{'fact':'employees','op':'exists'}],'any':[]}", "eligibility", "rules.error.malformed");
        assertOnly("{'foo':1}", "eligibility", "rules.error.malformed");
        assertOnly("{'not':null}", "eligibility.not", "rules.error.required");
        assertOnly("{'all':['x']}", "eligibility.all[0]", "rules.error.notObject");
        assertOnly("{'fact':'employees','op':'exists','unit':'people'}", "eligibility.unit",
                "rules.error.unknownKey");
    }

    @Test
    void tooDeep() {
        String rule = "{'fact':'employees','op':'exists'}";
        for (int i = 0; i < RuleParser.MAX_DEPTH + 1; i++) {
            rule = "{'not':" + rule + "}";
        }
        assertThat(problems(rule)).extracting(FieldProblem::messageKey).containsExactly("rules.error.tooDeep");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(problems("""
                {'all':[{'fact':'employees','op':'gte','value':1000},
                        {'fact':'sizeClass','op':'eq','value':'HUGE'},
                        {'fact':'nope','op':'eq','value':1},
                        {'any':[{'fact':'flags','op':'has','value':'LIAISON'},{'fact':'kind','op':'like','value':'x'}]}]}"""))
                .extracting(FieldProblem::field)
                .containsExactly("eligibility.all[1].value", "eligibility.all[2].fact", "eligibility.all[3].any[1].op");
    }

    @Test
    void parseThrowsA400NamingEveryField() {
        assertThatThrownBy(() -> ENGINE.parse(json("{'any':[{'fact':'x','op':'y'}]}"), "eligibility"))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.problems()).extracting(FieldProblem::field)
                            .containsExactly("eligibility.any[0].fact", "eligibility.any[0].op");
                });
    }

    @Test
    void everyProblemHasAMessageInBothLanguages() {
        ResourceBundleMessageSource messages = RuleFixtures.messages();
        List<String> rules = List.of("{'fact':'profit','op':'gt','value':1}", "{'fact':'employees','op':'between'}",
                "{'fact':'sector','op':'gt','value':'X'}", "{'fact':'employees','value':1}", "{'op':'eq'}",
                "{'fact':'employees','op':'gte'}", "{'fact':'employees','op':'gte','value':'1'}",
                "{'fact':'annualRevenue','op':'gte','value':'1'}", "{'fact':'kind','op':'eq','value':1}",
                "{'fact':'kind','op':'in','value':1}", "{'fact':'kind','op':'in','value':[]}",
                "{'fact':'kind','op':'eq','value':'X'}", "{'fact':'industryCode','op':'eq','value':'X'}",
                "{'fact':'incidents','op':'anyWithin','value':1}", "{'fact':'incidents','op':'anyWithin','value':{}}",
                "{'fact':'incidents','op':'anyWithin','value':{'days':1.5}}", "{'all':[]}", "{'all':1}", "1",
                "{'foo':1}", "{'fact':'kind','op':'exists','x':1}", "{'not':null}",
                "{'fact':'attributes.fullCapacityQ2','op':'eq','value':1}");
        for (String rule : rules) {
            List<FieldProblem> found = problems(rule);
            assertThat(found).as(rule).isNotEmpty();
            for (FieldProblem p : found) {
                for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                    String text = messages.getMessage(p.messageKey(), p.args(), null, locale);
                    assertThat(text).as(p.messageKey() + " " + locale).isNotBlank().doesNotContain("rules.error");
                }
            }
        }
        assertThat(messages.getMessage("rules.error.unknownFact", new Object[] {"x"}, Locale.ENGLISH))
                .isEqualTo("Not a registered fact: x");
        assertThat(messages.getMessage("rules.error.unknownFact", new Object[] {"x"}, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("不是已登记的事实：x");
    }
}
