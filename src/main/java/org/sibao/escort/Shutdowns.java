package org.sibao.escort;

import java.util.Collection;
import java.util.List;

/**
 * Shutdown requests as other modules file and read them: the epidemic module files one from an incident (the HQ
 * office and the epidemic command then decide it jointly on the escort pages as any other) and shows the linked
 * requests on the incident. Every call acts as the signed-in user, with the same rules as the escort API: filers only (403), the subject in scope (404) and
 * ACTIVE on the whitelist (409), 1..3 days (400 naming {@code days}), one open shutdown per subject (409).
 */
public interface Shutdowns {

    /**
     * Files a PENDING shutdown request linked to the incident {@code incidentId}. Filing is not the epidemic
     * command's consent: it consents only by approving the request in the escort module.
     */
    ShutdownSummary requestForIncident(String incidentId, String enterpriseId, String reason, Integer days);

    /** The shutdown requests filed from these incidents, within the caller's scope, newest first. */
    List<ShutdownSummary> ofIncidents(Collection<String> incidentIds);
}
