package org.sibao.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * A ratio as a percentage with one decimal, rounded half up — the one rounding every page, report, export and
 * chart uses (templates: {@code ${@percent.of(figure.ratio)}}), so a card and a page never show 12.3 % and 12.2 %
 * for the same figure (Thymeleaf's number formatting rounds half even).
 */
@Component("percent")
public class Percent {

    /** For templates: {@link #format(Number)}. */
    public String of(Number ratio) {
        return format(ratio);
    }

    /** {@code 0.1225 → "12.3%"}; "—" for no ratio. */
    public static String format(Number ratio) {
        if (ratio == null) {
            return "—";
        }
        BigDecimal r = ratio instanceof BigDecimal b ? b : new BigDecimal(ratio.toString());
        return r.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A rate over {@code denominator} things: "—" when there was nothing to count (0 of 0 is no rate, not 0 %). */
    public static String format(Number rate, long denominator) {
        return denominator == 0 ? "—" : format(rate);
    }
}
