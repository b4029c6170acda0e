package org.sibao.platform.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Production mode ({@code postgres} profile) refuses to start without its required settings, and says which
 * ones are missing in one message, before any connection pool or bean tries (and fails obscurely) to use them.
 * Runs after the configuration files are loaded (registered in {@code META-INF/spring.factories}).
 */
class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    /** Environment variable → the property it feeds (see application-postgres.yml). */
    private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("SIBAO_DB_URL", "spring.datasource.url");
        REQUIRED.put("SIBAO_DB_USER", "spring.datasource.username");
        REQUIRED.put("SIBAO_DB_PASSWORD", "spring.datasource.password");
        REQUIRED.put("SIBAO_TOKEN_SECRET", "sibao.security.token-secret");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((variable, property) -> {
            String value = environment.getProperty(property);
            if (value == null || value.isBlank()) {
                missing.add(variable);
            }
        });
        if (!missing.isEmpty()) {
            throw new MissingProductionSettingsException(missing);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
