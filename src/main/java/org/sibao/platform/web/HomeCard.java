package org.sibao.platform.web;

/**
 * A figure on a role's home page, linking to the list behind it.
 *
 * @param order    position on the page
 * @param labelKey message key of the label
 * @param value    the figure, already formatted
 * @param href     the list behind the figure
 * @param hintKey  optional message key of a one-line hint
 */
public record HomeCard(int order, String labelKey, String value, String href, String hintKey) {
}
