package org.sibao.appeal;

/** The call-back answer (回访); UNSATISFIED reopens the appeal. */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
}
