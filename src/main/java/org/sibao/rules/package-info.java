/**
 * Eligibility rules as data (SPEC §4 criteria, §7 policies): a JSON tree of {@code all} / {@code any} /
 * {@code not} over a closed catalogue of typed facts, validated on save, compiled once into Java predicates,
 * evaluated with three-valued logic (a missing fact is UNKNOWN, never false or zero) and able to explain
 * itself; plus benefit formulas (tiers, percentages, payer shares) in BigDecimal yuan.
 * <p>
 * Entry points: {@link org.sibao.rules.RuleEngine} (parse, validate, compile), {@link org.sibao.rules.CompiledRule}
 * (evaluate, explain), {@link org.sibao.rules.RuleRenderer} (plain-language preview),
 * {@link org.sibao.rules.BenefitFormula} (amounts and shares). Subjects are seen through {@link org.sibao.rules.Facts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Eligibility rules", allowedDependencies = {"platform",
        "region"})
package org.sibao.rules;
