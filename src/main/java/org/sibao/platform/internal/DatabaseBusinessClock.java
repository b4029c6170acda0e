package org.sibao.platform.internal;

import java.time.Duration;
import java.time.Instant;

import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.SibaoProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wall-clock time plus a drill offset kept in the database, so that every node of a cluster sees the same
 * business time. The offset is re-read at most once a second; outside drill mode it is always zero.
 */
@Component
class DatabaseBusinessClock implements BusinessClock {

    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final JdbcClient jdbc;
    private final boolean drillMode;
    private volatile long offsetSeconds;
    private volatile long readAt;

    DatabaseBusinessClock(JdbcClient jdbc, SibaoProperties properties) {
        this.jdbc = jdbc;
        this.drillMode = properties.drillMode();
        this.readAt = System.nanoTime() - REFRESH_NANOS;
    }

    @Override
    public Instant now() {
        if (!drillMode) {
            return stored(Instant.now());
        }
        long t = System.nanoTime();
        if (t - readAt >= REFRESH_NANOS) {
            offsetSeconds = jdbc.sql("SELECT offset_seconds FROM business_clock WHERE id = 1")
                    .query(Long.class).optional().orElse(0L);
            readAt = t;
        }
        return stored(Instant.now().plusSeconds(offsetSeconds));
    }

    /**
     * Microseconds, as both databases store time: a resource answered on creation reads back the same (the
     * system clock ticks in nanoseconds on Linux).
     */
    private static Instant stored(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    @Override
    @Transactional
    public Instant advance(Duration by) {
        if (!drillMode) {
            throw ApiException.forbidden("clock.notDrill");
        }
        int updated = jdbc.sql("UPDATE business_clock SET offset_seconds = offset_seconds + :s WHERE id = 1")
                .param("s", by.toSeconds()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO business_clock (id, offset_seconds) VALUES (1, :s)").param("s", by.toSeconds()).update();
        }
        readAt = System.nanoTime() - REFRESH_NANOS;
        return now();
    }
}
