package org.sibao.subject;

import java.math.BigDecimal;
import java.util.List;

/**
 * Size class (大中小微) by the 2017 statistical standard 统计上大中小微型企业划分办法 (SPEC §3): a subject is LARGE,
 * MEDIUM or SMALL when it reaches the lower bound of every indicator its industry lists for that class, else it
 * drops a class; MICRO when any indicator is below the SMALL bound; UNKNOWN when the industry or an indicator the
 * industry needs is missing.
 */
public final class SizeClasses {

    /** X employees, Y annual revenue (万元), Z total assets (万元). */
    public enum Indicator {
        EMPLOYEES, REVENUE, ASSETS
    }

    /** Lower bounds of one indicator for LARGE, MEDIUM and SMALL. */
    public record Bound(Indicator indicator, long large, long medium, long small) {
    }

    /** A row of the table: the industries it covers (by name, for tests and docs) and its bounds. */
    public record Row(String name, List<Bound> bounds) {
    }

    static final Row AGRICULTURE = row("A 农林牧渔", b(Indicator.REVENUE, 20000, 500, 50));
    static final Row INDUSTRY = row("B,C,D 工业", b(Indicator.EMPLOYEES, 1000, 300, 20), b(Indicator.REVENUE, 40000, 2000, 300));
    static final Row CONSTRUCTION = row("E 建筑业", b(Indicator.REVENUE, 80000, 6000, 300), b(Indicator.ASSETS, 80000, 5000, 300));
    static final Row WHOLESALE = row("51 批发业", b(Indicator.EMPLOYEES, 200, 20, 5), b(Indicator.REVENUE, 40000, 5000, 1000));
    static final Row RETAIL = row("52 零售业", b(Indicator.EMPLOYEES, 300, 50, 10), b(Indicator.REVENUE, 20000, 500, 100));
    static final Row TRANSPORT = row("54-58 交通运输业", b(Indicator.EMPLOYEES, 1000, 300, 20), b(Indicator.REVENUE, 30000, 3000, 200));
    static final Row WAREHOUSING = row("59 仓储业", b(Indicator.EMPLOYEES, 200, 100, 20), b(Indicator.REVENUE, 30000, 1000, 100));
    static final Row POSTAL = row("60 邮政业", b(Indicator.EMPLOYEES, 1000, 300, 20), b(Indicator.REVENUE, 30000, 2000, 100));
    static final Row HOSPITALITY = row("61,62 住宿和餐饮业", b(Indicator.EMPLOYEES, 300, 100, 10), b(Indicator.REVENUE, 10000, 2000, 100));
    static final Row TELECOM = row("63,64 信息传输业", b(Indicator.EMPLOYEES, 2000, 100, 10), b(Indicator.REVENUE, 100000, 1000, 100));
    static final Row SOFTWARE = row("65 软件和信息技术服务业", b(Indicator.EMPLOYEES, 300, 100, 10), b(Indicator.REVENUE, 10000, 1000, 50));
    static final Row REAL_ESTATE = row("70 房地产开发经营", b(Indicator.REVENUE, 200000, 1000, 100), b(Indicator.ASSETS, 10000, 5000, 2000));
    static final Row LEASING = row("L 租赁和商务服务业", b(Indicator.EMPLOYEES, 300, 100, 10), b(Indicator.ASSETS, 120000, 8000, 100));
    static final Row OTHER = row("其他未列明行业", b(Indicator.EMPLOYEES, 300, 100, 10));

    /** Revenue (万元) from which an industrial (B, C, D) enterprise is 规模以上 (ABOVE_SCALE). */
    public static final BigDecimal ABOVE_SCALE_REVENUE = BigDecimal.valueOf(2000);

    private SizeClasses() {
    }

    /**
     * The table row for an industry division (two digits) within its section (letter); null when unknown.
     * Division 53 (railway) and divisions of sections the table does not list fall to the "other" row.
     */
    public static Row rowFor(String sectionCode, String divisionCode) {
        if (sectionCode == null) {
            return null;
        }
        switch (sectionCode) {
            case "A":
                return AGRICULTURE;
            case "B", "C", "D":
                return INDUSTRY;
            case "E":
                return CONSTRUCTION;
            case "L":
                return LEASING;
            default:
                break;
        }
        if (divisionCode == null) {
            return OTHER;
        }
        return switch (divisionCode) {
            case "51" -> WHOLESALE;
            case "52" -> RETAIL;
            case "54", "55", "56", "57", "58" -> TRANSPORT;
            case "59" -> WAREHOUSING;
            case "60" -> POSTAL;
            case "61", "62" -> HOSPITALITY;
            case "63", "64" -> TELECOM;
            case "65" -> SOFTWARE;
            case "70" -> REAL_ESTATE;
            default -> OTHER;
        };
    }

    /** Whether the industry section counts as 工业 (mining, manufacturing, utilities). */
    public static boolean isIndustrial(String sectionCode) {
        return "B".equals(sectionCode) || "C".equals(sectionCode) || "D".equals(sectionCode);
    }

    public static SizeClass classify(String sectionCode, String divisionCode, Integer employees,
            BigDecimal revenue, BigDecimal assets) {
        Row row = rowFor(sectionCode, divisionCode);
        if (row == null) {
            return SizeClass.UNKNOWN;
        }
        SizeClass result = SizeClass.LARGE;
        for (Bound bound : row.bounds()) {
            BigDecimal value = switch (bound.indicator()) {
                case EMPLOYEES -> employees == null ? null : BigDecimal.valueOf(employees);
                case REVENUE -> revenue;
                case ASSETS -> assets;
            };
            if (value == null) {
                return SizeClass.UNKNOWN;
            }
            SizeClass byThis = value.compareTo(BigDecimal.valueOf(bound.large())) >= 0 ? SizeClass.LARGE
                    : value.compareTo(BigDecimal.valueOf(bound.medium())) >= 0 ? SizeClass.MEDIUM
                    : value.compareTo(BigDecimal.valueOf(bound.small())) >= 0 ? SizeClass.SMALL
                    : SizeClass.MICRO;
            // enum order LARGE < MEDIUM < SMALL < MICRO: the subject gets the smallest class of its indicators
            if (byThis.ordinal() > result.ordinal()) {
                result = byThis;
            }
        }
        return result;
    }

    private static Row row(String name, Bound... bounds) {
        return new Row(name, List.of(bounds));
    }

    private static Bound b(Indicator i, long large, long medium, long small) {
        return new Bound(i, large, medium, small);
    }
}
