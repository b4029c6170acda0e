package org.sibao.policy.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sibao.rules.BenefitFormula;
import org.sibao.rules.CompiledRule;
import org.sibao.rules.RuleEngine;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles a policy version's rule and formula once and keeps them: a version's content only changes while it is
 * a DRAFT, so the cache key is the id plus the last change.
 */
@Component
class PolicyCompiler {

    private final RuleEngine engine;
    private final JsonMapper json;
    private final Map<String, CompiledPolicy> cache = new ConcurrentHashMap<>();

    PolicyCompiler(RuleEngine engine, JsonMapper json) {
        this.engine = engine;
        this.json = json;
    }

    CompiledPolicy compile(PolicyRow row) {
        String key = row.id() + "@" + row.updatedAt().toInstant().toEpochMilli();
        return cache.computeIfAbsent(key, k -> {
            CompiledRule rule = engine.compile(withinItsRegion(row, json.readTree(row.eligibility())), "eligibility");
            BenefitFormula formula = row.benefitFormula() == null ? null
                    : engine.parseFormula(json.readTree(row.benefitFormula()), "benefit.formula");
            return new CompiledPolicy(row, rule, formula);
        });
    }

    /**
     * A policy serves the subjects of its own region: a county's or city's policy whose rule says nothing about
     * {@code regionCode} is matched as {@code all[regionCode within <its region>, rule]} (the explanation shows
     * the added condition). A province-wide policy, or one whose rule names regions itself, is taken as written.
     */
    JsonNode withinItsRegion(PolicyRow row, JsonNode rule) {
        String region = row.regionCode();
        if (region == null || region.endsWith("0000") || rule == null
                || rule.findValues("fact").stream().anyMatch(f -> "regionCode".equals(f.asString(null)))) {
            return rule;
        }
        var bound = json.createObjectNode().put("fact", "regionCode").put("op", "within");
        bound.putArray("value").add(region);
        var all = json.createObjectNode();
        all.putArray("all").add(bound).add(rule);
        return all;
    }

    JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }
}
