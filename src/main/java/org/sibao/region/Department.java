package org.sibao.region;

import java.util.Optional;

/** The department catalogue of API.md; every region has each of them (a department is a code within a region). */
public enum Department {
    NDRC, MIIT, COMMERCE, TRANSPORT, CULTURE_TOURISM, KEY_PROJECTS, HEALTH, SUPERVISION, TAX, FINANCE, HRSS,
    FINANCIAL_REG, MARKET_REG, ECO_ENV, HOUSING, PUBLIC_SECURITY, BIG_DATA, EMERGENCY, AGRICULTURE, POWER, CUSTOMS;

    public static Optional<Department> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
