package org.sibao.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.sibao.platform.FieldProblem;
import org.sibao.platform.Validation;

import tools.jackson.databind.JsonNode;

/**
 * Parses, validates and compiles rules and benefit formulas against a {@link FactCatalogue}. Problems carry the
 * path of the offending node under the caller's prefix (e.g. {@code eligibility.all[2].op}) and a message key of
 * the {@code i18n/rules} bundle. Thread-safe; the application context holds one wired to the region data.
 */
public final class RuleEngine {

    private final FactCatalogue catalogue;
    private final Predicate<String> knownRegion;
    private final Predicate<String> knownIndustry;

    /**
     * @param knownRegion whether a region code exists (beyond its six-digit format)
     * @param knownIndustry whether a two-digit GB/T 4754 division exists
     */
    public RuleEngine(FactCatalogue catalogue, Predicate<String> knownRegion, Predicate<String> knownIndustry) {
        this.catalogue = catalogue;
        this.knownRegion = knownRegion;
        this.knownIndustry = knownIndustry;
    }

    /** The standard catalogue, codes checked by format only (for tests and tools without reference data). */
    public static RuleEngine standard() {
        return new RuleEngine(FactCatalogue.standard(), code -> true, code -> true);
    }

    public FactCatalogue catalogue() {
        return catalogue;
    }

    /** Every problem of a rule; empty when it is valid. {@code path} prefixes each problem's field. */
    public List<FieldProblem> validate(JsonNode json, String path) {
        Validation problems = new Validation();
        new RuleParser(catalogue, knownRegion, knownIndustry, problems).parse(json, path);
        return problems.problems();
    }

    /** The validated rule, or a {@link RuleValidationException} (400) naming every invalid node. */
    public Rule parse(JsonNode json, String path) {
        Validation problems = new Validation();
        Rule rule = parseInto(json, path, problems);
        if (problems.hasProblems() || rule == null) {
            throw new RuleValidationException(problems.problems());
        }
        return rule;
    }

    /** Parses into a caller's {@link Validation}, so a rule's problems join those of the enclosing input. */
    public Rule parseInto(JsonNode json, String path, Validation problems) {
        return new RuleParser(catalogue, knownRegion, knownIndustry, problems).parse(json, path);
    }

    /** {@link #parse} then {@link #compile(Rule)}. */
    public CompiledRule compile(JsonNode json, String path) {
        return compile(parse(json, path));
    }

    /** Compiles once; the result evaluates without looking at JSON again. */
    public CompiledRule compile(Rule rule) {
        Set<String> facts = new LinkedHashSet<>();
        return new CompiledRule(rule, node(rule, "", facts), facts);
    }

    private static RuleNode node(Rule rule, String path, Set<String> facts) {
        if (rule instanceof Rule.All all) {
            return new RuleNode.All(children(all.rules(), join(path, "all"), facts));
        }
        if (rule instanceof Rule.Any any) {
            return new RuleNode.Any(children(any.rules(), join(path, "any"), facts));
        }
        if (rule instanceof Rule.Not not) {
            return new RuleNode.Not(node(not.rule(), join(path, "not"), facts));
        }
        Rule.Condition c = (Rule.Condition) rule;
        facts.add(c.fact().name());
        return new ConditionNode(c, path);
    }

    private static RuleNode[] children(List<Rule> rules, String path, Set<String> facts) {
        List<RuleNode> nodes = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            nodes.add(node(rules.get(i), path + "[" + i + "]", facts));
        }
        return nodes.toArray(RuleNode[]::new);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Every problem of a benefit formula; empty when it is valid. */
    public List<FieldProblem> validateFormula(JsonNode json, String path) {
        Validation problems = new Validation();
        new FormulaParser(this, problems).parse(json, path);
        return problems.problems();
    }

    /** The validated, compiled formula, or a {@link RuleValidationException} naming every invalid field. */
    public BenefitFormula parseFormula(JsonNode json, String path) {
        Validation problems = new Validation();
        BenefitFormula formula = parseFormulaInto(json, path, problems);
        if (problems.hasProblems() || formula == null) {
            throw new RuleValidationException(problems.problems());
        }
        return formula;
    }

    public BenefitFormula parseFormulaInto(JsonNode json, String path, Validation problems) {
        return new FormulaParser(this, problems).parse(json, path);
    }
}
