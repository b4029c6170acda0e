package org.sibao.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the missing production settings as a short report instead of a stack trace. */
class MissingProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + String.join(", ", cause.missing()) + " and start again. SIBAO_DB_URL is a JDBC URL such as "
                        + "jdbc:postgresql://db:5432/sibao, SIBAO_DB_USER and SIBAO_DB_PASSWORD its credentials, "
                        + "SIBAO_TOKEN_SECRET the API token signing key (at least 32 bytes). Without the 'postgres' "
                        + "profile the platform starts in embedded demo mode instead.",
                cause);
    }
}
