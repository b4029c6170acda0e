package org.sibao.policy;

/**
 * What policies reach changed: matches were rewritten for some policy versions, or a benefit was granted or
 * declined (the figures of {@link PolicyReach} moved). {@code policyId} is null when several changed.
 */
public record PolicyReachChanged(String policyId) {
}
