package org.sibao.whitelist.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sibao.platform.BusinessClock;
import org.sibao.rules.CompiledRule;
import org.sibao.rules.ConditionOutcome;
import org.sibao.rules.Explanation;
import org.sibao.rules.Fact;
import org.sibao.rules.Facts;
import org.sibao.rules.Incident;
import org.sibao.rules.Rule;
import org.sibao.rules.RuleRenderer;
import org.sibao.rules.Truth;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Checks facts against a criteria version, criterion by criterion, with the facts each one used. Compiled rules
 * are cached per criteria version (versions never change once published).
 */
@Component
class Prechecker {

    private final WhitelistRules rules;
    private final RuleRenderer renderer;
    private final MessageSource messages;
    private final BusinessClock clock;
    private final Map<String, List<CompiledRule>> compiled = new ConcurrentHashMap<>();

    Prechecker(WhitelistRules rules, RuleRenderer renderer, MessageSource messages, BusinessClock clock) {
        this.rules = rules;
        this.renderer = renderer;
        this.messages = messages;
        this.clock = clock;
    }

    Precheck check(CriteriaSet set, Facts facts) {
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate asOf = clock.today();
        List<CompiledRule> compiledRules = compiled.computeIfAbsent(set.id(), id -> set.criteria().stream()
                .map(c -> rules.engine().compile(c.rule(), "rule")).toList());
        List<Precheck.CriterionResult> results = new ArrayList<>();
        boolean anyFail = false;
        boolean anyUnknown = false;
        for (int i = 0; i < set.criteria().size(); i++) {
            CriteriaSet.Criterion criterion = set.criteria().get(i);
            Explanation e = compiledRules.get(i).explain(facts, asOf);
            String outcome = outcome(e.outcome());
            anyFail |= e.outcome() == Truth.FALSE;
            anyUnknown |= e.outcome() == Truth.UNKNOWN;
            List<Precheck.ConditionResult> conditions = e.conditions().stream()
                    .map(c -> new Precheck.ConditionResult(c.fact(), c.op(), c.expected(), c.actual(),
                            outcome(c.outcome())))
                    .toList();
            results.add(new Precheck.CriterionResult(criterion.code(), criterion.title(), criterion.kind().name(),
                    outcome, detail(e, locale), conditions));
        }
        return new Precheck(anyFail ? "FAIL" : anyUnknown ? "UNKNOWN" : "PASS", results);
    }

    /** The plain-language preview of a rule, for the criteria editor. */
    String preview(tools.jackson.databind.JsonNode rule) {
        return renderer.render(rules.engine().parse(rule, "rule"), LocaleContextHolder.getLocale());
    }

    private String detail(Explanation e, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (ConditionOutcome c : e.decisive().isEmpty() ? e.conditions() : e.decisive()) {
            Fact fact = rules.engine().catalogue().find(c.fact()).orElse(null);
            if (fact == null) {
                continue;
            }
            String condition = renderer.render(new Rule.Condition(fact,
                    org.sibao.rules.Op.fromJson(c.op()).orElseThrow(), c.expected()), locale);
            parts.add(messages.getMessage("whitelist.precheck.condition",
                    new Object[] {condition, actual(fact, c.actual(), locale)}, locale));
        }
        String prefix = messages.getMessage("whitelist.precheck.outcome." + outcome(e.outcome()), null, locale);
        return prefix + "：" + String.join("；", parts);
    }

    /** What the subject has, as people read it: region and industry names, labels of codes, 是/否. */
    private String actual(Fact fact, Object actual, Locale locale) {
        if (actual == null) {
            return messages.getMessage("whitelist.precheck.missing", null, locale);
        }
        if (actual instanceof Boolean b) {
            return messages.getMessage("rules.value." + b, null, b.toString(), locale);
        }
        if (actual instanceof Collection<?> items) {
            if (items.isEmpty()) {
                return messages.getMessage("whitelist.precheck.none", null, locale);
            }
            List<String> parts = new ArrayList<>();
            for (Object o : items) {
                if (o instanceof Incident inc) {
                    parts.add(inc.date() + " " + messages.getMessage("rules.value.incidents." + inc.kind(), null,
                            inc.kind(), locale));
                } else {
                    parts.add(messages.getMessage("rules.value.flags." + o, null, String.valueOf(o), locale));
                }
            }
            return String.join("、", parts);
        }
        if (actual instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (actual instanceof String || actual instanceof Long) {
            return renderer.shown(fact, actual, locale);
        }
        return String.valueOf(actual);
    }

    static String outcome(Truth t) {
        return switch (t) {
            case TRUE -> "PASS";
            case FALSE -> "FAIL";
            case UNKNOWN -> "UNKNOWN";
        };
    }
}
