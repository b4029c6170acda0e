package org.sibao.logistics.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mainland motor-vehicle plates (GA 36): a province abbreviation, the issuing authority's letter, then either five
 * characters (letters without I and O, digits) or a new-energy six: {@code D/F} + letter or digit + four digits for
 * small cars ({@code 豫AD12345}), five digits + {@code D/F} for large vehicles ({@code 豫A12345D}).
 */
final class PlateNumbers {

    static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String CHAR = "[A-HJ-NP-Z0-9]";
    private static final Pattern PLATE = Pattern.compile("[" + PROVINCES + "][A-Z](?:" + CHAR + "{5}"
            + "|[DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF])");

    private PlateNumbers() {
    }

    static String normalize(String plate) {
        return plate == null ? null : plate.trim().toUpperCase(Locale.ROOT);
    }

    static boolean isValid(String normalized) {
        return normalized != null && PLATE.matcher(normalized).matches();
    }
}
