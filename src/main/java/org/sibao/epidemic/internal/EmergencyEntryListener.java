package org.sibao.epidemic.internal;

import org.sibao.epidemic.RegionMode;
import org.sibao.identity.DataScope;
import org.sibao.subject.OperationMode;
import org.sibao.subject.Subjects;
import org.sibao.whitelist.EntryActivated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A subject that joins the whitelist while its region is in EMERGENCY goes into closed-loop operation at once. */
@Component
class EmergencyEntryListener {

    private final Subjects subjects;
    private final EmergencyService modes;

    EmergencyEntryListener(Subjects subjects, EmergencyService modes) {
        this.subjects = subjects;
        this.modes = modes;
    }

    @ApplicationModuleListener
    void on(EntryActivated e) {
        subjects.find(e.enterpriseId(), DataScope.system())
                .filter(s -> s.operationMode() != OperationMode.CLOSED_LOOP)
                .filter(s -> modes.effectiveMode(s.regionCode()) == RegionMode.EMERGENCY)
                .ifPresent(s -> subjects.setOperationMode(s.id(), OperationMode.CLOSED_LOOP));
    }
}
