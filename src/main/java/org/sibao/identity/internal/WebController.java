package org.sibao.identity.internal;

import java.util.Comparator;
import java.util.List;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.web.HomeCard;
import org.sibao.platform.web.HomeCards;
import org.sibao.region.RegionService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and each role's home page (工作台), assembled from the figures modules contribute. */
@Controller
class WebController {

    private final ObjectProvider<HomeCards> cards;
    private final RegionService regions;
    private final ScopeDescriber scopes;

    WebController(ObjectProvider<HomeCards> cards, RegionService regions, ScopeDescriber scopes) {
        this.cards = cards;
        this.regions = regions;
        this.scopes = scopes;
    }

    @GetMapping("/login")
    String login(jakarta.servlet.http.HttpServletRequest request, Model model) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SecurityConfig.LAST_USERNAME) instanceof String name) {
            session.removeAttribute(SecurityConfig.LAST_USERNAME);
            model.addAttribute("lastUsername", name);
        }
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.get();
        List<HomeCard> all = cards.stream().flatMap(c -> c.forCurrentUser().stream())
                .sorted(Comparator.comparingInt(HomeCard::order)).toList();
        model.addAttribute("user", user);
        model.addAttribute("regionName", regions.find(user.regionCode()).map(r -> r.name()).orElse(user.regionCode()));
        model.addAttribute("cards", all);
        model.addAttribute("scopeText", scopes.describe(user));
        return "home";
    }
}
