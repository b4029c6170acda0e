package org.sibao.visit.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.BusinessClock;
import org.sibao.tasking.IsoWeek;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monday 08:30 on the business clock, once per ISO week ({@code liaison_reminder_run}): each liaison gets one notice
 * naming its assigned whitelist subjects without a visit in the last {@value VisitService#FOLLOW_UP_DAYS} days.
 * Wakes every minute, so advancing a drill's clock past Monday 08:30 runs it at once.
 */
@Component
class VisitReminders {

    private static final Logger log = LoggerFactory.getLogger(VisitReminders.class);
    private static final int NAMES_SHOWN = 5;

    private final VisitRepository repository;
    private final Notifications notifications;
    private final BusinessClock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    VisitReminders(VisitRepository repository, Notifications notifications, BusinessClock clock, JdbcClient jdbc,
            TransactionTemplate tx) {
        this.repository = repository;
        this.notifications = notifications;
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Scheduled(cron = "${sibao.visit.reminder-cron:40 * * * * *}")
    @SchedulerLock(name = "visit.reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
    void run() {
        ZonedDateTime now = clock.now().atZone(BusinessClock.ZONE);
        ZonedDateTime monday = now.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(LocalTime.of(8, 30));
        if (monday.isAfter(now)) {
            monday = monday.minusWeeks(1);
        }
        remindOnce(IsoWeek.of(monday.toLocalDate()));
    }

    /** Sends the week's reminders unless they were sent already; returns how many liaisons were reminded, or -1. */
    int remindOnce(IsoWeek week) {
        Integer n = tx.execute(status -> claim(week.toString()) ? remind() : -1);
        return n == null ? -1 : n;
    }

    private int remind() {
        Map<String, List<String>> due = repository.notFollowedUp(VisitService.cutOff(clock.today()));
        due.forEach((liaison, names) -> {
            String shown = String.join("、", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
            notifications.send(Notice.of("VISIT", "visit.notice.followUp", "/visits", String.valueOf(names.size()),
                    shown, String.valueOf(VisitService.FOLLOW_UP_DAYS)), Recipients.users(List.of(liaison)));
        });
        log.info("liaison follow-up reminders: {} liaison(s)", due.size());
        return due.size();
    }

    private boolean claim(String week) {
        return jdbc.sql("""
                INSERT INTO liaison_reminder_run (iso_week, ran_at)
                SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM liaison_reminder_run WHERE iso_week = ?)""")
                .params(week, clock.nowOffset(), week).update() == 1;
    }
}
