package org.sibao.whitelist.internal;

import java.util.List;

/**
 * The outcome of checking an application against every criterion of its criteria version: PASS when all pass,
 * FAIL when any fails, UNKNOWN otherwise (a fact or declaration is missing).
 */
record Precheck(String outcome, List<CriterionResult> criteria) {

    record CriterionResult(String code, String title, String kind, String outcome, String detail,
            List<ConditionResult> conditions) {
    }

    record ConditionResult(String fact, String op, Object expected, Object actual, String outcome) {
    }

    List<CriterionResult> failed() {
        return criteria.stream().filter(c -> "FAIL".equals(c.outcome())).toList();
    }
}
