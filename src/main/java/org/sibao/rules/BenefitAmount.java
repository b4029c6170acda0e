package org.sibao.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A computed benefit in yuan, to the fen, with the payers' shares (which add up exactly to the amount), or
 * {@code known == false} with the facts that were missing.
 */
public record BenefitAmount(boolean known, BigDecimal amountYuan, List<Share> shares, Set<String> missingFacts) {

    /** One payer's part, e.g. {@code {"payer":"PROVINCE","amountYuan":70000.00}}. */
    public record Share(String payer, BigDecimal amountYuan) {
    }

    public BenefitAmount {
        shares = shares == null ? List.of() : List.copyOf(shares);
        missingFacts = missingFacts == null ? Set.of() : Set.copyOf(missingFacts);
    }

    static BenefitAmount unknown(Set<String> missingFacts) {
        return new BenefitAmount(false, null, List.of(), missingFacts);
    }
}
