package org.sibao.tasking.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sibao.identity.Role;
import org.sibao.identity.UserDirectory;
import org.sibao.platform.BusinessClock;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.internal.Report.ReportKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schedules of SPEC §6 on the business clock: the weekly brief of the week just ended every Monday 08:00, the
 * supervision report of the current week every Friday 17:00, for every region with an HQ office (a region that has
 * an HQ_OFFICER). The job wakes every minute and looks at the business clock, so advancing a drill's clock past
 * Monday 08:00 or Friday 17:00 generates the reports at once; {@code task_report_run} makes each run happen once.
 * The overdue sweep of tasks runs in the same wake-up.
 */
@Component
class ReportSchedule {

    static final String SYSTEM = "系统定时生成";
    private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);

    private final ReportService reports;
    private final TaskService tasks;
    private final RegionService regions;
    private final UserDirectory users;
    private final BusinessClock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ReportSchedule(ReportService reports, TaskService tasks, RegionService regions, UserDirectory users,
            BusinessClock clock, JdbcClient jdbc, TransactionTemplate tx) {
        this.reports = reports;
        this.tasks = tasks;
        this.regions = regions;
        this.users = users;
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Scheduled(cron = "40 * * * * *")
    @SchedulerLock(name = "tasking.schedule", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10S")
    void run() {
        int overdue = tasks.sweepOverdue();
        if (overdue > 0) {
            log.info("{} task(s) went overdue", overdue);
        }
        generateDue();
    }

    /** Generates the weekly brief and the Friday report whose time has come and that have not run yet. */
    void generateDue() {
        ZonedDateTime now = clock.now().atZone(BusinessClock.ZONE);
        IsoWeek briefWeek = IsoWeek.of(lastOccurrence(now, DayOfWeek.MONDAY, LocalTime.of(8, 0)).toLocalDate()).previous();
        IsoWeek fridayWeek = IsoWeek.of(lastOccurrence(now, DayOfWeek.FRIDAY, LocalTime.of(17, 0)).toLocalDate());
        runOnce(ReportKind.WEEKLY_BRIEF, briefWeek);
        runOnce(ReportKind.FRIDAY_SUPERVISION, fridayWeek);
    }

    /** The latest {@code day} at {@code time} at or before {@code now}. */
    static ZonedDateTime lastOccurrence(ZonedDateTime now, DayOfWeek day, LocalTime time) {
        ZonedDateTime candidate = now.with(TemporalAdjusters.previousOrSame(day)).with(time);
        return candidate.isAfter(now) ? candidate.minusWeeks(1) : candidate;
    }

    private void runOnce(ReportKind kind, IsoWeek week) {
        Boolean claimed = tx.execute(status -> jdbc.sql("""
                INSERT INTO task_report_run (kind, iso_week, ran_at)
                SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM task_report_run WHERE kind = ? AND iso_week = ?)""")
                .params(kind.name(), week.toString(), clock.nowOffset(), kind.name(), week.toString())
                .update() == 1);
        if (!Boolean.TRUE.equals(claimed)) {
            return;
        }
        List<Region> offices = regions.all().stream()
                .filter(r -> !users.userIds(Role.HQ_OFFICER, r.code(), null).isEmpty()).toList();
        for (Region r : offices) {
            try {
                reports.generate(kind, r.code(), week, SYSTEM);
            } catch (RuntimeException e) {
                log.warn("could not generate {} {} for {}", kind, week, r.code(), e);
            }
        }
        log.info("generated {} {} for {} region(s)", kind, week, offices.size());
    }
}
