package org.sibao.platform.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Production mode ({@code postgres} profile) refuses to start without its required settings, and says which
 * ones are missing in one message, before any connection pool or bean tries (and fails obscurely) to use them.
 * Runs as the first bean factory post-processor: every property source (files, environment, command line,
 * test-supplied dynamic properties) is in place by then, and no bean has been created yet.
 */
@Component
class ProductionSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    private Environment environment;

    /** Environment variable → the property it feeds (see application-postgres.yml). */
    private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("SIBAO_DB_URL", "spring.datasource.url");
        REQUIRED.put("SIBAO_DB_USER", "spring.datasource.username");
        REQUIRED.put("SIBAO_DB_PASSWORD", "spring.datasource.password");
        REQUIRED.put("SIBAO_TOKEN_SECRET", "sibao.security.token-secret");
        REQUIRED.put("SIBAO_PERSONAL_DATA_KEY", "sibao.personal-data.key");
        REQUIRED.put("SIBAO_PASS_SIGNING_KEY", "sibao.passes.signing-key");
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
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
        return PriorityOrdered.HIGHEST_PRECEDENCE;
    }
}
