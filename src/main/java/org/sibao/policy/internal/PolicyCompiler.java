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
            CompiledRule rule = engine.compile(json.readTree(row.eligibility()), "eligibility");
            BenefitFormula formula = row.benefitFormula() == null ? null
                    : engine.parseFormula(json.readTree(row.benefitFormula()), "benefit.formula");
            return new CompiledPolicy(row, rule, formula);
        });
    }

    JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }
}
