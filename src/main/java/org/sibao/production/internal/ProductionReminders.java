package org.sibao.production.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.BusinessClock;
import org.sibao.tasking.IsoWeek;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monday 08:00 on the business clock, once per week ({@code production_reminder_run}): reminds every ACTIVE
 * subject without a report for the week just ended (its users and liaisons), and tells each county HQ office which
 * of its subjects dropped more than 20 % that week. Wakes every minute, so advancing a drill's clock past Monday
 * 08:00 runs it at once.
 */
@Component
class ProductionReminders {

    private static final Logger log = LoggerFactory.getLogger(ProductionReminders.class);
    private static final int MAX = 100_000;

    private final ProductionRepository repository;
    private final Notifications notifications;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    ProductionReminders(ProductionRepository repository, Notifications notifications, BusinessClock clock,
            TransactionTemplate tx) {
        this.repository = repository;
        this.notifications = notifications;
        this.clock = clock;
        this.tx = tx;
    }

    @Scheduled(cron = "${sibao.production.reminder-cron:20 * * * * *}")
    @SchedulerLock(name = "production.reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
    void run() {
        ZonedDateTime now = clock.now().atZone(BusinessClock.ZONE);
        ZonedDateTime monday = now.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(LocalTime.of(8, 0));
        if (monday.isAfter(now)) {
            monday = monday.minusWeeks(1);
        }
        remindOnce(IsoWeek.of(monday.toLocalDate()).previous());
    }

    /** Runs the reminders of a week unless they ran already; returns how many subjects were reminded. */
    int remindOnce(IsoWeek week) {
        Integer n = tx.execute(status -> repository.claimReminder(week.toString(), clock.nowOffset())
                ? remind(week) : -1);
        return n == null ? -1 : n;
    }

    private int remind(IsoWeek week) {
        // the week's roll is fixed now: its figures stay judged against the subjects that owed a report then
        repository.fixRoll(week.toString());
        var scope = DataScope.system().subjects("s.region_code", "s.sector", "s.id");
        var missing = repository.missing("4", scope, week.toString(), MAX);
        String link = "/production";
        missing.forEach(m -> notifications.send(Notice.of("PRODUCTION", "production.notice.missing", link,
                m.name(), week.toString()), Recipients.enterprise(m.enterpriseId())));
        var drops = repository.drops("4", scope, week.toString(), MAX);
        drops.forEach(d -> notifications.send(Notice.of("PRODUCTION", "production.notice.drop",
                "/production/enterprises/" + d.enterpriseId(), d.name(), week.toString(),
                String.valueOf(WeekOnWeek.changePercent(d.outputValue(), d.previousOutputValue()))),
                Recipients.roleAt(Role.HQ_OFFICER, d.regionCode())));
        log.info("production reminders for {}: {} missing report(s), {} drop(s)", week, missing.size(), drops.size());
        return missing.size();
    }
}
