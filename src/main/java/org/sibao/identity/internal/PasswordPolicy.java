package org.sibao.identity.internal;

import org.sibao.platform.Validation;

/** At least 8 characters with both letters and digits (issue #2). */
final class PasswordPolicy {

    private PasswordPolicy() {
    }

    static void check(String password, Validation v, String field) {
        if (!v.required(password, field)) {
            return;
        }
        boolean letters = password.chars().anyMatch(Character::isLetter);
        boolean digits = password.chars().anyMatch(Character::isDigit);
        v.check(password.length() >= 8 && password.length() <= 128 && letters && digits, field, "user.passwordRule");
    }
}
