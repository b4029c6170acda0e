package org.sibao.policy.internal;

import java.time.LocalDate;

import org.sibao.policy.MatchOutcome;
import org.sibao.rules.BenefitAmount;
import org.sibao.rules.BenefitFormula;
import org.sibao.rules.CompiledRule;
import org.sibao.rules.Facts;
import org.sibao.rules.Truth;

/** A policy version with its rule and formula compiled once (immutable, shared between threads). */
record CompiledPolicy(PolicyRow row, CompiledRule rule, BenefitFormula formula) {

    /** The outcome of one subject, and its benefit when ELIGIBLE and the policy has a formula. */
    record Result(MatchOutcome outcome, BenefitAmount benefit) {
    }

    Result evaluate(Facts facts, LocalDate today) {
        MatchOutcome outcome = outcome(rule.evaluate(facts, today));
        BenefitAmount benefit = outcome == MatchOutcome.ELIGIBLE && formula != null ? formula.compute(facts, today) : null;
        return new Result(outcome, benefit);
    }

    static MatchOutcome outcome(Truth t) {
        return switch (t) {
            case TRUE -> MatchOutcome.ELIGIBLE;
            case FALSE -> MatchOutcome.INELIGIBLE;
            case UNKNOWN -> MatchOutcome.UNKNOWN;
        };
    }
}
