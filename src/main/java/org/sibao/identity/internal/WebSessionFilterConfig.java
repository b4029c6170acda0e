package org.sibao.identity.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Web sessions (JDBC) for the browser UI only. The integration API under {@code /api/} is stateless (bearer tokens;
 * its security chain never reads a session), so its requests skip the session repository's request wrapper,
 * which every later attribute read of an API call otherwise passed through.
 */
@Configuration(proxyBeanMethods = false)
class WebSessionFilterConfig {

    /** The session filter itself is not registered on its own … */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterRegistration(SessionRepositoryFilter<?> sessions) {
        FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(sessions);
        registration.setEnabled(false);
        return registration;
    }

    /** … but through this one, at the same place in the chain, for everything outside the API. */
    @Bean
    FilterRegistrationBean<Filter> webSessionFilter(SessionRepositoryFilter<?> sessions) {
        Filter filter = (request, response, chain) -> {
            if (request instanceof HttpServletRequest http && isApi(http)) {
                chain.doFilter(request, response);
            } else {
                sessions.doFilter(request, response, chain);
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("webSessionFilter");
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }
}
