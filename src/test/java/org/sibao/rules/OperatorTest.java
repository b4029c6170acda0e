package org.sibao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.rules.RuleFixtures.empty;
import static org.sibao.rules.RuleFixtures.eval;
import static org.sibao.rules.RuleFixtures.known;
import static org.sibao.rules.Truth.FALSE;
import static org.sibao.rules.Truth.TRUE;
import static org.sibao.rules.Truth.UNKNOWN;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every op on every fact type against the known subject (TRUE/FALSE) and an empty one (UNKNOWN). */
class OperatorTest {

    private static final Facts SUBJECT = known().build();

    private static void check(String fact, String op, String value, Truth expected) {
        String rule = "{'fact':'" + fact + "','op':'" + op + "'" + (value == null ? "" : ",'value':" + value) + "}";
        assertThat(eval(rule, SUBJECT)).as(rule).isEqualTo(expected);
        Truth onEmpty = op.equals("exists") ? (value != null && value.equals("false") ? TRUE : FALSE) : UNKNOWN;
        assertThat(eval(rule, empty())).as("missing: " + rule).isEqualTo(onEmpty);
    }

    @Test
    void regionWithinUsesPrefixes() {
        check("regionCode", "within", "'411300'", TRUE);
        check("regionCode", "within", "'410000'", TRUE);
        check("regionCode", "within", "'411303'", TRUE);
        check("regionCode", "within", "'410100'", FALSE);
        check("regionCode", "within", "['410100','411300']", TRUE);
        check("regionCode", "eq", "'411303'", TRUE);
        check("regionCode", "eq", "'411300'", FALSE);
        check("regionCode", "in", "['411302','411303']", TRUE);
        check("regionCode", "notIn", "['411302','411303']", FALSE);
        check("regionCode", "ne", "'411302'", TRUE);
        check("regionCode", "exists", null, TRUE);
    }

    @Test
    void codes() {
        check("sector", "eq", "'INDUSTRY'", TRUE);
        check("sector", "ne", "'INDUSTRY'", FALSE);
        check("sector", "in", "['COMMERCE','TRANSPORT']", FALSE);
        check("sector", "notIn", "['COMMERCE','TRANSPORT']", TRUE);
        check("industrySection", "in", "['B','C','D']", TRUE);
        check("industryCode", "eq", "'36'", TRUE);
        check("industryCode", "in", "['51','52']", FALSE);
        check("sizeClass", "in", "['MEDIUM','SMALL']", TRUE);
        check("kind", "eq", "'PROJECT'", FALSE);
        check("whitelistStatus", "eq", "'ACTIVE'", TRUE);
        check("whitelistLevel", "in", "['CITY','PROVINCE']", TRUE);
        check("operationMode", "ne", "'CLOSED_LOOP'", TRUE);
        check("kind", "exists", null, TRUE);
        check("kind", "exists", "false", FALSE);
    }

    @Test
    void offTheWhitelistTheLevelIsDecidedNotUnknown() {
        for (String status : new String[] {"NONE", "REMOVED"}) {
            Facts off = known().whitelistStatus(status).whitelistLevel(status.equals("REMOVED") ? "CITY" : null).build();
            assertThat(eval("{'fact':'whitelistLevel','op':'eq','value':'CITY'}", off)).as(status).isEqualTo(FALSE);
            assertThat(eval("{'fact':'whitelistLevel','op':'in','value':['CITY','PROVINCE']}", off)).isEqualTo(FALSE);
            assertThat(eval("{'fact':'whitelistLevel','op':'ne','value':'CITY'}", off)).isEqualTo(TRUE);
            assertThat(eval("{'fact':'whitelistLevel','op':'notIn','value':['COUNTY']}", off)).isEqualTo(TRUE);
            assertThat(eval("{'fact':'whitelistLevel','op':'exists'}", off)).isEqualTo(FALSE);
            assertThat(eval("{'fact':'whitelistLevel','op':'exists','value':false}", off)).isEqualTo(TRUE);
        }
        Facts suspended = known().whitelistStatus("SUSPENDED").whitelistLevel(null).build();
        assertThat(eval("{'fact':'whitelistLevel','op':'eq','value':'CITY'}", suspended))
                .as("on the whitelist at a level nobody recorded").isEqualTo(UNKNOWN);
    }

    @Test
    void integers() {
        check("employees", "eq", "1200", TRUE);
        check("employees", "ne", "1200", FALSE);
        check("employees", "gt", "1200", FALSE);
        check("employees", "gte", "1200", TRUE);
        check("employees", "lt", "1201", TRUE);
        check("employees", "lte", "1199", FALSE);
        check("employees", "gte", "1000.0", TRUE);
    }

    @Test
    void decimalsCompareByValueNotScale() {
        check("annualRevenue", "eq", "25000.50", TRUE);
        check("annualRevenue", "gt", "25000.49", TRUE);
        check("annualRevenue", "gte", "25000.51", FALSE);
        check("totalAssets", "lt", "18000", FALSE);
        check("totalAssets", "lte", "18000", TRUE);
        check("outputValue", "ne", "30000.0", FALSE);
        check("attributes.revenueGrowthPct", "gte", "10", TRUE);
        check("attributes.boothCostYuan", "lt", "100000", TRUE);
    }

    @Test
    void booleans() {
        check("attributes.rentsStateOwnedPremises", "eq", "true", TRUE);
        check("attributes.fullCapacityQ2", "eq", "true", FALSE);
        check("attributes.fullCapacityQ2", "ne", "true", TRUE);
        check("attributes.affectedByEpidemic", "exists", null, TRUE);
    }

    @Test
    void flags() {
        check("flags", "has", "'SPECIALIZED'", TRUE);
        check("flags", "has", "'LIAISON'", FALSE);
        check("flags", "exists", null, TRUE);
        Facts noFlags = known().flags(Set.of()).build();
        assertThat(eval("{'fact':'flags','op':'has','value':'LIAISON'}", noFlags)).isEqualTo(FALSE);
        assertThat(eval("{'fact':'flags','op':'exists'}", noFlags)).isEqualTo(TRUE);
    }

    @Test
    void datedEvents() {
        check("incidents", "noneWithin", "{'kinds':['SAFETY','QUALITY','ENVIRONMENT'],'years':3}", TRUE);
        check("incidents", "anyWithin", "{'kinds':['SAFETY'],'years':5}", TRUE);
        check("incidents", "noneWithin", "{'years':5}", FALSE);
        check("incidents", "anyWithin", "{'kinds':['DISHONESTY'],'years':10}", FALSE);
        check("incidents", "exists", null, TRUE);
    }

    @Test
    void sizeClassUnknownIsAMissingFact() {
        Facts unknownSize = known().sizeClass("UNKNOWN").build();
        assertThat(eval("{'fact':'sizeClass','op':'in','value':['MEDIUM','SMALL']}", unknownSize)).isEqualTo(UNKNOWN);
        assertThat(eval("{'fact':'sizeClass','op':'notIn','value':['LARGE']}", unknownSize)).isEqualTo(UNKNOWN);
        assertThat(eval("{'fact':'sizeClass','op':'exists'}", unknownSize)).isEqualTo(FALSE);
    }

    @Test
    void aMissingNumberIsNeverZero() {
        assertThat(eval("{'fact':'employees','op':'lt','value':10}", empty())).isEqualTo(UNKNOWN);
        assertThat(eval("{'fact':'annualRevenue','op':'eq','value':0}", empty())).isEqualTo(UNKNOWN);
        assertThat(eval("{'fact':'attributes.revenueGrowthPct','op':'ne','value':0}", empty())).isEqualTo(UNKNOWN);
    }

    @Test
    void attributeValuesOfTheWrongJavaTypeAreTreatedAsMissing() {
        Facts odd = known().attribute("fullCapacityQ2", "yes").attribute("revenueGrowthPct", "ten").build();
        assertThat(eval("{'fact':'attributes.fullCapacityQ2','op':'eq','value':true}", odd)).isEqualTo(UNKNOWN);
        assertThat(eval("{'fact':'attributes.revenueGrowthPct','op':'gt','value':1}", odd)).isEqualTo(UNKNOWN);
        Facts integerAttribute = known().attribute("boothCostYuan", 500).build();
        assertThat(eval("{'fact':'attributes.boothCostYuan','op':'eq','value':500.00}", integerAttribute))
                .isEqualTo(TRUE);
        assertThat(((SimpleFacts) integerAttribute).attribute("boothCostYuan")).isEqualTo(new BigDecimal("500"));
    }

    @Test
    void registeredAttributesExtendTheCatalogue() {
        RuleEngine engine = new RuleEngine(FactCatalogue.standard()
                .with(Fact.attribute("exportOriented", FactType.BOOLEAN, null),
                        Fact.attribute("zone", FactType.CODE, null, "GREEN", "RED")), c -> true, c -> true);
        CompiledRule rule = engine.compile(RuleFixtures.json("{'all':[{'fact':'attributes.exportOriented','op':'eq',"
                + "'value':true},{'fact':'attributes.zone','op':'in','value':['GREEN']}]}"), "r");
        Facts facts = SimpleFacts.builder().attribute("exportOriented", true).attribute("zone", "GREEN").build();
        assertThat(rule.evaluate(facts, RuleFixtures.TODAY)).isEqualTo(TRUE);
        assertThat(rule.facts()).containsExactly("attributes.exportOriented", "attributes.zone");
        assertThat(RuleEngine.standard().validate(RuleFixtures.json("{'fact':'attributes.zone','op':'exists'}"), "r"))
                .isNotEmpty();
    }
}
