package org.sibao.appeal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.appeal.Urgency;
import org.sibao.platform.BusinessClock;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = new WorkingCalendar(new AppealProperties(null, null, null));

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BusinessClock.ZONE).toInstant();
    }

    private static OffsetDateTime local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BusinessClock.ZONE).toOffsetDateTime();
    }

    @Test
    void weekendsAreSkipped() {
        // Friday 2022-06-10 10:00 + 1 working day → Monday 10:00
        assertThat(calendar.addWorkingDays(at("2022-06-10T10:00"), 1)).isEqualTo(local("2022-06-13T10:00"));
        // Wednesday + 3 → Monday
        assertThat(calendar.addWorkingDays(at("2022-06-08T09:30"), 3)).isEqualTo(local("2022-06-13T09:30"));
        // filed on Saturday: counts from Monday's midnight, one working day ends Monday at 24:00
        assertThat(calendar.addWorkingDays(at("2022-06-11T15:00"), 1)).isEqualTo(local("2022-06-14T00:00"));
    }

    @Test
    void aDeadlineOnARestDayMovesToTheNextWorkingDay() {
        // Saturday 10:00 → Monday 10:00; a Wednesday deadline stays
        assertThat(calendar.inWorkingTime(local("2022-06-11T10:00"))).isEqualTo(local("2022-06-13T10:00"));
        assertThat(calendar.inWorkingTime(local("2022-06-08T10:00"))).isEqualTo(local("2022-06-08T10:00"));
        // midnight is the end of the day before: Saturday 24:00 → Monday 24:00; Friday 24:00 stays
        assertThat(calendar.inWorkingTime(local("2022-06-12T00:00"))).isEqualTo(local("2022-06-14T00:00"));
        assertThat(calendar.inWorkingTime(local("2022-06-11T00:00"))).isEqualTo(local("2022-06-11T00:00"));
        // 端午 06-03..06-05 → Monday 06-06
        assertThat(calendar.inWorkingTime(local("2022-06-03T16:30"))).isEqualTo(local("2022-06-06T16:30"));
    }

    @Test
    void holidaysAreSkipped() {
        // 端午 2022-06-03 (Fri) to 06-05: Thursday 06-02 + 1 → Monday 06-06
        assertThat(calendar.addWorkingDays(at("2022-06-02T08:00"), 1)).isEqualTo(local("2022-06-06T08:00"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2022-06-03"))).isFalse();
        // 国庆: 09-30 (Fri) + 1 → 10-08, a Saturday worked in exchange
        assertThat(calendar.addWorkingDays(at("2022-09-30T10:00"), 1)).isEqualTo(local("2022-10-08T10:00"));
    }

    @Test
    void theYearsAfter2022AreInTheDefaultCalendar() {
        // 元旦 2027 (a Friday): Thursday 2026-12-31 + 1 → Monday 2027-01-04
        assertThat(calendar.addWorkingDays(at("2026-12-31T10:00"), 1)).isEqualTo(local("2027-01-04T10:00"));
        // 春节 2026: 02-15..02-23 off, Saturday 02-14 worked: Friday 02-13 + 1 → 02-14, + 2 → Tuesday 02-24
        assertThat(calendar.addWorkingDays(at("2026-02-13T09:00"), 1)).isEqualTo(local("2026-02-14T09:00"));
        assertThat(calendar.addWorkingDays(at("2026-02-13T09:00"), 2)).isEqualTo(local("2026-02-24T09:00"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-08"))).as("国庆中秋 2025").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2024-09-29"))).as("a Sunday worked in 2024").isTrue();
    }

    @Test
    void swappedWeekendWorkdaysCount() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2022-05-07"))).isTrue();
        // 劳动节 04-30..05-04, 05-07 (Sat) worked: Friday 04-29 + 2 → 05-06, + 3 → Saturday 05-07
        assertThat(calendar.addWorkingDays(at("2022-04-29T10:00"), 2)).isEqualTo(local("2022-05-06T10:00"));
        assertThat(calendar.addWorkingDays(at("2022-04-29T10:00"), 3)).isEqualTo(local("2022-05-07T10:00"));
    }

    @Test
    void configuredCalendarsReplaceTheDefaults() {
        WorkingCalendar custom = new WorkingCalendar(new AppealProperties(
                List.of(LocalDate.parse("2030-01-02")), List.of(LocalDate.parse("2030-01-05")), null));
        // 2030-01-01 is a Tuesday; 01-02 a holiday, 01-05 (Sat) a workday
        assertThat(custom.addWorkingDays(at("2030-01-01T10:00"), 1)).isEqualTo(local("2030-01-03T10:00"));
        assertThat(custom.addWorkingDays(at("2030-01-04T10:00"), 1)).isEqualTo(local("2030-01-05T10:00"));
        assertThat(custom.isWorkingDay(LocalDate.parse("2022-06-03"))).isTrue();
    }

    @Test
    void anUrgentAppealIsAssignedByItsResponseDeadline() {
        Instant filed = at("2022-06-08T09:00");
        OffsetDateTime response = calendar.responseDue(filed, Urgency.URGENT);
        assertThat(calendar.assignDue(filed, Urgency.URGENT, response)).as("not a working day after it")
                .isEqualTo(local("2022-06-08T11:00"));
        assertThat(calendar.assignDue(filed, Urgency.NORMAL, calendar.responseDue(filed, Urgency.NORMAL)))
                .isEqualTo(local("2022-06-09T09:00"));
        // a response deadline later than the working day (never for URGENT as filed) leaves the working day
        assertThat(calendar.assignDue(filed, Urgency.URGENT, local("2022-06-20T09:00"))).isEqualTo(local("2022-06-09T09:00"));
    }

    @Test
    void urgentResponseIsTwoClockHoursEvenAtTheWeekend() {
        assertThat(calendar.responseDue(at("2022-06-11T23:00"), Urgency.URGENT)).isEqualTo(local("2022-06-12T01:00"));
        assertThat(calendar.responseDue(at("2022-06-08T09:00"), Urgency.NORMAL)).isEqualTo(local("2022-06-13T09:00"));
    }

    @Test
    void resolutionDeadlines() {
        assertThat(calendar.resolutionDue(at("2022-06-06T09:00"), null, false)).isEqualTo(local("2022-06-15T09:00"));
        assertThat(calendar.resolutionDue(at("2022-06-06T09:00"), null, true)).isEqualTo(local("2022-07-06T09:00"));
        assertThat(calendar.resolutionDue(at("2022-06-06T09:00"), 2, false)).isEqualTo(local("2022-06-08T09:00"));
    }
}
