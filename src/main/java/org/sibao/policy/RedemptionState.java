package org.sibao.policy;

/** Push and redemption of one policy version for one subject (SPEC §7): PUSHED → VIEWED → APPLIED → GRANTED | DECLINED. */
public enum RedemptionState {
    PUSHED, VIEWED, APPLIED, GRANTED, DECLINED
}
