package org.sibao.platform.internal;

import java.util.List;

/** Thrown at startup in production mode when required environment variables are not set. */
class MissingProductionSettingsException extends IllegalStateException {

    private final List<String> missing;

    MissingProductionSettingsException(List<String> missing) {
        super("Production mode (profile 'postgres') cannot start: missing environment variables "
                + String.join(", ", missing) + ".");
        this.missing = List.copyOf(missing);
    }

    List<String> missing() {
        return missing;
    }
}
