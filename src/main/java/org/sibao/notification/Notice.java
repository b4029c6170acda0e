package org.sibao.notification;

import java.util.List;

/**
 * What to tell: a kind (for filtering), a message key of the {@code i18n/notification} bundle or any module
 * bundle with its arguments (rendered in each reader's language when read), and a link into the web UI.
 */
public record Notice(String kind, String messageKey, List<String> args, String link) {

    public Notice {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Notice of(String kind, String messageKey, String link, String... args) {
        return new Notice(kind, messageKey, List.of(args), link);
    }
}
