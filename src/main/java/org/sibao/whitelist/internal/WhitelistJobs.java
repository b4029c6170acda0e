package org.sibao.whitelist.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sibao.escort.ShutdownEnded;
import org.sibao.escort.ShutdownStarted;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Activation of entries whose publicity ended (every minute, one node at a time) and the escort's shutdowns. */
@Component
class WhitelistJobs {

    private final EntryService entries;

    WhitelistJobs(EntryService entries) {
        this.entries = entries;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = "whitelist.activate", lockAtMostFor = "PT5M")
    void activateDue() {
        entries.activateDue();
    }

    /** A drill's clock advance activates what its publicity period no longer holds back, before it answers. */
    @org.springframework.context.event.EventListener
    void on(org.sibao.platform.ClockAdvanced event) {
        entries.activateDue();
    }

    /**
     * In the deciding transaction, not after it: a read right after a shutdown's approval (or its end) must find the
     * entry SUSPENDED (or ACTIVE again), as the subject already is.
     */
    @org.springframework.context.event.EventListener
    void on(ShutdownStarted event) {
        entries.suspendOrResume(event.enterpriseId(), true, event.reason());
    }

    @org.springframework.context.event.EventListener
    void on(ShutdownEnded event) {
        entries.suspendOrResume(event.enterpriseId(), false, null);
    }
}
