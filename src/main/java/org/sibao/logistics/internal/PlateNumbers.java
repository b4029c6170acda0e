package org.sibao.logistics.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mainland motor-vehicle plates (GA 36): a province abbreviation, the issuing authority's letter ({@code A}–{@code Z}
 * without {@code I} and {@code O}, which are never issued), then one of
 * <ul>
 * <li>five characters, letters without {@code I} and {@code O} or digits ({@code 豫A12345}, {@code 京B1C2D3});</li>
 * <li>a new-energy six: {@code D/F} + letter or digit + four digits for small cars ({@code 豫AD12345}), five digits
 * + {@code D/F} for large vehicles ({@code 豫A12345D});</li>
 * <li>a trailer's four characters and {@code 挂} ({@code 豫A1234挂}) — freight needs trailers.</li>
 * </ul>
 */
final class PlateNumbers {

    static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String CHAR = "[A-HJ-NP-Z0-9]";
    private static final String AUTHORITY = "[A-HJ-NP-Z]";
    private static final Pattern PLATE = Pattern.compile("[" + PROVINCES + "]" + AUTHORITY + "(?:" + CHAR + "{5}"
            + "|[DF]" + CHAR + "\\d{4}|\\d{5}[DF]|" + CHAR + "{4}挂)");

    private PlateNumbers() {
    }

    static String normalize(String plate) {
        return plate == null ? null : plate.trim().toUpperCase(Locale.ROOT);
    }

    static boolean isValid(String normalized) {
        return normalized != null && PLATE.matcher(normalized).matches();
    }
}
