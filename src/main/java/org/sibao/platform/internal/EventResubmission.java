package org.sibao.platform.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again, from one node of the cluster at a time, the module events whose listener has not completed
 * within {@link #GRACE} (a node that stopped mid-way, a listener that failed). Replaces Spring Modulith's
 * republication at start-up, which on several nodes would deliver again the events another node is still
 * handling (duplicate notices): {@code spring.modulith.events.republish-outstanding-events-on-restart} is off.
 */
@Component
class EventResubmission {

    static final Duration GRACE = Duration.ofMinutes(5);

    private final IncompleteEventPublications incomplete;

    EventResubmission(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(cron = "${sibao.events.resubmit-cron:15 */5 * * * *}")
    @SchedulerLock(name = "platform.eventResubmission", lockAtMostFor = "PT4M", lockAtLeastFor = "PT10S")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(GRACE);
    }
}
