package org.sibao.identity;

import java.util.List;
import java.util.Optional;

/**
 * What identity needs to know about market subjects, implemented by the subject module (which depends on
 * identity, not the other way round).
 */
public interface EnterpriseDirectory {

    /** The county code of a subject, if it exists. */
    Optional<String> regionOf(String enterpriseId);

    /** Some subject ids under a region prefix, for demo users and assignments. */
    List<String> sampleUnder(String regionPrefix, int limit);

    /** Some subject ids on the ACTIVE whitelist under a region prefix (USCC order), for demo assignments. */
    List<String> activeWhitelistUnder(String regionPrefix, int limit);

    /** The subject's name, for display next to its id; empty when unknown. */
    Optional<String> nameOf(String enterpriseId);

    /**
     * The id of the one subject within {@code scope} that a person's text names (its id, USCC, exact name or a
     * picker's label "名称 · USCC"); empty when none or several match.
     */
    Optional<String> resolve(String text, DataScope scope);
}
