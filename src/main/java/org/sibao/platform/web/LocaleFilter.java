package org.sibao.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sets the request's locale before the security filters run, so that 401/403 problems written by them are
 * Chinese by default too (the servlet container would otherwise fall back to the JVM's locale). It must run
 * after Boot's RequestContextFilter (order -105), which sets the container's locale, and before Spring
 * Security's filter chain (order -100).
 */
@Component
// after the character-encoding filter too: resolving the locale reads request parameters, which would
// otherwise decode form posts as ISO-8859-1 before UTF-8 is set
@Order(LocaleFilter.ORDER)
class LocaleFilter extends OncePerRequestFilter {

    static final int ORDER = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 104;

    private final LocaleResolver resolver;

    LocaleFilter(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LocaleContextHolder.setLocale(resolver.resolveLocale(request));
        try {
            chain.doFilter(request, response);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
