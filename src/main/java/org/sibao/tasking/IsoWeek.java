package org.sibao.tasking;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sibao.platform.BusinessClock;

/**
 * An ISO-8601 week ({@code 2026-W47}) in Asia/Shanghai: Monday 00:00 up to (excluding) the next Monday 00:00.
 *
 * @param year the week-based year
 * @param week 1..52 or 53
 */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        LocalDate probe = LocalDate.of(year, 6, 1);
        long max = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > max) {
            throw new IllegalArgumentException("no week " + week + " in " + year);
        }
    }

    /** The week of a date. */
    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static IsoWeek of(Instant instant) {
        return of(instant.atZone(BusinessClock.ZONE).toLocalDate());
    }

    /** Parses {@code 2026-W47}; empty when the text is not a week. */
    public static Optional<IsoWeek> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Monday of the week. */
    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    /** Sunday of the week. */
    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    /** Monday 00:00 in Asia/Shanghai. */
    public OffsetDateTime start() {
        return monday().atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
    }

    /** The next Monday 00:00 (exclusive end). */
    public OffsetDateTime end() {
        return monday().plusDays(7).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start().toInstant()) && instant.isBefore(end().toInstant());
    }

    public IsoWeek previous() {
        return of(monday().minusDays(7));
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
