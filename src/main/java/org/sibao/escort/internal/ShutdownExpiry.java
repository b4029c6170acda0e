package org.sibao.escort.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ends shutdowns whose time has passed, once a minute on one node (reads also do it, see EscortService). */
@Component
class ShutdownExpiry {

    private final EscortService escort;

    ShutdownExpiry(EscortService escort) {
        this.escort = escort;
    }

    /** A drill's clock advance ends the shutdowns it carried past their end, before it answers. */
    @org.springframework.context.event.EventListener
    void on(org.sibao.platform.ClockAdvanced event) {
        escort.expireDue();
    }

    @Scheduled(cron = "15 * * * * *")
    @SchedulerLock(name = "escort.shutdownExpiry", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
    void run() {
        escort.expireDue();
    }
}
