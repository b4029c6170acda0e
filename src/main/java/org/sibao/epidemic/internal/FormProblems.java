package org.sibao.epidemic.internal;

import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;

/** What a refused form submission shows the user: each invalid field with its localised message, else the detail. */
final class FormProblems {

    private FormProblems() {
    }

    static String text(ApiException e, Messages messages) {
        if (e.errors().isEmpty()) {
            return messages.get(e.detailKey(), e.args());
        }
        return String.join("；", e.errors().stream().map(messages::line).toList());
    }
}
