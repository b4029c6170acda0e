package org.sibao.subject.internal;

import org.sibao.region.Sector;
import org.sibao.subject.SizeClass;
import org.sibao.subject.SubjectKind;
import org.sibao.subject.WhitelistStatus;

/**
 * List, count and export filters; every one optional. {@code regionCode} may be any level (a city shows its
 * counties); {@code q} matches the name anywhere or the USCC from its start.
 */
record SubjectFilter(String regionCode, Sector sector, String q, SubjectKind kind, SizeClass sizeClass,
        WhitelistStatus whitelistStatus) {

    static final SubjectFilter ALL = new SubjectFilter(null, null, null, null, null, null);
}
