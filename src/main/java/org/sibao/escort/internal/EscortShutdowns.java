package org.sibao.escort.internal;

import java.util.Collection;
import java.util.List;

import org.sibao.escort.ShutdownSummary;
import org.sibao.escort.Shutdowns;
import org.springframework.stereotype.Component;

/** The escort module's {@link Shutdowns} for other modules: the same service, rules and audit as its own API. */
@Component
class EscortShutdowns implements Shutdowns {

    private final EscortService escort;

    EscortShutdowns(EscortService escort) {
        this.escort = escort;
    }

    @Override
    public ShutdownSummary requestForIncident(String incidentId, String enterpriseId, String reason, Integer days) {
        return escort.fileShutdown(new EscortService.ShutdownRequest(enterpriseId, reason, days), incidentId).summary();
    }

    @Override
    public List<ShutdownSummary> ofIncidents(Collection<String> incidentIds) {
        return escort.ofIncidents(incidentIds).stream().map(Shutdown::summary).toList();
    }
}
