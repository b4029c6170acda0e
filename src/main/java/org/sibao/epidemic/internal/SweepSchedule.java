package org.sibao.epidemic.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the sentinel sweep every five minutes on one node of the cluster (ShedLock). */
@Component
class SweepSchedule {

    private final SentinelSweep sweep;

    SweepSchedule(SentinelSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(cron = "${sibao.epidemic.sweep-cron:0 */5 * * * *}")
    @SchedulerLock(name = "epidemic.sweep", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void run() {
        sweep.sweep();
    }
}
