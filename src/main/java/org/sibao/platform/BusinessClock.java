package org.sibao.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The platform's notion of "now". Deadlines, test intervals, publicity periods, lock-outs and schedules all read
 * this clock, never {@link Instant#now()}, so that a drill (模拟演练) can move time forward for everyone at once.
 */
public interface BusinessClock {

    /** Business dates and deadlines are kept in China Standard Time. */
    ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    Instant now();

    default OffsetDateTime nowOffset() {
        return now().atZone(ZONE).toOffsetDateTime();
    }

    default LocalDate today() {
        return now().atZone(ZONE).toLocalDate();
    }

    /** Moves the clock forward (drill mode only); returns the new now. */
    Instant advance(java.time.Duration by);
}
