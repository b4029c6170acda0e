package org.sibao.tasking;

/**
 * One line of a report section: what is counted, the figure (already formatted, e.g. {@code "12"} or
 * {@code "73.5%"}) and an optional note.
 */
public record FigureRow(String title, String value, String note) {

    public static FigureRow of(String title, Object value) {
        return new FigureRow(title, String.valueOf(value), null);
    }
}
