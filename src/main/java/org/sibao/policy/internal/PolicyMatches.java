package org.sibao.policy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.policy.MatchOutcome;
import org.sibao.policy.PolicyMode;
import org.sibao.policy.RedemptionState;
import org.sibao.rules.BenefitAmount;
import org.sibao.rules.ConditionOutcome;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.springframework.stereotype.Component;

/** One subject's matches computed fresh (with explanations) for the API and the "我的政策" page. */
@Component
class PolicyMatches {

    /** One explanation line, as in the API contract. */
    /** A condition of the rule with its outcome; {@code alternative}: one of an "any" group (one of them suffices). */
    record Line(String fact, String op, Object expected, Object actual, String outcome, boolean alternative) {
    }

    record Share(String payer, BigDecimal amountYuan) {
    }

    record Item(String policyId, String policyCode, String title, PolicyMode mode, MatchOutcome outcome,
            BigDecimal benefitYuan, List<Share> shares, String benefitText, List<Line> explanation,
            Set<String> missingFacts, RedemptionState state, BigDecimal grantedYuan) {
    }

    private static final Comparator<Item> ORDER = Comparator.comparing((Item i) -> i.outcome() == MatchOutcome.ELIGIBLE ? 0
            : i.outcome() == MatchOutcome.UNKNOWN ? 1 : 2).thenComparing(Item::policyCode);

    private final Subjects subjects;
    private final PolicyMatcher matcher;
    private final Redemptions redemptions;

    PolicyMatches(Subjects subjects, PolicyMatcher matcher, Redemptions redemptions) {
        this.subjects = subjects;
        this.matcher = matcher;
        this.redemptions = redemptions;
    }

    /** The subject within the caller's scope, or 404. */
    SubjectFacts subject(String id) {
        return subjects.find(id).orElseThrow(() -> ApiException.notFound("enterprise", id));
    }

    List<Item> of(SubjectFacts subject) {
        if (CurrentUser.find().map(u -> u.role() == Role.ENTERPRISE).orElse(false)) {
            redemptions.markViewed(subject.id());
        }
        Map<String, Redemptions.Redemption> states = redemptions.ofSubject(subject.id());
        Map<String, Redemptions.Redemption> claimed = redemptions.claimedByCode(subject.id());
        List<Item> items = new ArrayList<>();
        for (PolicyMatcher.Evaluation e : matcher.evaluate(subject)) {
            List<Line> lines = new ArrayList<>(e.explanation().conditions().size());
            for (ConditionOutcome c : e.explanation().conditions()) {
                lines.add(new Line(c.fact(), c.op(), c.expected(), c.actual(), CompiledPolicy.outcome(c.outcome()).name(),
                        c.path() != null && c.path().contains("any")));
            }
            BenefitAmount b = e.benefit();
            boolean known = b != null && b.known();
            Redemptions.Redemption r = states.get(e.policy().row().id());
            if (r == null) {
                // applied for or granted under an earlier version of the same policy: that is this policy's state
                r = claimed.get(e.policy().row().code());
            }
            if (r != null && e.outcome() != MatchOutcome.ELIGIBLE
                    && (r.state() == RedemptionState.PUSHED || r.state() == RedemptionState.VIEWED)) {
                r = null;   // a push that no longer holds (the facts changed): nothing to act on, no state to show
            }
            items.add(new Item(e.policy().row().id(), e.policy().row().code(), e.policy().row().title(),
                    e.policy().row().mode(), e.outcome(), known ? b.amountYuan() : null,
                    known && !b.shares().isEmpty() ? b.shares().stream().map(s -> new Share(s.payer(), s.amountYuan())).toList() : null,
                    e.policy().row().benefitText(), lines, e.explanation().missingFacts(),
                    r == null ? null : r.state(), r == null ? null : r.grantedYuan()));
        }
        items.sort(ORDER);
        return items;
    }

    /** Applies for a policy in force for which the subject is ELIGIBLE now (409 otherwise). */
    Redemptions.Redemption apply(SubjectFacts subject, String policyId, String note) {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.ENTERPRISE, Role.LIAISON)) {
            throw ApiException.forbidden("error.forbidden");
        }
        PolicyMatcher.Evaluation e = matcher.evaluate(subject).stream()
                .filter(x -> x.policy().row().id().equals(policyId) || x.policy().row().code().equals(policyId))
                .findFirst().orElseThrow(() -> ApiException.notFound(PolicyService.ENTITY, policyId));
        if (e.policy().row().mode() != PolicyMode.APPLY) {
            throw ApiException.conflict("policy.error.autoNoApply", e.policy().row().code());
        }
        if (e.outcome() != MatchOutcome.ELIGIBLE) {
            throw ApiException.conflict("policy.error.notEligible", e.policy().row().code());
        }
        if (note != null && note.length() > 1000) {
            throw ApiException.invalid("note", "validation.maxLength", 1000);
        }
        return redemptions.apply(subject.id(), subject.regionCode(), e.policy().row(), note);
    }
}
