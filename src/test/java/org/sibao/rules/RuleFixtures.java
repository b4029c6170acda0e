package org.sibao.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.sibao.region.Sector;
import org.springframework.context.support.ResourceBundleMessageSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shared helpers: JSON parsing, a standard engine, a fully known subject and the rules message bundles. */
final class RuleFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RuleEngine ENGINE = RuleEngine.standard();
    static final LocalDate TODAY = LocalDate.of(2022, 6, 1);

    private RuleFixtures() {
    }

    static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static CompiledRule compile(String rule) {
        return ENGINE.compile(json(rule), "eligibility");
    }

    static Truth eval(String rule, Facts facts) {
        return compile(rule).evaluate(facts, TODAY);
    }

    /** 南阳市卧龙区, a medium industrial firm with every fact known. */
    static SimpleFacts.Builder known() {
        return SimpleFacts.builder().regionCode("411303").sector(Sector.INDUSTRY).industrySection("C")
                .industryCode("36").sizeClass("MEDIUM").kind("ENTERPRISE").employees(1200)
                .annualRevenue(new BigDecimal("25000.5")).totalAssets(new BigDecimal("18000"))
                .outputValue(new BigDecimal("30000")).flags("ABOVE_SCALE", "SPECIALIZED").whitelistStatus("ACTIVE")
                .whitelistLevel("CITY").operationMode("NORMAL").attribute("rentsStateOwnedPremises", true)
                .attribute("fullCapacityQ2", false).attribute("revenueGrowthPct", new BigDecimal("12.5"))
                .attribute("boothCostYuan", new BigDecimal("86000")).attribute("affectedByEpidemic", true)
                .incidents(List.of(new Incident("SAFETY", LocalDate.of(2018, 3, 5))));
    }

    static SimpleFacts empty() {
        return SimpleFacts.builder().build();
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/rules");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
