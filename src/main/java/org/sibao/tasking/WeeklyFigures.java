package org.sibao.tasking;

import java.util.List;

/**
 * SPI: a module's contribution to the weekly dispatch brief (周调度简报) of a region. Declare a Spring bean; the
 * brief calls every bean when it is generated (on schedule, Monday 08:00 business time, or on demand) and stores
 * the returned sections with the report.
 *
 * <p>Implementations count everything in the region and under it ({@code regionCode} is a prefix path: use
 * {@code org.sibao.region.Region.prefixOf(regionCode) + "%"}), for the business-time span
 * {@link IsoWeek#start()} (inclusive) to {@link IsoWeek#end()} (exclusive); running totals are "as of now".
 * They run without a signed-in user (system scope) and must not throw for a region without data: return rows of
 * zeros or an empty list. Texts are zh-CN.
 */
public interface WeeklyFigures {

    List<FigureSection> weeklySections(String regionCode, IsoWeek week);
}
