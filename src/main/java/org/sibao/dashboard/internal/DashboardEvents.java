package org.sibao.dashboard.internal;

import org.sibao.appeal.AppealStatusChanged;
import org.sibao.epidemic.RegionModeSwitched;
import org.sibao.production.ProductionReported;
import org.sibao.region.RegionService;
import org.sibao.subject.SubjectChanged;
import org.sibao.whitelist.EntryActivated;
import org.sibao.whitelist.EntryRemoved;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Marks the cached snapshots stale when a module reports a change (a counter increment, nothing more; a plain
 * listener, so that the event publication registry does not persist a publication for it on every appeal), and computes the province's snapshot in the background once the application is ready.
 */
@Component
class DashboardEvents {

    private final DashboardService dashboard;
    private final RegionService regions;

    DashboardEvents(DashboardService dashboard, RegionService regions) {
        this.dashboard = dashboard;
        this.regions = regions;
    }

    @EventListener
    void on(SubjectChanged event) {
        dashboard.invalidate();
    }

    @EventListener
    void on(EntryActivated event) {
        dashboard.invalidate();
    }

    @EventListener
    void on(EntryRemoved event) {
        dashboard.invalidate();
    }

    @EventListener
    void on(AppealStatusChanged event) {
        dashboard.invalidate();
    }

    @EventListener
    void on(RegionModeSwitched event) {
        dashboard.invalidate();
    }

    @EventListener
    void on(ProductionReported event) {
        dashboard.invalidate();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        regions.all().stream().filter(r -> r.parentCode() == null || r.parentCode().isBlank()).forEach(
                r -> dashboard.refreshLater(new DashboardService.Key(r.code(), null)));
    }
}
