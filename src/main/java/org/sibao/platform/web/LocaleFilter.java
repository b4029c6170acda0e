package org.sibao.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sets the request's locale before the security filters run, so that 401/403 problems written by them are
 * Chinese by default too (the servlet container would otherwise fall back to the JVM's locale).
 */
@Component
// after the character-encoding filter (HIGHEST_PRECEDENCE): resolving the locale reads request parameters,
// which would otherwise decode form posts as ISO-8859-1 before UTF-8 is set
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class LocaleFilter extends OncePerRequestFilter {

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
