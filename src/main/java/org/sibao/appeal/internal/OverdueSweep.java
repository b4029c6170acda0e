package org.sibao.appeal.internal;

import java.time.OffsetDateTime;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sibao.appeal.AppealOverdue;
import org.sibao.appeal.OverdueKind;
import org.sibao.identity.Role;
import org.sibao.identity.UserDirectory;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds appeals that missed a deadline since the last sweep (one set-based query) and, once per appeal, kind and
 * deadline: reminds the responsible side (the department's handlers, or the HQ office for an untriaged appeal),
 * tells the region's supervisors (督办), audits and publishes {@link AppealOverdue}. Runs on one node at a time
 * (ShedLock); {@code POST /api/v1/appeals/overdue-sweep} runs it on demand.
 */
@Component
class OverdueSweep {

    record Due(String appealId, OverdueKind kind, OffsetDateTime dueAt, String title, String regionCode,
            String handlerRegionCode, String departmentCode, String assignedRegionCode) {
    }

    private static final String CANDIDATES = """
            SELECT a.id, k.kind, k.due_at, a.title, a.region_code, a.handler_region_code, a.department_code, a.assigned_region_code
            FROM appeal a JOIN (
                SELECT id, 'ASSIGN' AS kind, assign_due_at AS due_at FROM appeal
                 WHERE (status IN ('SUBMITTED','ESCALATED') OR (status = 'REOPENED' AND department_code IS NULL)) AND assign_due_at < ?
                UNION ALL
                SELECT id, 'RESPONSE', response_due_at FROM appeal
                 WHERE (status = 'ASSIGNED' OR urgency = 'URGENT' AND response_due_at < assign_due_at
                        AND (status IN ('SUBMITTED','ESCALATED') OR (status = 'REOPENED' AND department_code IS NULL)))
                   AND response_due_at < ?
                UNION ALL
                SELECT id, 'RESOLUTION', resolution_due_at FROM appeal
                 WHERE (status IN ('ASSIGNED','ACCEPTED','REOPENED') AND department_code IS NOT NULL OR status = 'MERGED')
                   AND resolution_due_at < ?
            ) k ON k.id = a.id
            WHERE NOT EXISTS (SELECT 1 FROM appeal_overdue_notice n
                              WHERE n.appeal_id = k.id AND n.kind = k.kind AND n.due_at = k.due_at)
            ORDER BY k.due_at""";

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final Notifications notifications;
    private final UserDirectory users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    OverdueSweep(JdbcClient jdbc, BusinessClock clock, Notifications notifications, UserDirectory users,
            AuditLog audit, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notifications = notifications;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${sibao.appeal.sweep-interval:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "appeal.overdueSweep", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void scheduled() {
        run();
    }

    /** Sweeps now; returns how many overdue reminders were sent. Serialised within this node. */
    synchronized int run() {
        Integer n = tx.execute(s -> sweep());
        return n == null ? 0 : n;
    }

    private int sweep() {
        OffsetDateTime now = clock.nowOffset();
        List<Due> due = jdbc.sql(CANDIDATES).params(now, now, now)
                .query((rs, i) -> new Due(rs.getString(1), OverdueKind.valueOf(rs.getString(2)), AppealRepository.time(rs, 3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        for (Due d : due) {
            jdbc.sql("INSERT INTO appeal_overdue_notice (appeal_id, kind, due_at, noticed_at) VALUES (?, ?, ?, ?)")
                    .params(d.appealId(), d.kind().name(), d.dueAt(), now).update();
            String link = "/appeals/" + d.appealId();
            String key = "appeal.notice.overdue." + d.kind().name();
            boolean atHq = d.kind() == OverdueKind.ASSIGN || d.departmentCode() == null;
            if (atHq) {
                notifications.send(Notice.of("APPEAL_OVERDUE", key, link, d.title()),
                        Recipients.roleAt(Role.HQ_OFFICER, d.handlerRegionCode()));
            } else {
                notifications.send(Notice.of("APPEAL_OVERDUE", key, link, d.title()),
                        Recipients.users(users.departmentUserIds(d.assignedRegionCode(), d.departmentCode())));
            }
            String supervised = atHq ? d.handlerRegionCode() : d.assignedRegionCode();
            notifications.send(Notice.of("APPEAL_SUPERVISE", "appeal.notice.supervise." + d.kind().name(), link, d.title()),
                    Recipients.roleAt(Role.SUPERVISOR, supervised));
            audit.record("appeal.overdue", "appeal", d.appealId(), d.regionCode(), null,
                    java.util.Map.of("kind", d.kind().name(), "dueAt", d.dueAt().toString()));
            events.publishEvent(new AppealOverdue(d.appealId(), d.kind(), d.regionCode(), d.handlerRegionCode(),
                    d.departmentCode(), d.dueAt()));
        }
        return due.size();
    }
}
