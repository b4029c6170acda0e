package org.sibao.coverage.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

import org.sibao.region.Sector;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sibao.coverage.*}: the target share and its deadline ("MM-dd", e.g. {@code 06-30} = June 30 of the
 * business year), with optional per-sector deadlines.
 */
@ConfigurationProperties("sibao.coverage")
record CoverageProperties(BigDecimal target, String deadline, Map<Sector, String> sectorDeadlines) {

    CoverageProperties {
        target = target == null ? new BigDecimal("0.7") : target;
        deadline = deadline == null || deadline.isBlank() ? "06-30" : deadline.trim();
        sectorDeadlines = sectorDeadlines == null ? Map.of() : Map.copyOf(sectorDeadlines);
        parse(deadline);
        sectorDeadlines.values().forEach(CoverageProperties::parse);
    }

    /** The deadline in the business year of {@code today}. */
    LocalDate deadlineFor(Sector sector, LocalDate today) {
        String d = sector == null ? deadline : sectorDeadlines.getOrDefault(sector, deadline);
        return parse(d).atYear(today.getYear());
    }

    private static MonthDay parse(String mmdd) {
        return MonthDay.parse("--" + mmdd.trim());
    }
}
