package org.sibao.production;

/** A weekly production report was submitted or replaced. */
public record ProductionReported(String reportId, String enterpriseId, String regionCode, String week,
        boolean replaced) {
}
