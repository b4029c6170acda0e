package org.sibao.epidemicsupport.internal;

import java.util.List;

/**
 * A subject's support as sent ({@code PUT /api/v1/enterprises/{id}/epidemic-support}): it replaces what was stored.
 * {@code staff} left out or empty removes every staff member, {@code institution} left out or null removes the
 * pairing. A phone sent back as the mask the caller was shown keeps the stored phone (a staff member is matched by
 * its {@code id}, else by its name).
 */
record SupportInputs(List<Staff> staff, Institution institution) {

    /** One assigned staff member: {@code id} only to keep a stored one's phone behind its mask. */
    record Staff(String id, String name, String organisation, String phone) {
    }

    record Institution(String name, String contactName, String phone) {
    }
}
