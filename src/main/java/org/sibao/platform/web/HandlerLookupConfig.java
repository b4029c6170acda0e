package org.sibao.platform.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Handler look-up with the request's method and headers read once. A path with a variable
 * ({@code /api/v1/appeals/{id}}) has no direct match, so Spring MVC tests every one of the ~300 mappings against
 * the request; each test asks for the method and the CORS headers through the whole chain of request wrappers
 * (firewall, session, security), which made the look-up a quarter of the CPU of a simple API read (B5 profile).
 * The look-up now sees a thin wrapper that answers those from a cache (everything else, attributes and path, goes
 * to the real request), and a mapping none of whose patterns begins like the path is skipped at once.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookupConfig {

    @Bean
    WebMvcRegistrations cachingHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new RequestMappingHandlerMapping() {

                    private final Map<RequestMappingInfo, List<String>> prefixes = new ConcurrentHashMap<>();

                    @Override
                    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                            throws Exception {
                        return super.lookupHandlerMethod(lookupPath, new LookupRequest(request, lookupPath));
                    }

                    @Override
                    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
                        if (request instanceof LookupRequest lookup && lookup.plainPath != null
                                && !startsWithAny(lookup.plainPath, prefixes.computeIfAbsent(info, HandlerLookupConfig::literalPrefixes))) {
                            return null;
                        }
                        return super.getMatchingMapping(info, request);
                    }
                };
            }
        };
    }

    /**
     * The literal beginnings of a mapping's path patterns (up to the first variable or wildcard), or an empty list
     * when some pattern has none, so that a mapping whose patterns cannot match a path is skipped without running
     * its conditions.
     */
    static List<String> literalPrefixes(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
            String p = pattern.getPatternString();
            int end = 0;
            while (end < p.length() && "{*?".indexOf(p.charAt(end)) < 0) {
                end++;
            }
            if (end == 0 || p.isEmpty()) {
                return List.of();
            }
            out.add(p.substring(0, end));
        }
        return out;
    }

    static boolean startsWithAny(String path, List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return true;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Method, content type and headers of the request, each read from the wrapped chain at most once. */
    static final class LookupRequest extends HttpServletRequestWrapper {

        /**
         * The look-up path when it compares as written with pattern literals (no percent-encoding, no path
         * parameters), else null and every mapping is tested in full.
         */
        final String plainPath;
        private final String method;
        private String contentType;
        private boolean contentTypeRead;
        private final Map<String, String> headers = new HashMap<>(8);

        LookupRequest(HttpServletRequest request, String lookupPath) {
            super(request);
            this.method = request.getMethod();
            this.plainPath = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0 ? lookupPath : null;
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
