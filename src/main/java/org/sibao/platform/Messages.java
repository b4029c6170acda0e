package org.sibao.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves message keys in the request's locale (zh-CN unless the caller asked for English). */
@Component
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... args) {
        return get(LocaleContextHolder.getLocale(), key, args);
    }

    /** The message; an enum among the arguments reads as its display name where it has one (409s name states so). */
    public String get(Locale locale, String key, Object... args) {
        return source.getMessage(key, displayed(args, locale), key, locale);
    }

    private Object[] displayed(Object[] args, Locale locale) {
        if (args == null) {
            return null;
        }
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Enum<?> e) {
                String name = source.getMessage("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name(), null,
                        null, locale);
                if (name != null) {
                    if (out == args) {
                        out = args.clone();
                    }
                    out[i] = name;
                }
            }
        }
        return out;
    }

    /** Display name of an enum constant: key {@code enum.<SimpleName>.<CONSTANT>}. */
    public String label(Enum<?> value) {
        return value == null ? "" : get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** A yes/no cell or column: 是 / 否. */
    public String yesNo(boolean value) {
        return get(value ? "common.yes" : "common.no");
    }

    public String resolve(FieldProblem p) {
        return get(p.messageKey(), p.args());
    }

    /**
     * A request field as people name it (bundle {@code field}): by its path without indexes
     * ({@code drivers[0].idNumber → field.drivers.idNumber}), then by its last name ({@code field.idNumber}); the
     * field itself when neither is known.
     */
    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[(\\d+)\\]");

    public String fieldLabel(String field) {
        if (field == null || field.isBlank()) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String path = INDEX.matcher(field).replaceAll("");
        String label = source.getMessage("field." + path, null, null, locale);
        if (label == null) {
            label = source.getMessage("field." + path.substring(path.lastIndexOf('.') + 1), null, null, locale);
        }
        if (label == null) {
            return field;
        }
        // which of a list: the last index, counted from 1 (drivers[1].idNumber → 驾驶员身份证号（第 2 项）)
        java.util.regex.Matcher index = INDEX.matcher(field);
        String nth = null;
        while (index.find()) {
            nth = index.group(1);
        }
        return nth == null ? label : label + get("field.nth", Integer.parseInt(nth) + 1);
    }

    /** A problem as a line for a page: {@code 车牌号：格式不正确}. */
    public String line(FieldProblem p) {
        return fieldLabel(p.field()) + ("en".equals(LocaleContextHolder.getLocale().getLanguage()) ? ": " : "：")
                + resolve(p);
    }
}
