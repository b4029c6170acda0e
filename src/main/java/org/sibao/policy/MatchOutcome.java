package org.sibao.policy;

/** A subject against a policy: ELIGIBLE, INELIGIBLE, or UNKNOWN when a fact the rule needs is missing. */
public enum MatchOutcome {
    ELIGIBLE, INELIGIBLE, UNKNOWN
}
