package org.sibao.identity.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.EnterpriseDirectory;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.region.Department;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 用户管理: the administrator's user list, creation form and user detail (enable/disable, password reset). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminWebController {

    private final UserAdminService service;
    private final UserRepository users;
    private final RegionService regions;
    private final EnterpriseDirectory enterprises;
    private final Messages messages;

    UserAdminWebController(UserAdminService service, UserRepository users, RegionService regions,
            EnterpriseDirectory enterprises, Messages messages) {
        this.service = service;
        this.users = users;
        this.regions = regions;
        this.enterprises = enterprises;
        this.messages = messages;
    }

    /** The creation form as posted; every field a string so that bad input comes back as typed. */
    record UserForm(String username, String password, String displayName, String role, String regionCode,
            String sector, String departmentCode, String enterpriseId) {

        static UserForm empty(CurrentUser admin) {
            return new UserForm("", "", "", "", admin.regionCode(), "", "", "");
        }

        UserAdminService.NewUser toNewUser() {
            return new UserAdminService.NewUser(username, password, displayName, role, regionCode, sector,
                    departmentCode, enterpriseId);
        }
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return Arrays.asList(Role.values());
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String role, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Role roleFilter = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
        PageResult<UserRow> result = users.search(CurrentUser.get().scope(), roleFilter, q, PageQuery.of(page, 20));
        model.addAttribute("result", result);
        model.addAttribute("role", roleFilter == null ? "" : roleFilter.name());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("regionNames", regionNames(result.items()));
        // an enterprise user is shown with its enterprise's name, not the internal id
        Map<String, String> enterpriseNames = new java.util.HashMap<>();
        result.items().stream().map(UserRow::enterpriseId).filter(java.util.Objects::nonNull).distinct()
                .forEach(e -> enterpriseNames.put(e, enterprises.nameOf(e).orElse(e)));
        model.addAttribute("enterpriseNames", enterpriseNames);
        return htmx != null ? "identity/users :: table" : "identity/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return form(model, UserForm.empty(CurrentUser.get()), Map.of());
    }

    @PostMapping("/admin/users")
    String create(UserForm form, Model model, RedirectAttributes redirect) {
        try {
            // the enterprise is picked by name or USCC ("名称 · USCC") among the subjects of the admin's region; text
            // that names none is passed on as typed and answered as an unknown enterprise
            CurrentUser admin = CurrentUser.get();
            String picked = form.enterpriseId() == null || form.enterpriseId().isBlank() ? form.enterpriseId()
                    : enterprises.resolve(form.enterpriseId(), admin.scope()).orElse(form.enterpriseId().trim());
            UserForm resolved = new UserForm(form.username(), form.password(), form.displayName(), form.role(),
                    form.regionCode(), form.sector(), form.departmentCode(), picked);
            UserRow created = service.create(resolved.toNewUser(), admin);
            redirect.addFlashAttribute("flash", messages.get("users.created", created.username()));
            return "redirect:/admin/users/" + created.id();
        } catch (ApiException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(p -> errors.putIfAbsent(p.field(), messages.resolve(p)));
            if (e.status() == HttpStatus.CONFLICT) {
                errors.put("username", messages.get(e.detailKey(), e.args()));
            } else if (e.status() == HttpStatus.FORBIDDEN) {
                errors.put("regionCode", messages.get(e.detailKey(), e.args()));
            }
            model.addAttribute("formError", messages.get("error.invalidInput"));
            return form(model, new UserForm(form.username(), "", form.displayName(), form.role(), form.regionCode(),
                    form.sector(), form.departmentCode(), form.enterpriseId()), errors);
        }
    }

    private String form(Model model, UserForm form, Map<String, String> errors) {
        CurrentUser admin = CurrentUser.get();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", regions.all().stream().filter(r -> admin.scope().coversRegion(r.code())).toList());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("departments", Department.values());
        return "identity/user-form";
    }

    @GetMapping("/admin/users/{id}")
    String detail(@PathVariable String id, Model model) {
        UserRow user = service.visible(id, CurrentUser.get());
        model.addAttribute("user", user);
        model.addAttribute("regionName", regions.find(user.regionCode()).map(Region::name).orElse(user.regionCode()));
        model.addAttribute("enterpriseName", user.enterpriseId() == null ? null
                : enterprises.nameOf(user.enterpriseId()).orElse(user.enterpriseId()));
        if (user.role() == Role.LIAISON) {
            model.addAttribute("assignments", LiaisonWebController.assignments(users, enterprises, id));
        }
        return "identity/user-detail";
    }

    @PostMapping("/admin/users/{id}/enabled")
    String setEnabled(@PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            service.setEnabled(id, enabled, CurrentUser.get());
            redirect.addFlashAttribute("flash", messages.get(enabled ? "users.enabledDone" : "users.disabledDone"));
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.get(e.detailKey(), e.args()));
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable String id, @RequestParam(required = false) String password,
            RedirectAttributes redirect) {
        try {
            service.resetPassword(id, password, CurrentUser.get());
            redirect.addFlashAttribute("flash", messages.get("users.passwordResetDone"));
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("passwordError", e.errors().isEmpty() ? messages.get(e.detailKey(), e.args())
                    : messages.resolve(e.errors().get(0)));
        }
        return "redirect:/admin/users/" + id;
    }

    private Map<String, String> regionNames(List<UserRow> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        rows.forEach(u -> names.computeIfAbsent(u.regionCode(), c -> regions.find(c).map(Region::name).orElse(c)));
        return names;
    }
}
