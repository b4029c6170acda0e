package org.sibao.tasking;

import java.util.List;

/**
 * A named section of the weekly dispatch brief, contributed by a module.
 *
 * @param key   stable identifier, e.g. {@code appeal.figures}; sections are ordered by {@code order}, then key
 * @param order position in the brief (tasking's own sections use 100..199; appeals 200..; epidemic 300..)
 * @param title heading in the report's language (zh-CN: reports are official documents kept as generated)
 * @param rows  the figures
 */
public record FigureSection(String key, int order, String title, List<FigureRow> rows) {

    public FigureSection {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
