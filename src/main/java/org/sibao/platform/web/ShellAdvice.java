package org.sibao.platform.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.sibao.platform.BusinessClock;
import org.sibao.platform.SibaoProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every page of the shell needs — the menu for the user's role, the signed-in user ({@code me}), the
 * business clock, drill mode — added to rendered views only. (A {@code @ModelAttribute} advice would run for
 * every API call too, since {@code @RestController} is a {@code @Controller}.)
 */
@Configuration(proxyBeanMethods = false)
class ShellAdvice implements WebMvcConfigurer {

    private final List<NavItem> items;
    private final BusinessClock clock;
    private final SibaoProperties properties;

    ShellAdvice(ObjectProvider<NavItem> items, BusinessClock clock, SibaoProperties properties) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                    Object handler, ModelAndView view) {
                if (view != null && view.getViewName() != null && !view.getViewName().startsWith("redirect:")) {
                    addShell(view, request);
                }
            }
        });
    }

    List<NavItem> nav() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return List.of();
        }
        String role = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse("");
        return items.stream().filter(i -> i.visibleTo(role)).toList();
    }

    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    java.time.OffsetDateTime businessNow() {
        return clock.nowOffset();
    }

    boolean drillMode() {
        return properties.drillMode();
    }

    /**
     * Fills in the shell; also called for error views returned by exception handlers, which interceptors do not
     * see. {@code me} is the signed-in principal (the identity module's user, whose {@code displayName} the
     * navbar shows).
     */
    void addShell(ModelAndView view, HttpServletRequest request) {
        view.addObject("nav", nav());
        view.addObject("currentPath", currentPath(request));
        view.addObject("businessNow", businessNow());
        view.addObject("drillMode", drillMode());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            view.addObject("me", auth.getPrincipal());
        }
    }
}
