package org.sibao.tasking;

import java.util.List;

/**
 * SPI: a module's overdue, reopened and unsatisfied items for the Friday supervision report (督查督办周报告) of a
 * region. Declare a Spring bean; the report calls every bean (Friday 17:00 business time, or on demand) and groups
 * the items by department and by region.
 *
 * <p>Return the items open at generation time whose responsible unit lies in the region or under it
 * ({@code regionCode} is a prefix path), plus those that became REOPENED / UNSATISFIED during {@code week}. Runs
 * without a signed-in user; must not throw for a region without data.
 */
public interface SupervisionItems {

    List<SupervisionItem> supervisionItems(String regionCode, IsoWeek week);
}
