package org.sibao.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How much a benefit pays and who pays it, as data. JSON (parsed by {@link RuleEngine#parseFormula}):
 *
 * <pre>
 * FORMULA = {"amount": AMOUNT, "capYuan"?: number, "shares"?: [{"payer": "PROVINCE", "ratio": 7}, …]}
 * AMOUNT  = {"fixedYuan": 100000}
 *         | {"percent": 50, "of": "attributes.boothCostYuan"}       (a numeric fact; 万元 facts count ×10000)
 *         | {"tiers": [{"when": RULE, "amount": AMOUNT}, …], "otherwise"?: AMOUNT}
 * </pre>
 *
 * Tiers are tried in order: the first whose rule is TRUE pays; an UNKNOWN tier before it makes the amount
 * unknown; with none TRUE {@code otherwise} pays (zero without it). The amount is capped, never negative, rounded
 * half-up to the fen; shares are cut down to the fen by ratio and the remainder goes to the first payer.
 */
public record BenefitFormula(Amount amount, BigDecimal capYuan, List<PayerRatio> shares) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    public BenefitFormula {
        Objects.requireNonNull(amount, "amount");
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    public sealed interface Amount permits Fixed, Percent, Tiers {
    }

    public record Fixed(BigDecimal yuan) implements Amount {
    }

    public record Percent(BigDecimal percent, Fact of) implements Amount {
    }

    public record Tiers(List<Tier> tiers, Amount otherwise) implements Amount {
        public Tiers {
            tiers = List.copyOf(tiers);
        }
    }

    public record Tier(CompiledRule when, Amount amount) {
    }

    public record PayerRatio(String payer, BigDecimal ratio) {
    }

    /** For formulas without dated facts; a dated condition in a tier stays UNKNOWN. */
    public BenefitAmount compute(Facts subject) {
        return compute(subject, null);
    }

    public BenefitAmount compute(Facts subject, LocalDate asOf) {
        Set<String> missing = new LinkedHashSet<>();
        BigDecimal raw = value(amount, subject, asOf, missing);
        if (raw == null) {
            return BenefitAmount.unknown(missing);
        }
        BigDecimal total = raw.max(BigDecimal.ZERO);
        if (capYuan != null) {
            total = total.min(capYuan);
        }
        total = total.setScale(2, RoundingMode.HALF_UP);
        return new BenefitAmount(true, total, split(total), Set.of());
    }

    /** Shares by ratio, each cut down to the fen, the remainder to the first payer: they sum to {@code total}. */
    public List<BenefitAmount.Share> split(BigDecimal total) {
        if (shares.isEmpty()) {
            return List.of();
        }
        BigDecimal sum = shares.stream().map(PayerRatio::ratio).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BenefitAmount.Share> result = new ArrayList<>(shares.size());
        BigDecimal others = BigDecimal.ZERO;
        for (int i = 1; i < shares.size(); i++) {
            BigDecimal part = total.multiply(shares.get(i).ratio()).divide(sum, 2, RoundingMode.DOWN);
            others = others.add(part);
            result.add(new BenefitAmount.Share(shares.get(i).payer(), part));
        }
        result.add(0, new BenefitAmount.Share(shares.get(0).payer(), total.subtract(others)));
        return result;
    }

    private static BigDecimal value(Amount amount, Facts subject, LocalDate asOf, Set<String> missing) {
        if (amount instanceof Fixed f) {
            return f.yuan();
        }
        if (amount instanceof Percent p) {
            return percent(p, subject, missing);
        }
        return tiers((Tiers) amount, subject, asOf, missing);
    }

    private static BigDecimal percent(Percent p, Facts subject, Set<String> missing) {
        Object v = p.of().reader().apply(subject);
        if (!(v instanceof Number n)) {
            missing.add(p.of().name());
            return null;
        }
        BigDecimal base = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
        if (p.of().unit() == Fact.Unit.WAN_YUAN) {
            base = base.multiply(WAN);
        }
        return base.multiply(p.percent()).divide(HUNDRED);
    }

    private static BigDecimal tiers(Tiers t, Facts subject, LocalDate asOf, Set<String> missing) {
        for (Tier tier : t.tiers()) {
            Truth when = tier.when().evaluate(subject, asOf);
            if (when == Truth.TRUE) {
                return value(tier.amount(), subject, asOf, missing);
            }
            if (when == Truth.UNKNOWN) {
                missing.addAll(tier.when().explain(subject, asOf).missingFacts());
                return null;
            }
        }
        return t.otherwise() == null ? BigDecimal.ZERO : value(t.otherwise(), subject, asOf, missing);
    }
}
