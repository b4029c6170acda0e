package org.sibao.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * A ratio as a percentage with one decimal, rounded half up — the one rounding every page and chart uses
 * (templates: {@code ${@percent.of(figure.ratio)}}), so a card and a page never show 12.3 % and 12.2 % for the
 * same figure (Thymeleaf's number formatting rounds half even).
 */
@Component("percent")
public class Percent {

    public String of(Number ratio) {
        if (ratio == null) {
            return "—";
        }
        BigDecimal r = ratio instanceof BigDecimal b ? b : new BigDecimal(ratio.toString());
        return r.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
