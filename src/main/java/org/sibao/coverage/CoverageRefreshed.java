package org.sibao.coverage;

/**
 * The coverage read model was brought up to date: one county's rows after a subject change ({@code countyCode}),
 * or all of them (null) after a rebuild. Read models built on it (the dashboard) refresh from here.
 */
public record CoverageRefreshed(String countyCode) {
}
