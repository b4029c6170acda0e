package org.sibao.dashboard.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries the dashboard's "something changed" to the other nodes of a cluster. This node's own snapshots go stale
 * at once ({@link DashboardService#invalidate}); the change is also counted in the {@code dashboard_generation} row,
 * at most every {@link #PUBLISH_MS} ms however many changes come (so that a burst of appeals does not queue on one
 * row), and every node re-reads the row every {@link #POLL_MS} ms and marks its snapshots stale when another node
 * moved it. A read on another node after a change thus shows it within about a second and a half.
 */
@Component
class SharedGeneration implements DisposableBean {

    static final long PUBLISH_MS = 250;
    static final long POLL_MS = 1000;
    private static final Logger log = LoggerFactory.getLogger(SharedGeneration.class);

    private final JdbcClient jdbc;
    private final DashboardService dashboard;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-generation");
        t.setDaemon(true);
        return t;
    });
    /** The row's value as this node last knew it (its own bumps included); -1 before the first read. */
    private long seen = -1;

    SharedGeneration(JdbcClient jdbc, DashboardService dashboard) {
        this.jdbc = jdbc;
        this.dashboard = dashboard;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ticker.scheduleWithFixedDelay(this::publish, PUBLISH_MS, PUBLISH_MS, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** A committed change on this node (its snapshots are already stale): to be told to the others. */
    void changed() {
        pending.set(true);
    }

    /** Bumps the row if anything changed since the last bump; on the ticker thread. */
    synchronized void publish() {
        if (!pending.getAndSet(false)) {
            return;
        }
        try {
            jdbc.sql("UPDATE dashboard_generation SET generation = generation + 1 WHERE id = 1").update();
            long now = read();
            if (seen >= 0 && now != seen + 1) {
                dashboard.invalidate();   // another node bumped it as well meanwhile
            }
            seen = now;
        } catch (RuntimeException e) {
            pending.set(true);
            log.debug("dashboard generation not published: {}", e.toString());
        }
    }

    /** Marks the snapshots stale when another node moved the row; on the ticker thread. */
    synchronized void poll() {
        try {
            long now = read();
            if (seen >= 0 && now != seen) {
                dashboard.invalidate();
            }
            seen = now;
        } catch (RuntimeException e) {
            log.debug("dashboard generation not read: {}", e.toString());
        }
    }

    private long read() {
        return jdbc.sql("SELECT generation FROM dashboard_generation WHERE id = 1").query(Long.class).single();
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
