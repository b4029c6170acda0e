package org.sibao.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.EnterpriseDirectory;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的账户: who I am, what I may see, and changing my own password. */
@Controller
class AccountWebController {

    private final UserAdminService service;
    private final UserRepository users;
    private final EnterpriseDirectory enterprises;
    private final RegionService regions;
    private final ScopeDescriber scopes;
    private final Messages messages;

    AccountWebController(UserAdminService service, UserRepository users, EnterpriseDirectory enterprises,
            RegionService regions, ScopeDescriber scopes, Messages messages) {
        this.service = service;
        this.users = users;
        this.enterprises = enterprises;
        this.regions = regions;
        this.scopes = scopes;
        this.messages = messages;
    }

    @GetMapping("/account")
    String account(Model model) {
        return page(model, Map.of());
    }

    @PostMapping("/account/password")
    String change(@RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
            Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            errors.put("confirmPassword", messages.get("account.confirmMismatch"));
            return page(model, errors);
        }
        try {
            service.changeOwnPassword(CurrentUser.get(), currentPassword, newPassword);
        } catch (ApiException e) {
            e.errors().forEach(p -> errors.putIfAbsent(p.field(), messages.resolve(p)));
            return page(model, errors);
        }
        redirect.addFlashAttribute("flash", messages.get("account.changed"));
        return "redirect:/account";
    }

    private String page(Model model, Map<String, String> errors) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("user", me);
        model.addAttribute("regionPath", String.join(" / ", regions.path(me.regionCode()).stream().map(Region::name).toList()));
        model.addAttribute("scopeText", scopes.describe(me));
        model.addAttribute("errors", errors);
        if (me.role() == Role.LIAISON) {
            model.addAttribute("assignments", LiaisonWebController.assignments(users, enterprises, me.id()));
        }
        return "identity/account";
    }
}
