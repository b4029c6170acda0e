package org.sibao.rules;

import java.util.EnumSet;
import java.util.Set;

/** The value type of a fact, which fixes the operators it accepts and the shape of their values. */
public enum FactType {
    /** A code from a closed list (sector, size class, …): eq ne in notIn exists. */
    CODE(EnumSet.of(Op.EQ, Op.NE, Op.IN, Op.NOT_IN, Op.EXISTS)),
    /** A county code compared by region prefix: within (also eq ne in notIn exists). */
    REGION(EnumSet.of(Op.WITHIN, Op.EQ, Op.NE, Op.IN, Op.NOT_IN, Op.EXISTS)),
    /** A whole number (employees). */
    INTEGER(EnumSet.of(Op.EQ, Op.NE, Op.GT, Op.GTE, Op.LT, Op.LTE, Op.EXISTS)),
    /** A decimal number (万元 amounts, percentages, yuan). */
    DECIMAL(EnumSet.of(Op.EQ, Op.NE, Op.GT, Op.GTE, Op.LT, Op.LTE, Op.EXISTS)),
    BOOLEAN(EnumSet.of(Op.EQ, Op.NE, Op.EXISTS)),
    /** A set of codes (flags): has exists. */
    CODE_SET(EnumSet.of(Op.HAS, Op.EXISTS)),
    /** Dated events (incidents): noneWithin anyWithin exists. */
    DATED_EVENTS(EnumSet.of(Op.NONE_WITHIN, Op.ANY_WITHIN, Op.EXISTS));

    private final Set<Op> ops;

    FactType(Set<Op> ops) {
        this.ops = ops;
    }

    public Set<Op> ops() {
        return ops;
    }
}
