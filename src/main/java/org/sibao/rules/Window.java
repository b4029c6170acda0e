package org.sibao.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The value of {@code noneWithin} / {@code anyWithin}: event kinds (empty: every kind) and a period ending on the
 * evaluation date. JSON {@code {"kinds":["SAFETY"],"years":3}} (also {@code months}, {@code days}). An event
 * counts when {@code asOf − period < date ≤ asOf}: with a 3-year window on 2022-06-01, an accident on 2019-06-02
 * counts and one on 2019-06-01 does not; events dated after the evaluation date are ignored.
 */
public record Window(List<String> kinds, int years, int months, int days) {

    public Window {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    /** The first day inside the window. */
    public LocalDate firstDay(LocalDate asOf) {
        return asOf.minusYears(years).minusMonths(months).minusDays(days).plusDays(1);
    }

    public boolean matchesKind(String kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }
}
