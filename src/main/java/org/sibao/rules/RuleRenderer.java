package org.sibao.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;

/**
 * Renders a rule in plain language for previews, e.g. "所属地区位于 南阳市 且 企业规模为 中型 或 小型 且 员工人数 ≥ 1000".
 * Fact labels ({@code rules.fact.*}), op wording ({@code rules.render.*}) and code labels ({@code rules.value.*})
 * come from the {@code i18n/rules} bundle; region codes and GB/T 4754 industry codes are named by the given
 * functions ("南阳市", "C 制造业").
 */
public final class RuleRenderer {

    private final MessageSource messages;
    private final Function<String, String> regionName;
    private final Function<String, String> industryName;

    /** @param regionName a region's name by code, or {@code null} to show the code */
    public RuleRenderer(MessageSource messages, Function<String, String> regionName) {
        this(messages, regionName, null);
    }

    /**
     * @param regionName a region's name by code, or {@code null} to show the code
     * @param industryName a GB/T 4754 section's or division's name by code ("C" → 制造业), or {@code null}
     */
    public RuleRenderer(MessageSource messages, Function<String, String> regionName,
            Function<String, String> industryName) {
        this.messages = messages;
        this.regionName = regionName;
        this.industryName = industryName;
    }

    /** Whether a fact's codes are GB/T 4754 industry codes (sections A–T, divisions 01–97). */
    public static boolean isIndustry(Fact fact) {
        return "industrySection".equals(fact.name()) || "industryCode".equals(fact.name());
    }

    public String render(Rule rule, Locale locale) {
        return render(rule, locale, false);
    }

    private String render(Rule rule, Locale locale, boolean nested) {
        if (rule instanceof Rule.Condition c) {
            return condition(c, locale);
        }
        if (rule instanceof Rule.Not not) {
            return msg(locale, "rules.render.not", render(not.rule(), locale, false));
        }
        boolean all = rule instanceof Rule.All;
        List<Rule> children = all ? ((Rule.All) rule).rules() : ((Rule.Any) rule).rules();
        if (children.size() == 1) {
            return render(children.get(0), locale, nested);
        }
        List<String> parts = new ArrayList<>(children.size());
        for (Rule child : children) {
            parts.add(render(child, locale, true));
        }
        String joined = String.join(msg(locale, all ? "rules.join.and" : "rules.join.or"), parts);
        return nested ? msg(locale, "rules.render.group", joined) : joined;
    }

    private String condition(Rule.Condition c, Locale locale) {
        Fact fact = c.fact();
        String label = factLabel(fact, locale);
        Object value = c.value();
        return switch (c.op()) {
            case EXISTS -> msg(locale, Boolean.TRUE.equals(value) ? "rules.render.exists" : "rules.render.notExists",
                    label);
            case NONE_WITHIN, ANY_WITHIN -> window(c, (Window) value, label, locale);
            case IN -> msg(locale, "rules.render.in", label, values(fact, value, locale, "rules.join.or"));
            case NOT_IN -> msg(locale, "rules.render.notIn", label, values(fact, value, locale, "rules.join.list"));
            case WITHIN -> msg(locale, "rules.render.within", label, values(fact, value, locale, "rules.join.or"));
            default -> msg(locale, "rules.render." + c.op().json(), label, value(fact, value, locale));
        };
    }

    private String window(Rule.Condition c, Window w, String label, Locale locale) {
        String what = label;
        if (!w.kinds().isEmpty()) {
            what = values(c.fact(), w.kinds(), locale, "rules.join.or");
        }
        if (w.years() >= 100) {
            // a window of a century stands for "ever": said so, not as 近100年内
            return msg(locale, c.op() == Op.NONE_WITHIN ? "rules.render.never" : "rules.render.ever", what);
        }
        List<String> period = new ArrayList<>();
        if (w.years() > 0) {
            period.add(msg(locale, "rules.period.years", w.years()));
        }
        if (w.months() > 0) {
            period.add(msg(locale, "rules.period.months", w.months()));
        }
        if (w.days() > 0) {
            period.add(msg(locale, "rules.period.days", w.days()));
        }
        return msg(locale, "rules.render." + c.op().json(), what, String.join("", period));
    }

    public String factLabel(Fact fact, Locale locale) {
        return label(locale, "rules.fact." + fact.name(), fact.name());
    }

    /**
     * A fact's value as people read it ("中型", "南阳市", "C 制造业", units, 是/否; the code itself when it has no
     * label); a list joined with "、".
     */
    public String shown(Fact fact, Object value, Locale locale) {
        return values(fact, value, locale, "rules.join.list");
    }

    private String values(Fact fact, Object value, Locale locale, String joinKey) {
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        List<String> parts = new ArrayList<>(list.size());
        for (Object v : list) {
            parts.add(value(fact, v, locale));
        }
        return String.join(msg(locale, joinKey), parts);
    }

    private String value(Fact fact, Object value, Locale locale) {
        if (value instanceof BigDecimal d) {
            return unit(fact, d.stripTrailingZeros().toPlainString(), locale);
        }
        if (value instanceof Long n) {
            return unit(fact, n.toString(), locale);
        }
        if (value instanceof Boolean b) {
            return msg(locale, "rules.value." + b);
        }
        String code = String.valueOf(value);
        if (fact.type() == FactType.REGION) {
            String name = regionName == null ? null : regionName.apply(code);
            return name == null ? code : name;
        }
        if (isIndustry(fact)) {
            String name = industryName == null ? null : industryName.apply(code);
            return name == null ? code : code + " " + name;
        }
        String key = "rules.value." + fact.name() + "." + code;
        return messages.getMessage(key, null, code, locale);
    }

    private String unit(Fact fact, String number, Locale locale) {
        return fact.unit() == Fact.Unit.NONE ? number : msg(locale, "rules.unit." + fact.unit().name(), number);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
    }

    /** A label with the name as fallback. */
    private String label(Locale locale, String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
