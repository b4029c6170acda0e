package org.sibao.identity.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired web sessions once a minute on one node of the cluster. Spring Session JDBC would run the
 * same cleanup on its own scheduler on every node at once; SecurityConfig turns that off
 * ({@code cleanupCron = "-"}) in favour of this ShedLock-guarded job.
 */
@Component
class SessionCleanup {

    private final JdbcIndexedSessionRepository sessions;

    SessionCleanup(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "30 * * * * *")
    @SchedulerLock(name = "identity.sessionCleanup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
    void cleanUp() {
        sessions.cleanUpExpiredSessions();
    }
}
