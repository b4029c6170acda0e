package org.sibao.whitelist.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.region.RegionService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's and the reviewer's pages: the application form with its live precheck (an htmx fragment), the
 * detail page with attachments, reviews and history, and the actions on it. Every action goes through
 * {@link ApplicationService}; an {@link ApiException} is shown on the page it came from.
 */
@Controller
class WhitelistApplicationPages {

    /** Form fields of the declarations are named {@code d.<key>}. */
    static final String DECLARATION = "d.";

    private final ApplicationService applications;
    private final WhitelistViews views;
    private final Messages messages;
    private final RegionService regions;

    WhitelistApplicationPages(ApplicationService applications, WhitelistViews views, Messages messages,
            RegionService regions) {
        this.applications = applications;
        this.views = views;
        this.messages = messages;
        this.regions = regions;
    }

    // ---- the form -----------------------------------------------------------------------------------------------

    @GetMapping({"/whitelist/apply", "/whitelist/applications/new"})
    String newForm(@RequestParam(required = false) String enterpriseId, Model model) {
        CurrentUser user = CurrentUser.get();
        String subject = enterpriseId != null ? enterpriseId : user.enterpriseId();
        formModel(model, null, subject, "COUNTY", Map.of());
        return "whitelist/apply";
    }

    @GetMapping("/whitelist/applications/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        ApplicationService.App app = applications.find(CurrentUser.get(), id);
        formModel(model, app, app.enterpriseId(), app.level(), app.declarations());
        return "whitelist/apply";
    }

    /** The live precheck: the criteria one by one for what the form holds now, nothing saved. */
    @PostMapping("/whitelist/applications/precheck")
    String precheck(@RequestParam Map<String, String> form, Model model) {
        try {
            model.addAttribute("precheck", applications.precheck(CurrentUser.get(), form.get("enterpriseId"),
                    form.get("level"), declarations(form)).precheck());
        } catch (ApiException e) {
            model.addAttribute("precheckErrors", messagesOf(e));
        }
        return "whitelist/fragments :: precheck";
    }

    @PostMapping("/whitelist/applications")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.get();
        try {
            ApplicationService.App app = applications.create(user, form.get("enterpriseId"), form.get("level"),
                    declarations(form));
            redirect.addFlashAttribute("flash", messages.get("wl.flash.saved"));
            return "redirect:/whitelist/applications/" + app.id();
        } catch (ApiException e) {
            formModel(model, null, form.get("enterpriseId"), form.get("level"), declarations(form));
            model.addAttribute("errors", messagesOf(e));
            return "whitelist/apply";
        }
    }

    @PostMapping("/whitelist/applications/{id}")
    String update(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.get();
        try {
            applications.update(user, id, form.get("level"), declarations(form));
            redirect.addFlashAttribute("flash", messages.get("wl.flash.saved"));
            return "redirect:/whitelist/applications/" + id;
        } catch (ApiException e) {
            ApplicationService.App app = applications.find(user, id);
            formModel(model, app, app.enterpriseId(), form.get("level"), declarations(form));
            model.addAttribute("errors", messagesOf(e));
            return "whitelist/apply";
        }
    }

    private void formModel(Model model, ApplicationService.App app, String enterpriseId, String level,
            Map<String, ?> declarations) {
        model.addAttribute("app", app);
        model.addAttribute("boundSubject", enterpriseId != null && enterpriseId.equals(CurrentUser.get().enterpriseId()));
        model.addAttribute("enterpriseId", enterpriseId);
        model.addAttribute("level", level == null ? "COUNTY" : level);
        model.addAttribute("levels", CriteriaService.LEVELS);
        model.addAttribute("items", Declarations.ITEMS);
        Map<String, String> values = new LinkedHashMap<>();
        declarations.forEach((k, v) -> values.put(k, v == null ? "" : v.toString()));
        model.addAttribute("values", values);
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            try {
                ApplicationService.Draft draft = applications.precheck(CurrentUser.get(), enterpriseId,
                        level == null ? "COUNTY" : level, new LinkedHashMap<>(declarations));
                model.addAttribute("precheck", draft.precheck());
                model.addAttribute("subjectName", draft.subject().name());
            } catch (ApiException e) {
                model.addAttribute("precheckErrors", messagesOf(e));
            }
        }
    }

    static Map<String, Object> declarations(Map<String, String> form) {
        Map<String, Object> d = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(DECLARATION) && v != null && !v.isBlank()) {
                d.put(k.substring(DECLARATION.length()), v);
            }
        });
        return d;
    }

    // ---- the detail page and its actions ------------------------------------------------------------------------

    @GetMapping("/whitelist/applications/{id}")
    String detail(@PathVariable String id, Model model) {
        detailModel(id, model);
        return "whitelist/application";
    }

    private void detailModel(String id, Model model) {
        CurrentUser user = CurrentUser.get();
        ApplicationService.App app = applications.find(user, id);
        model.addAttribute("a", views.application(user, app));
        // the application's, the due and each step's region by name (the codes stay internal)
        List<String> codes = new ArrayList<>();
        codes.add(app.regionCode());
        codes.add(app.dueRegion());
        applications.steps(app).forEach(s -> codes.add(s.regionCode()));
        model.addAttribute("regionNames", regions.names(codes));
        Map<String, ApplicationService.Review> byLevel = new LinkedHashMap<>();
        applications.reviews(id).forEach(r -> byLevel.put(r.level(), r));
        model.addAttribute("reviewByLevel", byLevel);
        model.addAttribute("items", Declarations.ITEMS);
    }

    @PostMapping("/whitelist/applications/{id}/submit")
    String submit(@PathVariable String id, Model model, RedirectAttributes redirect) {
        try {
            applications.submit(CurrentUser.get(), id);
            redirect.addFlashAttribute("flash", messages.get("wl.flash.submitted"));
            return "redirect:/whitelist/applications/" + id;
        } catch (ApiException e) {
            detailModel(id, model);
            model.addAttribute("errors", messagesOf(e));
            return "whitelist/application";
        }
    }

    @PostMapping("/whitelist/applications/{id}/review")
    String review(@PathVariable String id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String comment, Model model, RedirectAttributes redirect) {
        try {
            applications.review(CurrentUser.get(), id, decision, comment == null || comment.isBlank() ? null : comment);
            redirect.addFlashAttribute("flash", messages.get("wl.flash.reviewed"));
            return "redirect:/whitelist/applications/" + id;
        } catch (ApiException e) {
            detailModel(id, model);
            model.addAttribute("errors", messagesOf(e));
            model.addAttribute("comment", comment);
            return "whitelist/application";
        }
    }

    @PostMapping("/whitelist/applications/{id}/attachments")
    String attach(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) {
        try {
            applications.attach(CurrentUser.get(), id, file);
            redirect.addFlashAttribute("flash", messages.get("wl.flash.attached"));
            return "redirect:/whitelist/applications/" + id;
        } catch (ApiException e) {
            detailModel(id, model);
            model.addAttribute("errors", messagesOf(e));
            return "whitelist/application";
        }
    }

    @GetMapping("/whitelist/applications/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String attachmentId) {
        return WhitelistViews.download(applications.attachment(CurrentUser.get(), id, attachmentId));
    }

    /** The problem's detail followed by each field's message, as the pages list them. */
    List<String> messagesOf(ApiException e) {
        List<String> out = new ArrayList<>();
        out.add(messages.get(e.detailKey(), e.args()));
        e.errors().forEach(p -> out.add(messages.resolve(p)));
        return out;
    }
}
