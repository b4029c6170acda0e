package org.sibao.policy.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sibao.region.Region;
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
     * A policy serves the subjects of its own region only: a county's or city's policy is matched as
     * {@code all[regionCode within <its region>, rule]} (the explanation shows the added condition), whatever
     * regions its rule names (a 南阳 policy naming 郑州 reaches nobody). A province-wide policy is taken as written,
     * and so is a rule whose top-level {@code all} already keeps to the region (the seeded library), to avoid
     * saying it twice.
     */
    JsonNode withinItsRegion(PolicyRow row, JsonNode rule) {
        String region = row.regionCode();
        if (region == null || region.endsWith("0000") || rule == null || keepsTo(rule, Region.prefixOf(region))) {
            return rule;
        }
        var bound = json.createObjectNode().put("fact", "regionCode").put("op", "within");
        bound.putArray("value").add(region);
        var all = json.createObjectNode();
        all.putArray("all").add(bound).add(rule);
        return all;
    }

    /** Whether a top-level {@code all} holds {@code regionCode within […]} with every code inside the prefix. */
    private static boolean keepsTo(JsonNode rule, String prefix) {
        JsonNode all = rule.get("all");
        if (all == null || !all.isArray()) {
            return false;
        }
        for (JsonNode c : all) {
            if ("regionCode".equals(c.path("fact").asString(null)) && "within".equals(c.path("op").asString(null))) {
                JsonNode v = c.get("value");
                List<String> codes = new java.util.ArrayList<>();
                if (v != null && v.isArray()) {
                    v.forEach(x -> codes.add(x.asString("")));
                } else if (v != null) {
                    codes.add(v.asString(""));
                }
                if (!codes.isEmpty() && codes.stream().allMatch(code -> code.startsWith(prefix))) {
                    return true;
                }
            }
        }
        return false;
    }

    JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }
}
