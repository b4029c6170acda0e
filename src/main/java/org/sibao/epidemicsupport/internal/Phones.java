package org.sibao.epidemicsupport.internal;

import java.util.regex.Pattern;

import org.sibao.platform.Validation;
import org.sibao.platform.personal.IdNumbers;
import org.sibao.platform.personal.PersonalDataCipher;

/**
 * The phones of staff, institutions and experts: a mainland mobile or a landline with its area code (as a subject's
 * contact phone), stored encrypted with a masked copy ({@code 138****5678}); never logged, audited masked.
 */
final class Phones {

    static final int MAX_LENGTH = 20;
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    /** A phone as stored: the cipher text and the mask. */
    record Stored(String enc, String mask) {
    }

    private Phones() {
    }

    /**
     * The phone an edit means: the stored one when the caller sent back its mask (callers without the right to see
     * phones are shown masks), else the one sent, checked ({@code validation.required}, the format) into {@code v}.
     * Null when it was refused.
     */
    static Stored onEdit(String sent, Stored stored, PersonalDataCipher cipher, Validation v, String field) {
        String phone = sent == null ? null : sent.strip();
        if (!v.required(phone, field)) {
            return null;
        }
        if (stored != null && phone.equals(stored.mask())) {
            return stored;
        }
        if (!v.check(phone.length() <= MAX_LENGTH && (IdNumbers.isMobile(phone) || LANDLINE.matcher(phone).matches()),
                field, "epidemicsupport.phone.format")) {
            return null;
        }
        return new Stored(cipher.encrypt(phone), IdNumbers.maskPhone(phone));
    }

    /** What a reader is shown: the phone in clear or its mask. */
    static String shown(String enc, String mask, boolean inClear, PersonalDataCipher cipher) {
        if (mask == null) {
            return null;
        }
        return inClear ? cipher.decrypt(enc) : mask;
    }
}
