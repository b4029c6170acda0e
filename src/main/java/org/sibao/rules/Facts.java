package org.sibao.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.sibao.region.Sector;

/**
 * What the rules can see of one subject. Every getter answers {@code null} when the platform lacks the fact;
 * the engine then evaluates conditions on it as UNKNOWN, never as false or zero. Getters are plain nullable
 * values (not {@code Optional}) so that evaluating hundreds of rules against a subject allocates nothing.
 * <p>
 * Amounts are in 万元 as in the API; {@link #sizeClass()} {@code "UNKNOWN"} counts as missing;
 * {@link #incidents()} is {@code null} when the compliance history is unknown and empty when it is known clean.
 */
public interface Facts {

    /** County code (6 digits). */
    String regionCode();

    Sector sector();

    /** GB/T 4754 section letter A–T. */
    String industrySection();

    /** GB/T 4754 division, two digits. */
    String industryCode();

    /** LARGE, MEDIUM, SMALL, MICRO; UNKNOWN or null when it cannot be derived. */
    String sizeClass();

    /** ENTERPRISE, INDIVIDUAL_BUSINESS, PROJECT, PARK. */
    String kind();

    Integer employees();

    BigDecimal annualRevenue();

    BigDecimal totalAssets();

    BigDecimal outputValue();

    /** ABOVE_SCALE, SPECIALIZED, LIAISON, LIVELIHOOD; empty when known to have none. */
    Set<String> flags();

    /** NONE, ACTIVE, SUSPENDED, REMOVED. */
    String whitelistStatus();

    /** COUNTY, CITY, PROVINCE. */
    String whitelistLevel();

    /** NORMAL, CLOSED_LOOP. */
    String operationMode();

    /** An extra typed fact: {@link Boolean}, {@link BigDecimal} (or another {@link Number}) or {@link String}. */
    Object attribute(String name);

    List<Incident> incidents();
}
