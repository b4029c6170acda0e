package org.sibao.visit.internal;

/**
 * A visit as sent: {@code visitedOn} (ISO date), {@code method} (ON_SITE|PHONE|VIDEO), {@code findings}, and
 * optionally a {@code problem} raised there, filed as an appeal of {@code category} (OTHER unless given).
 */
record VisitInputs(String visitedOn, String method, String findings, String problem, String category) {
}
