package org.sibao.subject;

import java.util.Optional;

/**
 * A 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from
 * {@value #ALPHABET}; char 1 registering authority, char 2 category, chars 3–8 administrative division code,
 * chars 9–17 organisation code, char 18 a check character over the first 17 (weights {@link #WEIGHTS}, modulus 31).
 * Construct with {@link #parse(String)}, which says which rule an invalid code breaks.
 */
public record Uscc(String value) {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** The rule an invalid code breaks, in the order they are checked. */
    public enum Rule {
        LENGTH, ILLEGAL_CHARACTER, DIVISION_CODE, CHECK_CHARACTER
    }

    public Uscc {
        Optional<Rule> broken = check(value);
        if (broken.isPresent()) {
            throw new IllegalArgumentException("invalid USCC (" + broken.get() + ")");
        }
    }

    /** The first broken rule of a candidate code (trimmed, upper-cased by the caller), or empty when valid. */
    public static Optional<Rule> check(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of(Rule.LENGTH);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(Rule.ILLEGAL_CHARACTER);
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of(Rule.DIVISION_CODE);
            }
        }
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return Optional.of(Rule.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return check(code).isEmpty();
    }

    /** Normalises user input (trim, upper case) without validating it. */
    public static String normalise(String input) {
        return input == null ? null : input.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** The check character for the first 17 characters: 31 − (Σ value × weight mod 31), where 31 means 0. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("illegal character " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** Parses a code, or empty when it breaks a rule (see {@link #check(String)} for which). */
    public static Optional<Uscc> parse(String input) {
        String code = normalise(input);
        return isValid(code) ? Optional.of(new Uscc(code)) : Optional.empty();
    }

    /** Builds a valid code from its parts (authority+category "91", a division code, a 9-character organisation code). */
    public static Uscc of(String authorityAndCategory, String divisionCode, String organisationCode) {
        String first17 = authorityAndCategory + divisionCode + organisationCode;
        return new Uscc(first17 + checkCharacter(first17));
    }

    /** Chars 1–2: registering authority and category ({@code 91} enterprise, {@code 92} individual business …). */
    public String category() {
        return value.substring(0, 2);
    }

    /** Chars 3–8: the administrative division of the registering authority. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /** The kind a subject with this code has unless told otherwise: {@code 92} individual business, else enterprise. */
    public SubjectKind defaultKind() {
        return "92".equals(category()) ? SubjectKind.INDIVIDUAL_BUSINESS : SubjectKind.ENTERPRISE;
    }

    @Override
    public String toString() {
        return value;
    }
}
