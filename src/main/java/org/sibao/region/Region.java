package org.sibao.region;

/**
 * An administrative division. {@code prefix} is the code without trailing {@code 00} pairs ({@code 41},
 * {@code 4101}, {@code 410184}): every division under this one has a code starting with it.
 */
public record Region(String code, String name, RegionLevel level, String parentCode, String prefix) {

    public static String prefixOf(String code) {
        String p = code;
        while (p.length() > 2 && p.endsWith("00")) {
            p = p.substring(0, p.length() - 2);
        }
        return p;
    }

    public boolean contains(String otherCode) {
        return otherCode != null && otherCode.startsWith(prefix);
    }
}
