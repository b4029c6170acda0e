package org.sibao.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sibao.platform.Validation;

import tools.jackson.databind.JsonNode;

/** Parses the {@link BenefitFormula} JSON, recording every problem with its path. */
final class FormulaParser {

    private static final Set<String> FORMULA_KEYS = Set.of("amount", "capYuan", "shares");
    private static final Set<String> SHARE_KEYS = Set.of("payer", "ratio");
    private static final int MAX_PAYER_LENGTH = 32;

    private final RuleEngine engine;
    private final Validation problems;

    FormulaParser(RuleEngine engine, Validation problems) {
        this.engine = engine;
        this.problems = problems;
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    BenefitFormula parse(JsonNode node, String path) {
        String here = path.isEmpty() ? "$" : path;
        if (node == null || !node.isObject()) {
            problems.reject(here, "rules.error.notObject");
            return null;
        }
        boolean ok = unknownKeys(node, FORMULA_KEYS, path);
        Amount amount = amount(node.get("amount"), child(path, "amount"), 0);
        BigDecimal cap = null;
        if (node.has("capYuan")) {
            cap = nonNegative(node.get("capYuan"), child(path, "capYuan"));
            ok &= cap != null;
        }
        List<BenefitFormula.PayerRatio> shares = List.of();
        if (node.has("shares")) {
            shares = shares(node.get("shares"), child(path, "shares"));
            ok &= shares != null;
        }
        return ok && amount.ok ? new BenefitFormula(amount.value, cap, shares) : null;
    }

    private record Amount(BenefitFormula.Amount value, boolean ok) {
    }

    private boolean unknownKeys(JsonNode node, Set<String> allowed, String path) {
        boolean ok = true;
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                problems.reject(child(path, key), "rules.error.unknownKey", key);
                ok = false;
            }
        }
        return ok;
    }

    private Amount amount(JsonNode node, String path, int depth) {
        Amount invalid = new Amount(null, false);
        if (node == null || node.isNull()) {
            problems.reject(path, "rules.error.required");
            return invalid;
        }
        if (!node.isObject()) {
            problems.reject(path, "rules.error.notObject");
            return invalid;
        }
        if (depth >= RuleParser.MAX_DEPTH) {
            problems.reject(path, "rules.error.tooDeep", RuleParser.MAX_DEPTH);
            return invalid;
        }
        if (node.has("fixedYuan")) {
            if (!unknownKeys(node, Set.of("fixedYuan"), path)) {
                return invalid;
            }
            BigDecimal yuan = nonNegative(node.get("fixedYuan"), child(path, "fixedYuan"));
            return yuan == null ? invalid : new Amount(new BenefitFormula.Fixed(yuan), true);
        }
        if (node.has("percent")) {
            boolean ok = unknownKeys(node, Set.of("percent", "of"), path);
            BigDecimal percent = nonNegative(node.get("percent"), child(path, "percent"));
            Fact of = numericFact(node.get("of"), child(path, "of"));
            return ok && percent != null && of != null ? new Amount(new BenefitFormula.Percent(percent, of), true)
                    : invalid;
        }
        if (node.has("tiers")) {
            return tiers(node, path, depth);
        }
        problems.reject(path, "rules.error.formulaAmount");
        return invalid;
    }

    private Amount tiers(JsonNode node, String path, int depth) {
        boolean ok = unknownKeys(node, Set.of("tiers", "otherwise"), path);
        JsonNode array = node.get("tiers");
        String tiersPath = child(path, "tiers");
        List<BenefitFormula.Tier> tiers = new ArrayList<>();
        if (!array.isArray()) {
            problems.reject(tiersPath, "rules.error.notArray");
            ok = false;
        } else if (array.isEmpty()) {
            problems.reject(tiersPath, "rules.error.emptyList");
            ok = false;
        } else {
            for (int i = 0; i < array.size(); i++) {
                String tierPath = tiersPath + "[" + i + "]";
                JsonNode tier = array.get(i);
                if (!tier.isObject()) {
                    problems.reject(tierPath, "rules.error.notObject");
                    ok = false;
                    continue;
                }
                ok &= unknownKeys(tier, Set.of("when", "amount"), tierPath);
                Rule when = engine.parseInto(tier.get("when"), child(tierPath, "when"), problems);
                Amount amount = amount(tier.get("amount"), child(tierPath, "amount"), depth + 1);
                if (when == null || !amount.ok) {
                    ok = false;
                } else {
                    tiers.add(new BenefitFormula.Tier(engine.compile(when), amount.value));
                }
            }
        }
        BenefitFormula.Amount otherwise = null;
        if (node.has("otherwise")) {
            Amount o = amount(node.get("otherwise"), child(path, "otherwise"), depth + 1);
            ok &= o.ok;
            otherwise = o.value;
        }
        return ok ? new Amount(new BenefitFormula.Tiers(tiers, otherwise), true) : new Amount(null, false);
    }

    private Fact numericFact(JsonNode node, String path) {
        if (node == null || !node.isString()) {
            problems.reject(path, "rules.error.factRequired");
            return null;
        }
        Fact fact = engine.catalogue().find(node.stringValue()).orElse(null);
        if (fact == null) {
            problems.reject(path, "rules.error.unknownFact", node.stringValue());
            return null;
        }
        if (!fact.isNumeric()) {
            problems.reject(path, "rules.error.notNumericFact", fact.name());
            return null;
        }
        return fact;
    }

    private BigDecimal nonNegative(JsonNode node, String path) {
        if (node == null || !node.isNumber()) {
            problems.reject(path, "rules.error.expectedNumber");
            return null;
        }
        if (node.decimalValue().signum() < 0) {
            problems.reject(path, "rules.error.nonNegative");
            return null;
        }
        return node.decimalValue();
    }

    private List<BenefitFormula.PayerRatio> shares(JsonNode array, String path) {
        if (!array.isArray()) {
            problems.reject(path, "rules.error.notArray");
            return null;
        }
        if (array.isEmpty()) {
            problems.reject(path, "rules.error.emptyList");
            return null;
        }
        boolean ok = true;
        Set<String> payers = new HashSet<>();
        List<BenefitFormula.PayerRatio> shares = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String sharePath = path + "[" + i + "]";
            JsonNode share = array.get(i);
            if (!share.isObject()) {
                problems.reject(sharePath, "rules.error.notObject");
                ok = false;
                continue;
            }
            ok &= unknownKeys(share, SHARE_KEYS, sharePath);
            JsonNode payer = share.get("payer");
            String payerPath = child(sharePath, "payer");
            if (payer == null || !payer.isString() || payer.stringValue().isBlank()) {
                problems.reject(payerPath, "rules.error.required");
                ok = false;
            } else if (payer.stringValue().length() > MAX_PAYER_LENGTH) {
                problems.reject(payerPath, "rules.error.maxLength", MAX_PAYER_LENGTH);
                ok = false;
            } else if (!payers.add(payer.stringValue())) {
                problems.reject(payerPath, "rules.error.duplicatePayer", payer.stringValue());
                ok = false;
            }
            JsonNode ratio = share.get("ratio");
            String ratioPath = child(sharePath, "ratio");
            if (ratio == null || !ratio.isNumber() || ratio.decimalValue().signum() <= 0) {
                problems.reject(ratioPath, "rules.error.positiveRatio");
                ok = false;
            }
            if (ok) {
                shares.add(new BenefitFormula.PayerRatio(payer.stringValue(), ratio.decimalValue()));
            }
        }
        return ok ? shares : null;
    }
}
