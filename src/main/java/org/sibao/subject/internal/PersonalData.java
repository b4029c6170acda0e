package org.sibao.subject.internal;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;

/** The one place that decides who sees personal data in clear, and how it is masked for everyone else. */
final class PersonalData {

    private PersonalData() {
    }

    /** Only platform administrators see contact phones in clear (API.md "Personal data"). */
    static boolean visibleInClear(CurrentUser user) {
        return user != null && user.role() == Role.ADMIN;
    }

    /** {@code 13812345678 → 138****5678}, {@code 0371-12345678 → 0371-****5678}. */
    static String maskPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        int dash = phone.indexOf('-');
        if (dash > 0) {
            String local = phone.substring(dash + 1);
            return phone.substring(0, dash + 1) + "****" + (local.length() > 4 ? local.substring(local.length() - 4) : "");
        }
        if (phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /**
     * The phone an edit means, given what was sent and what is stored. Most callers read the phone masked, so
     * leaving it out ({@code null}) or sending back the stored phone's mask keeps the stored phone; an empty text
     * clears it; anything else replaces it (and is validated as a new phone).
     */
    static String phoneOnEdit(String sent, String stored) {
        if (sent == null) {
            return stored;
        }
        String phone = sent.trim();
        if (phone.isEmpty()) {
            return null;
        }
        return stored != null && phone.equals(maskPhone(stored)) ? stored : phone;
    }

    static String phoneFor(CurrentUser user, String phone) {
        return visibleInClear(user) ? phone : maskPhone(phone);
    }
}
