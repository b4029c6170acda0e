package org.sibao.platform.personal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resident identity numbers (GB 11643-1999): 17 digits, the last 8 of the first 14 a real birth date, and a check
 * character from the weights {@code 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2} (sum mod 11 → {@code 1 0 X 9 8 7 6 5 4 3 2}).
 * Mainland mobile numbers: 11 digits starting 13–19.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private IdNumbers() {
    }

    /** Trims and upper-cases the check character; null stays null. */
    public static String normalize(String id) {
        return id == null ? null : id.trim().toUpperCase(Locale.ROOT);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Whether a (normalized) ID number is valid with a birth date between 1900 and {@code today}. */
    public static boolean isValid(String id, LocalDate today) {
        if (!hasShape(id)) {
            return false;
        }
        if (checkCharacter(id) != id.charAt(17)) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(digits(id, 6, 10), digits(id, 10, 12), digits(id, 12, 14));
            return !birth.isBefore(EARLIEST) && !birth.isAfter(today);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * 17 ASCII digits, the first not 0, then a digit or X. A loop, not a regular expression: a bulk test-result
     * request checks 100,000 of them.
     */
    private static boolean hasShape(String id) {
        if (id == null || id.length() != 18 || id.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        char last = id.charAt(17);
        return last >= '0' && last <= '9' || last == 'X';
    }

    /** The number written by the (checked) ASCII digits from {@code from} to {@code to}. */
    private static int digits(String id, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + id.charAt(i) - '0';
        }
        return value;
    }

    public static boolean isMobile(String phone) {
        return phone != null && MOBILE.matcher(phone.trim()).matches();
    }

    /** {@code 410184199001011234 → 4101**********1234}. */
    public static String maskId(String id) {
        if (id == null || id.length() < 8) {
            return "****";
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** {@code 13812345678 → 138****5678}. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
