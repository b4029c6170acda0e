package org.sibao.platform.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Handler look-up with the request's method and headers read once. A path with a variable
 * ({@code /api/v1/appeals/{id}}) has no direct match, so Spring MVC tests every one of the ~300 mappings against
 * the request; each test asks for the method and the CORS headers through the whole chain of request wrappers
 * (firewall, session, security), which made the look-up a quarter of the CPU of a simple API read (B5 profile).
 * The look-up now sees a thin wrapper that answers those from a cache; everything else (attributes, path) goes to
 * the real request.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookupConfig {

    @Bean
    WebMvcRegistrations cachingHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new RequestMappingHandlerMapping() {
                    @Override
                    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                            throws Exception {
                        return super.lookupHandlerMethod(lookupPath, new LookupRequest(request));
                    }
                };
            }
        };
    }

    /** Method, content type and headers of the request, each read from the wrapped chain at most once. */
    static final class LookupRequest extends HttpServletRequestWrapper {

        private final String method;
        private String contentType;
        private boolean contentTypeRead;
        private final Map<String, String> headers = new HashMap<>(8);

        LookupRequest(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getContentType() {
            if (!contentTypeRead) {
                contentType = super.getContentType();
                contentTypeRead = true;
            }
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            String key = name.toLowerCase(Locale.ROOT);
            if (headers.containsKey(key)) {
                return headers.get(key);
            }
            String value = super.getHeader(name);
            headers.put(key, value);
            return value;
        }
    }
}
