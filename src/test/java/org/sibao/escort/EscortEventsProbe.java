package org.sibao.escort;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (picked up by component scanning of the test classpath) that records escort events from any
 * thread; {@code @RecordApplicationEvents} sees only the test's own thread, not the server's.
 */
@Component
class EscortEventsProbe {

    static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ShutdownStarted e) {
        EVENTS.add(e);
    }

    @EventListener
    void on(ShutdownEnded e) {
        EVENTS.add(e);
    }

    @EventListener
    void on(ShutdownDecided e) {
        EVENTS.add(e);
    }

    /** The final decisions published on a request (never one per consent). */
    static List<ShutdownDecided> decided(String shutdownId) {
        return EVENTS.stream().filter(e -> e instanceof ShutdownDecided d && d.shutdownId().equals(shutdownId))
                .map(e -> (ShutdownDecided) e).toList();
    }

    static long started(String shutdownId) {
        return EVENTS.stream().filter(e -> e instanceof ShutdownStarted s && s.shutdownId().equals(shutdownId)).count();
    }

    static long ended(String shutdownId) {
        return EVENTS.stream().filter(e -> e instanceof ShutdownEnded s && s.shutdownId().equals(shutdownId)).count();
    }
}
