package org.sibao.epidemicsupport.internal;

/** A task force's expert as sent ({@code PUT /api/v1/epidemic-support/experts/{regionCode}/{taskForce}}). */
record ExpertInputs(String name, String organisation, String phone) {
}
