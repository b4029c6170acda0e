package org.sibao.appeal.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code sibao.appeal}: the working-day calendar and the overdue sweep.
 *
 * @param holidays      public holidays (no work) on weekdays or weekends
 * @param workdays      weekend days that are working days (调休)
 * @param sweepInterval how often the overdue sweep runs
 */
@ConfigurationProperties("sibao.appeal")
record AppealProperties(List<LocalDate> holidays, List<LocalDate> workdays, Duration sweepInterval) {

    /** The 2022 public holidays of the State Council notice (国办发明电〔2021〕11号). */
    static final List<LocalDate> HOLIDAYS_2022 = List.of(
            d("2022-01-01"), d("2022-01-02"), d("2022-01-03"),
            d("2022-01-31"), d("2022-02-01"), d("2022-02-02"), d("2022-02-03"), d("2022-02-04"), d("2022-02-05"), d("2022-02-06"),
            d("2022-04-03"), d("2022-04-04"), d("2022-04-05"),
            d("2022-04-30"), d("2022-05-01"), d("2022-05-02"), d("2022-05-03"), d("2022-05-04"),
            d("2022-06-03"), d("2022-06-04"), d("2022-06-05"),
            d("2022-09-10"), d("2022-09-11"), d("2022-09-12"),
            d("2022-10-01"), d("2022-10-02"), d("2022-10-03"), d("2022-10-04"), d("2022-10-05"), d("2022-10-06"), d("2022-10-07"));

    /** The weekend days worked in 2022 in exchange. */
    static final List<LocalDate> WORKDAYS_2022 = List.of(
            d("2022-01-29"), d("2022-01-30"), d("2022-04-02"), d("2022-04-24"), d("2022-05-07"), d("2022-10-08"), d("2022-10-09"));

    AppealProperties {
        holidays = holidays == null ? HOLIDAYS_2022 : List.copyOf(holidays);
        workdays = workdays == null ? WORKDAYS_2022 : List.copyOf(workdays);
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(5) : sweepInterval;
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
