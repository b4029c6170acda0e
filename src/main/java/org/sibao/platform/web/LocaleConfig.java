package org.sibao.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Chinese first: zh-CN unless the request asks for English ({@code Accept-Language: en}, or {@code ?lang=en}
 * remembered in a cookie by the web UI).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig {

    static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

    /** Work outside a request (schedules, demo data, events) speaks Chinese too, whatever the JVM's locale. */
    LocaleConfig() {
        org.springframework.context.i18n.LocaleContextHolder.setDefaultLocale(ZH_CN);
    }

    /**
     * {@code ?lang=} from the query string only: asking the request for a parameter would parse a form or upload
     * body in a filter, before the size limits can answer properly.
     */
    static String queryLang(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("lang=")) {
                return java.net.URLDecoder.decode(pair.substring(5), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();
        header.setSupportedLocales(List.of(ZH_CN, Locale.ENGLISH));
        header.setDefaultLocale(ZH_CN);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                String lang = queryLang(request.getQueryString());
                if (lang == null && request.getCookies() != null) {
                    for (var c : request.getCookies()) {
                        if ("lang".equals(c.getName())) {
                            lang = c.getValue();
                        }
                    }
                }
                if (lang != null && !lang.isBlank()) {
                    return lang.startsWith("en") ? Locale.ENGLISH : ZH_CN;
                }
                return header.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("the locale follows the request");
            }
        };
    }
}
