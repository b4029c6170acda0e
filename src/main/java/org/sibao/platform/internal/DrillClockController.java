package org.sibao.platform.internal;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.audit.AuditLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Drill mode (模拟演练) only: moves the business clock forward. Absent — hence 404 — outside drill mode. */
@RestController
@ConditionalOnBooleanProperty("sibao.drill-mode")
class DrillClockController {

    private static final int MAX_HOURS = 24 * 366;

    private final BusinessClock clock;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    DrillClockController(BusinessClock clock, AuditLog audit, org.springframework.context.ApplicationEventPublisher events) {
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /** A whole-number field of the body: 0 when absent or null, null when it is anything but an int. */
    private static Integer whole(tools.jackson.databind.JsonNode body, String field) {
        tools.jackson.databind.JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return 0;
        }
        return n.isIntegralNumber() && n.canConvertToInt() ? n.intValue() : null;
    }

    record ClockView(OffsetDateTime now) {
    }

    @PostMapping("/api/v1/admin/clock/advance")
    @PreAuthorize("hasRole('ADMIN')")
    ClockView advance(@RequestBody(required = false) tools.jackson.databind.JsonNode request) {
        // whole numbers only: 1.9 or "1" would otherwise be read as 1 and move the clock by less than asked
        Integer hours = whole(request, "hours");
        Integer minutes = whole(request, "minutes");
        if (hours == null || minutes == null || hours < 0 || hours > MAX_HOURS || minutes < 0
                || (hours == 0 && minutes == 0)) {
            throw ApiException.invalid("hours", "clock.badHours", MAX_HOURS);
        }
        OffsetDateTime before = clock.nowOffset();
        clock.advance(Duration.ofHours(hours).plusMinutes(minutes));
        OffsetDateTime after = clock.nowOffset();
        audit.record("CLOCK_ADVANCE", "BusinessClock", "1", null, java.util.Map.of("from", before.toString(), "to", after.toString()));
        events.publishEvent(new org.sibao.platform.ClockAdvanced(after));
        return new ClockView(after);
    }

    @GetMapping("/api/v1/admin/clock")
    @PreAuthorize("isAuthenticated()")
    ClockView now() {
        return new ClockView(clock.nowOffset());
    }
}
