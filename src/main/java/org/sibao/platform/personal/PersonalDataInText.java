package org.sibao.platform.personal;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the personal data a person may type into free text (a comment, a reason, a note): mobile numbers and valid
 * GB 11643 ID numbers standing on their own in the text, as {@code 139****5678} and {@code 4101**********1234}.
 * For what is kept of such text outside the records it belongs to: the audit log. A number that is a JSON value
 * (after {@code :}, {@code ,} or {@code [}) or part of a longer number or word is left alone, so amounts stay.
 */
public final class PersonalDataInText {

    private static final String BEFORE = "(?<![0-9A-Za-z.:,\\[\\-])";
    private static final String AFTER = "(?![0-9A-Za-z.])";
    private static final Pattern MOBILE = Pattern.compile(BEFORE + "1[3-9][0-9]{9}" + AFTER);
    private static final Pattern ID_NUMBER = Pattern.compile(BEFORE + "[1-9][0-9]{16}[0-9Xx]" + AFTER);

    private PersonalDataInText() {
    }

    /** The text with each mobile number and valid ID number in it masked; null stays null. */
    public static String mask(String text, LocalDate today) {
        if (text == null) {
            return null;
        }
        String out = replace(ID_NUMBER, text, id -> IdNumbers.isValid(IdNumbers.normalize(id), today) ? IdNumbers.maskId(id) : id);
        return replace(MOBILE, out, IdNumbers::maskPhone);
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> masked) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(masked.apply(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
