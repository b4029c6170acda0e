package org.sibao.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sibao.platform.Messages;
import org.sibao.platform.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

import tools.jackson.databind.json.JsonMapper;

/**
 * Three filter chains: the public part of the API ({@code /api/v1/public/**}, no login), the integration API
 * ({@code /api/**}) with stateless bearer tokens, and the web UI with a form login, CSRF protection and sessions
 * stored in the database (Spring Session JDBC) so that any node can serve any request.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableJdbcHttpSession(tableName = "SPRING_SESSION", cleanupCron = Scheduled.CRON_DISABLED)
class SecurityConfig {

    /** The session attribute holding the name of the last failed sign-in, for the form to show again. */
    static final String LAST_USERNAME = "sibao.lastUsername";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    AuthenticationManager authenticationManager(ThrottledAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /**
     * The public part of the API ({@code /api/v1/public/**}, e.g. the checkpoints' pass check): no login, no session,
     * and an Authorization header is ignored, as on the root {@code /public/**} paths it mirrors.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicApiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/public/**")
                .csrf(c -> c.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, UserCache users, Messages messages,
            JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> writeProblem(response, request, json,
                HttpStatus.UNAUTHORIZED, "unauthorized", messages.get("problem.title.401"), messages.get("auth.required"));
        AccessDeniedHandler forbidden = (request, response, e) -> writeProblem(response, request, json,
                HttpStatus.FORBIDDEN, "forbidden", messages.get("problem.title.403"), messages.get("error.forbidden"));
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                // stateless: nothing to log out of, no saved request to replay after a login page
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/auth/token").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(FastRequestChecks.BEARER)
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .jwt(j -> j.decoder(tokens.decoder()).jwtAuthenticationConverter(jwt -> users
                                .activeUser(jwt.getSubject(), TokenService.version(jwt))
                                .map(ThrottledAuthenticationProvider::authenticated)
                                .orElseThrow(() -> new BadCredentialsException("unknown or disabled user")))))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * No observation per security filter, authentication and authorization: wrapping each of the ~15 filters of
     * every request cost more than a simple API read's own work (B5 profile). The request as a whole is still
     * observed (metric {@code http.server.requests}); failed logins are audited and throttled by the platform.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall, its header checks without regular expressions (see {@link FastRequestChecks}). */
    @Bean
    HttpFirewall httpFirewall() {
        return FastRequestChecks.firewall();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        AuthenticationFailureHandler failure = (request, response, e) -> {
            // the login form comes back with the name typed (kept in the session, not in the address)
            String username = request.getParameter("username");
            if (username != null && username.length() <= 100) {
                request.getSession().setAttribute(LAST_USERNAME, username.trim());
            }
            response.sendRedirect(e instanceof LockedException ? "/login?locked" : "/login?error");
        };
        http.authenticationManager(authenticationManager)
                .csrf(c -> c.ignoringRequestMatchers(SecurityConfig::isJsonObjection))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/public/**", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/error", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failure).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * A public objection sent as JSON needs no CSRF token: a cross-site page cannot send {@code application/json}
     * without a CORS preflight, which this server never allows. The HTML form keeps its token.
     */
    static boolean isJsonObjection(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !"POST".equals(request.getMethod())
                || !"/public/whitelist/objections".equals(request.getRequestURI())) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static void writeProblem(HttpServletResponse response, HttpServletRequest request, JsonMapper json,
            HttpStatus status, String type, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemResponses.problem(status, type, title, detail, request);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    static String failureKey(AuthenticationException e) {
        return e instanceof LockedException ? "auth.locked" : "auth.badCredentials";
    }
}
