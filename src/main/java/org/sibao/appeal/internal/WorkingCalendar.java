package org.sibao.appeal.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

import org.sibao.appeal.Urgency;
import org.sibao.platform.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * Working days in Asia/Shanghai: Monday to Friday, less the configured holidays, plus the configured swapped
 * weekend workdays (调休). "N working days after t" keeps t's time of day on the N-th working day after t's
 * date; a t on a rest day counts from the midnight that starts the next working day.
 */
@Component
class WorkingCalendar {

    static final int ASSIGN_DAYS = 1;
    static final int RESPONSE_DAYS = 3;
    static final int RESOLUTION_DAYS = 7;
    /** A major problem: solved within one month (SPEC §5), a calendar month from assignment. */
    static final int MAJOR_MONTHS = 1;
    static final Duration URGENT_RESPONSE = Duration.ofHours(2);

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    WorkingCalendar(AppealProperties properties) {
        this.holidays = Set.copyOf(properties.holidays());
        this.workdays = Set.copyOf(properties.workdays());
    }

    boolean isWorkingDay(LocalDate date) {
        if (workdays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    OffsetDateTime addWorkingDays(Instant start, int days) {
        ZonedDateTime t = start.atZone(BusinessClock.ZONE);
        LocalDateTime local = t.toLocalDateTime();
        if (!isWorkingDay(local.toLocalDate())) {
            LocalDate next = firstWorkingDayFrom(local.toLocalDate().plusDays(1));
            // N whole working days from the start of `next`: the deadline is the end of the N-th of them
            return step(next, days - 1).plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        }
        return step(local.toLocalDate(), days).atTime(local.toLocalTime()).atZone(BusinessClock.ZONE).toOffsetDateTime();
    }

    /**
     * A working-day deadline moved so that it lies in working time: one on a rest day moves, at the same time of day,
     * to the next working day; a midnight one (the end of the day before) moves to the midnight that ends the next
     * working day. For deadlines moved by whole calendar days (the demo data back-dates appeals), which could land on
     * a weekend no deadline computed here can.
     */
    OffsetDateTime inWorkingTime(OffsetDateTime due) {
        ZonedDateTime t = due.atZoneSameInstant(BusinessClock.ZONE);
        boolean midnight = t.toLocalTime().equals(LocalTime.MIDNIGHT);
        LocalDate day = midnight ? t.toLocalDate().minusDays(1) : t.toLocalDate();
        LocalDate working = firstWorkingDayFrom(day);
        return working.equals(day) ? due : t.plusDays(working.toEpochDay() - day.toEpochDay()).toOffsetDateTime();
    }

    /** {@code from} if it is a working day, else the first working day after it. */
    private LocalDate firstWorkingDayFrom(LocalDate from) {
        LocalDate d = from;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The n-th working day after {@code from} (n ≥ 0; 0 is {@code from} itself). */
    private LocalDate step(LocalDate from, int n) {
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * The assignment deadline: 1 working day, but for an URGENT appeal never later than its response deadline
     * ({@code responseDue}, 2 clock hours): a problem that must be answered within 2 hours must be assigned by then.
     */
    OffsetDateTime assignDue(Instant from, Urgency urgency, OffsetDateTime responseDue) {
        OffsetDateTime due = addWorkingDays(from, ASSIGN_DAYS);
        return urgency == Urgency.URGENT && responseDue != null && responseDue.isBefore(due) ? responseDue : due;
    }

    OffsetDateTime responseDue(Instant from, Urgency urgency) {
        return urgency == Urgency.URGENT ? from.plus(URGENT_RESPONSE).atZone(BusinessClock.ZONE).toOffsetDateTime()
                : addWorkingDays(from, RESPONSE_DAYS);
    }

    /** {@code dueDays} (working days) when set; one calendar month for a major problem; otherwise 7 working days. */
    OffsetDateTime resolutionDue(Instant from, Integer dueDays, boolean major) {
        if (dueDays != null) {
            return addWorkingDays(from, dueDays);
        }
        if (major) {
            return from.atZone(BusinessClock.ZONE).plusMonths(MAJOR_MONTHS).toOffsetDateTime();
        }
        return addWorkingDays(from, RESOLUTION_DAYS);
    }
}
