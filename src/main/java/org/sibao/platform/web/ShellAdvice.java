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
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** Model attributes every page of the shell needs: the menu for the user's role, the clock, drill mode. */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

    private final List<NavItem> items;
    private final BusinessClock clock;
    private final SibaoProperties properties;

    ShellAdvice(ObjectProvider<NavItem> items, BusinessClock clock, SibaoProperties properties) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
        this.clock = clock;
        this.properties = properties;
    }

    @ModelAttribute("nav")
    List<NavItem> nav() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return List.of();
        }
        String role = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse("");
        return items.stream().filter(i -> i.visibleTo(role)).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("businessNow")
    java.time.OffsetDateTime businessNow() {
        return clock.nowOffset();
    }

    @ModelAttribute("drillMode")
    boolean drillMode() {
        return properties.drillMode();
    }

    /**
     * Views returned by exception handlers get none of the {@code @ModelAttribute}s above, so error pages would
     * show an empty shell; this fills it in. {@code me} is the signed-in principal (the identity module's user,
     * whose {@code displayName} the navbar shows).
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
