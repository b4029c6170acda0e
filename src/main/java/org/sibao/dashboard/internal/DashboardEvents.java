package org.sibao.dashboard.internal;

import org.sibao.appeal.AppealStatusChanged;
import org.sibao.coverage.CoverageRefreshed;
import org.sibao.epidemic.AlertsSwept;
import org.sibao.epidemic.RegionModeSwitched;
import org.sibao.policy.PolicyReachChanged;
import org.sibao.production.ProductionReported;
import org.sibao.region.RegionService;
import org.sibao.subject.SubjectChanged;
import org.sibao.whitelist.EntryActivated;
import org.sibao.whitelist.EntryRemoved;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the cached snapshots stale when a module reports a change (a counter increment, nothing more; a plain
 * listener, so that the event publication registry does not persist a publication for it on every appeal), and computes the province's snapshot in the background once the application is ready.
 */
@Component
class DashboardEvents {

    private final DashboardService dashboard;
    private final SharedGeneration shared;
    private final RegionService regions;

    DashboardEvents(DashboardService dashboard, SharedGeneration shared, RegionService regions) {
        this.dashboard = dashboard;
        this.shared = shared;
        this.regions = regions;
    }

    @EventListener
    void on(SubjectChanged event) {
        changed();
    }

    @EventListener
    void on(EntryActivated event) {
        changed();
    }

    @EventListener
    void on(EntryRemoved event) {
        changed();
    }

    @EventListener
    void on(AppealStatusChanged event) {
        changed();
    }

    @EventListener
    void on(RegionModeSwitched event) {
        changed();
    }

    @EventListener
    void on(ProductionReported event) {
        changed();
    }

    @EventListener
    void on(AlertsSwept event) {
        changed();
    }

    @EventListener
    void on(PolicyReachChanged event) {
        changed();
    }

    /** Figures that move with time alone (overdue appeals, on-time testing) are recomputed after a drill's advance. */
    @EventListener
    void on(org.sibao.platform.ClockAdvanced event) {
        changed();
    }

    /** Coverage and the whitelist counts come from coverage's read model, brought up to date after the change. */
    @EventListener
    void on(CoverageRefreshed event) {
        changed();
    }

    /**
     * Marks the snapshots stale once the change is committed: invalidating inside the publishing transaction would
     * let a concurrent read recompute from the old data and keep it as current.
     */
    private void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dashboard.invalidate();
                    shared.changed();
                }
            });
        } else {
            dashboard.invalidate();
            shared.changed();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        regions.all().stream().filter(r -> r.parentCode() == null || r.parentCode().isBlank()).forEach(
                r -> dashboard.refreshLater(new DashboardService.Key(r.code(), null)));
    }
}
