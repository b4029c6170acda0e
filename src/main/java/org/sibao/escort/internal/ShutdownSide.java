package org.sibao.escort.internal;

import java.util.Optional;

import org.sibao.identity.Role;

/**
 * The two commands that decide a shutdown jointly (会商, seeds 001 and 003): the economic dispatch HQ office (常态化疫情
 * 防控下经济运行调度机制指挥部, its HQ_OFFICERs) and the epidemic prevention command (疫情防控指挥部, its
 * EPIDEMIC_OFFICERs).
 */
enum ShutdownSide {
    HQ(Role.HQ_OFFICER), EPIDEMIC(Role.EPIDEMIC_OFFICER);

    final Role role;

    ShutdownSide(Role role) {
        this.role = role;
    }

    ShutdownSide other() {
        return this == HQ ? EPIDEMIC : HQ;
    }

    /** The side a user speaks for, if any. */
    static Optional<ShutdownSide> of(Role role) {
        for (ShutdownSide s : values()) {
            if (s.role == role) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
