package org.sibao.platform;

/**
 * One invalid field: its JSON path (e.g. {@code uscc}, {@code incidents[0].date}), a message key of the
 * {@code i18n/messages} bundle and the key's arguments. Rendered as {@code {"field","message"}}.
 */
public record FieldProblem(String field, String messageKey, Object... args) {
}
