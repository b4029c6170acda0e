package org.sibao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sibao.rules.RuleFixtures.ENGINE;
import static org.sibao.rules.RuleFixtures.json;
import static org.sibao.rules.RuleFixtures.known;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sibao.platform.FieldProblem;

class BenefitFormulaTest {

    /** HN-BOOTH: 50 % of the sampling-booth purchase cost, province : local = 7 : 3. */
    private static final BenefitFormula BOOTH = ENGINE.parseFormula(json("""
            {'amount':{'percent':50,'of':'attributes.boothCostYuan'},
             'shares':[{'payer':'PROVINCE','ratio':7},{'payer':'LOCAL','ratio':3}]}"""), "benefit.formula");

    /** Full-capacity reward: 10 万元, or 20 万元 with revenue growth ≥ 10 %, province : local = 1 : 1. */
    private static final BenefitFormula FULL_CAPACITY = ENGINE.parseFormula(json("""
            {'amount':{'tiers':[{'when':{'fact':'attributes.revenueGrowthPct','op':'gte','value':10},
                                 'amount':{'fixedYuan':200000}}],
                       'otherwise':{'fixedYuan':100000}},
             'shares':[{'payer':'PROVINCE','ratio':1},{'payer':'LOCAL','ratio':1}]}"""), "benefit.formula");

    private static BigDecimal yuan(String v) {
        return new BigDecimal(v);
    }

    @Test
    void percentageOfAFactSharedSevenToThree() {
        BenefitAmount a = BOOTH.compute(known().build());
        assertThat(a.known()).isTrue();
        assertThat(a.amountYuan()).isEqualTo(yuan("43000.00"));
        assertThat(a.shares()).extracting(BenefitAmount.Share::payer, BenefitAmount.Share::amountYuan)
                .containsExactly(tuple("PROVINCE", yuan("30100.00")), tuple("LOCAL", yuan("12900.00")));
    }

    @Test
    void roundsToTheFenWithTheRemainderToTheFirstPayer() {
        BenefitAmount a = BOOTH.compute(known().attribute("boothCostYuan", yuan("12345.67")).build());
        assertThat(a.amountYuan()).isEqualTo(yuan("6172.84"));
        assertThat(a.shares()).extracting(BenefitAmount.Share::amountYuan)
                .containsExactly(yuan("4320.99"), yuan("1851.85"));
    }

    @Test
    void tiers() {
        BenefitAmount high = FULL_CAPACITY.compute(known().build());
        assertThat(high.amountYuan()).isEqualTo(yuan("200000.00"));
        assertThat(high.shares()).extracting(BenefitAmount.Share::amountYuan)
                .containsExactly(yuan("100000.00"), yuan("100000.00"));
        assertThat(FULL_CAPACITY.compute(known().attribute("revenueGrowthPct", yuan("9.99")).build()).amountYuan())
                .isEqualTo(yuan("100000.00"));
        assertThat(FULL_CAPACITY.compute(known().attribute("revenueGrowthPct", 10).build()).amountYuan())
                .isEqualTo(yuan("200000.00"));
    }

    @Test
    void aMissingFactMakesTheAmountUnknownNotZero() {
        BenefitAmount booth = BOOTH.compute(known().attribute("boothCostYuan", null).build());
        assertThat(booth.known()).isFalse();
        assertThat(booth.amountYuan()).isNull();
        assertThat(booth.missingFacts()).containsExactly("attributes.boothCostYuan");
        BenefitAmount reward = FULL_CAPACITY.compute(RuleFixtures.empty());
        assertThat(reward.known()).isFalse();
        assertThat(reward.missingFacts()).containsExactly("attributes.revenueGrowthPct");
    }

    @Test
    void wanYuanFactsAreConvertedAndAmountsCappedAndNeverNegative() {
        BenefitFormula formula = ENGINE.parseFormula(json("{'amount':{'percent':1,'of':'annualRevenue'},"
                + "'capYuan':2000000}"), "f");
        assertThat(formula.compute(known().annualRevenue(yuan("1000.5")).build()).amountYuan())
                .isEqualTo(yuan("100050.00"));
        assertThat(formula.compute(known().build()).amountYuan()).isEqualTo(yuan("2000000.00"));
        assertThat(formula.compute(known().annualRevenue(yuan("-5")).build()).amountYuan())
                .isEqualTo(yuan("0.00"));
        assertThat(formula.compute(known().build()).shares()).isEmpty();
        BenefitFormula noOtherwise = ENGINE.parseFormula(json("{'amount':{'tiers':[{'when':{'fact':'employees',"
                + "'op':'gt','value':5000},'amount':{'fixedYuan':1}}]}}"), "f");
        assertThat(noOtherwise.compute(known().build()).amountYuan()).isEqualTo(yuan("0.00"));
    }

    @Test
    void sharesAlwaysAddUpExactly() {
        Random random = new Random(7);
        List<List<Integer>> ratios = List.of(List.of(1, 1), List.of(7, 3), List.of(1, 1, 1), List.of(2, 3, 5),
                List.of(3, 7), List.of(1, 2, 4, 8));
        for (List<Integer> r : ratios) {
            StringBuilder shares = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                shares.append(i == 0 ? "" : ",").append("{'payer':'P").append(i).append("','ratio':").append(r.get(i))
                        .append("}");
            }
            BenefitFormula f = ENGINE.parseFormula(json("{'amount':{'fixedYuan':0},'shares':[" + shares + "]}"), "f");
            for (int n = 0; n < 2_000; n++) {
                BigDecimal total = BigDecimal.valueOf(random.nextInt(100_000_000), 2);
                List<BenefitAmount.Share> split = f.split(total);
                assertThat(split).hasSize(r.size());
                assertThat(split.stream().map(BenefitAmount.Share::amountYuan).reduce(BigDecimal.ZERO,
                        BigDecimal::add)).isEqualTo(total);
                assertThat(split).allSatisfy(s -> {
                    assertThat(s.amountYuan().scale()).isEqualTo(2);
                    assertThat(s.amountYuan().signum()).isGreaterThanOrEqualTo(0);
                });
            }
        }
        BenefitFormula half = ENGINE.parseFormula(json("{'amount':{'fixedYuan':0.01},'shares':[{'payer':'A','ratio':1},"
                + "{'payer':'B','ratio':1}]}"), "f");
        assertThat(half.compute(RuleFixtures.empty()).shares()).extracting(BenefitAmount.Share::amountYuan)
                .containsExactly(yuan("0.01"), yuan("0.00"));
    }

    @Test
    void validatesTheFormulaWithPaths() {
        List<FieldProblem> problems = ENGINE.validateFormula(json("""
                {'amount':{'tiers':[{'when':{'fact':'employees','op':'like','value':1},'amount':{'fixedYuan':-1}},
                                    {'when':{'fact':'sector','op':'eq','value':'INDUSTRY'},'amount':{'percent':5,'of':'sector'}}],
                           'otherwise':{'bonus':3}},
                 'capYuan':'lots',
                 'shares':[{'payer':'PROVINCE','ratio':0},{'payer':'PROVINCE','ratio':1},{'ratio':1,'who':'x'}],
                 'note':1}"""), "benefit.formula");
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactlyInAnyOrder(
                tuple("benefit.formula.note", "rules.error.unknownKey"),
                tuple("benefit.formula.amount.tiers[0].when.op", "rules.error.unknownOp"),
                tuple("benefit.formula.amount.tiers[0].amount.fixedYuan", "rules.error.nonNegative"),
                tuple("benefit.formula.amount.tiers[1].amount.of", "rules.error.notNumericFact"),
                tuple("benefit.formula.amount.otherwise", "rules.error.formulaAmount"),
                tuple("benefit.formula.capYuan", "rules.error.expectedNumber"),
                tuple("benefit.formula.shares[0].ratio", "rules.error.positiveRatio"),
                tuple("benefit.formula.shares[1].payer", "rules.error.duplicatePayer"),
                tuple("benefit.formula.shares[2].who", "rules.error.unknownKey"),
                tuple("benefit.formula.shares[2].payer", "rules.error.required"));
        assertThat(ENGINE.validateFormula(json("{'shares':[]}"), "f")).extracting(FieldProblem::field)
                .containsExactly("f.amount", "f.shares");
        assertThat(ENGINE.validateFormula(json("{'amount':{'percent':5,'of':'profit'}}"), "f"))
                .extracting(FieldProblem::messageKey).containsExactly("rules.error.unknownFact");
        assertThat(ENGINE.validateFormula(json("{'amount':{'tiers':[]}}"), "f")).extracting(FieldProblem::field)
                .containsExactly("f.amount.tiers");
    }
}
