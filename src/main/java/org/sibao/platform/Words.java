package org.sibao.platform;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A word for a message argument that is resolved in the reader's language when the message is: a state or an
 * action named in a 409 ("当前状态（已交办）…") reads as people say it, not as its code.
 */
public final class Words {

    private Words() {
    }

    /** A code of an enum kept as text (a state read from the database): {@code enum.<type>.<code>}, else the code. */
    public static MessageSourceResolvable label(String enumType, String code) {
        return of("enum." + enumType + "." + code, code);
    }

    /** The message {@code key}, or {@code fallback} (the code) where the bundles have none. */
    public static MessageSourceResolvable of(String key, String fallback) {
        return new DefaultMessageSourceResolvable(new String[] {key}, fallback);
    }
}
