package org.sibao.region;

/** A GB/T 4754-2017 section (门类, A–T) or division (大类, 01–97). */
public record Industry(String code, String name, boolean section, String parentCode) {

    /** The section letter of a division, or the code itself for a section. */
    public String sectionCode() {
        return section ? code : parentCode;
    }
}
