package org.sibao.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scheduled jobs run under ShedLock (one node at a time); expired web sessions are deleted by such a job. */
@FullStackTest
class SessionCleanupTests {

    @Autowired
    LockProvider locks;

    @Autowired
    SessionCleanup cleanup;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLockIsHeldByOneHolderAtATime() {
        String name = "test.lock." + UUID.randomUUID();
        LockConfiguration config = new LockConfiguration(ClockProvider.now(), name, Duration.ofMinutes(1), Duration.ZERO);
        Optional<SimpleLock> first = locks.lock(config);
        assertThat(first).isPresent();
        assertThat(locks.lock(config)).isEmpty();
        first.get().unlock();
        Optional<SimpleLock> again = locks.lock(config);
        assertThat(again).isPresent();
        again.get().unlock();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = ?").param(name).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void cleanupDeletesExpiredSessionsOnlyWhenItHoldsTheLock() throws InterruptedException {
        String expired = insertSession(System.currentTimeMillis() - 60_000);
        String live = insertSession(System.currentTimeMillis() + 3_600_000);

        LockConfiguration elsewhere = new LockConfiguration(ClockProvider.now(), "identity.sessionCleanup",
                Duration.ofMinutes(1), Duration.ZERO);
        SimpleLock heldByAnotherNode = lockWhenFree(elsewhere);
        cleanup.cleanUp();
        assertThat(exists(expired)).as("skipped while another node holds the lock").isTrue();
        heldByAnotherNode.unlock();

        cleanup.cleanUp();
        assertThat(exists(expired)).isFalse();
        assertThat(exists(live)).isTrue();
    }

    /**
     * The lock as soon as nobody holds it: the scheduled cleanup (every minute at :30) keeps it for at least 10 s
     * after each run, so a test that starts just then waits for it instead of failing.
     */
    private SimpleLock lockWhenFree(LockConfiguration config) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Optional<SimpleLock> lock = locks.lock(new LockConfiguration(ClockProvider.now(), config.getName(),
                    config.getLockAtMostFor(), config.getLockAtLeastFor()));
            if (lock.isPresent()) {
                return lock.get();
            }
            assertThat(System.nanoTime()).as("lock %s still held after 30 s", config.getName()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private String insertSession(long expiry) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time,
                    max_inactive_interval, expiry_time, principal_name) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, UUID.randomUUID().toString(), expiry - 1000, expiry - 1000, 1, expiry, "test").update();
        return id;
    }

    private boolean exists(String primaryId) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE primary_id = ?").param(primaryId).query(Long.class).single() > 0;
    }
}
