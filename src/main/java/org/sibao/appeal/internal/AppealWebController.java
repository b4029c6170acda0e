package org.sibao.appeal.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.appeal.AppealCategory;
import org.sibao.appeal.AppealStatus;
import org.sibao.appeal.Satisfaction;
import org.sibao.appeal.Urgency;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.region.Department;
import org.sibao.region.RegionService;
import org.sibao.region.TaskForce;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The appeal pages: "my appeals" and the filing form for enterprises and liaisons, the HQ triage queue with
 * similar-appeal suggestions, the handler queue, the supervisor's overdue / call-back / closure lists, the
 * detail page with the actions the user may take, and the metrics page (charts drawn by /js/appeal.js).
 */
@Controller
class AppealWebController {

    private final AppealService service;
    private final AppealQueries queries;
    private final Messages messages;
    private final RegionService regions;
    private final AppealLedger ledger;
    private final AppealAttachments attachments;
    private final AppealMetricsExport metricsExport;

    private final org.sibao.identity.UserDirectory users;

    AppealWebController(AppealService service, AppealQueries queries, Messages messages, RegionService regions,
            AppealLedger ledger, AppealAttachments attachments, AppealMetricsExport metricsExport,
            org.sibao.identity.UserDirectory users) {
        this.users = users;
        this.metricsExport = metricsExport;
        this.ledger = ledger;
        this.attachments = attachments;
        this.service = service;
        this.queries = queries;
        this.messages = messages;
        this.regions = regions;
    }

    /** The queue tabs of a role: name → filter. */
    private Map<String, String> tabs(CurrentUser user) {
        switch (user.role()) {
            case HQ_OFFICER:
                return Map.of("triage", "SUBMITTED,ESCALATED,REOPENED", "open", "ASSIGNED,ACCEPTED,MERGED", "all", "");
            case DEPT_HANDLER:
            case SECTOR_OFFICER:
                return Map.of("todo", "ASSIGNED,ACCEPTED,REOPENED", "all", "");
            case SUPERVISOR:
                return Map.of("callback", "RESOLVED", "close", "CONFIRMED", "all", "");
            default:
                return Map.of("all", "");
        }
    }

    @GetMapping("/appeals")
    String list(@RequestParam(required = false) String tab, @RequestParam(required = false) String status,
            @RequestParam(required = false) String category, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String q, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = CurrentUser.get();
        Map<String, String> tabs = tabs(user);
        String current = tab != null && tabs.containsKey(tab) ? tab : overdue != null ? "all" : tabs.keySet().stream()
                .filter(k -> !k.equals("all")).findFirst().orElse("all");
        String statuses = status != null && !status.isBlank() ? status : tabs.get(current);
        AppealQueries.Filter filter = queries.parse(statuses, category, regionCode, overdue, null, q);
        if (user.role() == Role.HQ_OFFICER && "triage".equals(current)) {
            filter = new AppealQueries.Filter(filter.statuses(), filter.category(), null, filter.overdue(), null,
                    user.regionCode(), null, null, filter.q());
        }
        if (user.role() == Role.SECTOR_OFFICER && "todo".equals(current)) {
            filter = filter.assignedTo(user.department(), user.regionCode());
        }
        model.addAttribute("tabs", List.of("triage", "todo", "open", "callback", "close", "all").stream()
                .filter(tabs::containsKey).toList());
        model.addAttribute("tab", current);
        model.addAttribute("page", queries.list(filter, PageQuery.of(page, 20)));
        model.addAttribute("categories", AppealCategory.values());
        model.addAttribute("category", category);
        model.addAttribute("overdue", overdue);
        model.addAttribute("q", q);
        model.addAttribute("regionCode", regionCode);
        model.addAttribute("status", status);
        model.addAttribute("canFile", AppealAccess.mayFile(user));
        return "appeal/list";
    }

    @GetMapping("/appeals/new")
    String form(Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("categories", AppealCategory.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("fixedEnterprise", user.role() == Role.ENTERPRISE ? user.enterpriseId() : null);
        if (!model.containsAttribute("input")) {
            model.addAttribute("input", Map.of());
        }
        return "appeal/form";
    }

    /**
     * Files the form with its attachments, all or nothing. On a problem the form comes back with every message
     * beside its field and the entered text kept (a browser never keeps chosen files, so the page asks again).
     */
    @PostMapping("/appeals")
    String file(@RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String category,
            @RequestParam(required = false) String title, @RequestParam(required = false) String description,
            @RequestParam(required = false) String urgency,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.get();
        String enterprise = user.role() == Role.ENTERPRISE ? user.enterpriseId() : enterpriseId;
        try {
            AppealRow a = attachments.fileWith(new AppealInputs.FileAppeal(enterprise, category, title, description,
                    urgency, null), files);
            redirect.addFlashAttribute("flash", messages.get("appeal.web.filed"));
            return "redirect:/appeals/" + a.id();
        } catch (ApiException e) {
            model.addAttribute("errors", fieldMessages(e));
            model.addAttribute("input", Map.of("enterpriseId", enterprise == null ? "" : enterprise,
                    "category", category == null ? "" : category, "title", title == null ? "" : title,
                    "description", description == null ? "" : description, "urgency", urgency == null ? "" : urgency));
            model.addAttribute("filesDropped", files != null && files.stream().anyMatch(f -> !f.isEmpty()));
            if (e.errors().isEmpty()) {
                model.addAttribute("formError", messages.get(e.detailKey(), e.args()));
            }
            return form(model);
        }
    }

    /** Each field's messages, joined when a field has several (one per rejected file). */
    private Map<String, String> fieldMessages(ApiException e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.errors().forEach(p -> out.merge(p.field(), messages.resolve(p), (x, y) -> x + "；" + y));
        return out;
    }

    private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile("([A-Z_]+)@(\\d{6})");
    private static final java.util.regex.Pattern RATED = java.util.regex.Pattern.compile("(SATISFIED|BASICALLY_SATISFIED|UNSATISFIED):?(.*)",
            java.util.regex.Pattern.DOTALL);

    /** A history note as people read it: "TAX@410184" → 新郑市 税务局, "SATISFIED:…" → 满意：…. */
    private String readable(String note) {
        if (note == null) {
            return null;
        }
        var assignment = ASSIGNMENT.matcher(note);
        if (assignment.matches()) {
            String region = regions.find(assignment.group(2)).map(org.sibao.region.Region::name).orElse(assignment.group(2));
            String department = Department.parse(assignment.group(1)).map(d -> messages.label(d)).orElse(assignment.group(1));
            return region + " " + department;
        }
        var rated = RATED.matcher(note);
        if (rated.matches()) {
            String label = messages.get("enum.Satisfaction." + rated.group(1));
            String rest = rated.group(2).trim();
            return rest.isEmpty() ? label : label + "：" + rest;
        }
        return note;
    }

    @GetMapping("/appeals/{id}")
    String detail(@PathVariable String id, Model model) {
        CurrentUser user = CurrentUser.get();
        AppealRow a = service.get(id);
        AppealView view = queries.view(a);
        model.addAttribute("appeal", view);
        model.addAttribute("historyNotes", view.history().stream().map(h -> readable(h.note())).toList());
        // who acted, by the names people know them by (the records keep the login name)
        List<String> actors = new java.util.ArrayList<>();
        view.history().forEach(h -> actors.add(h.by()));
        view.callbacks().forEach(c -> actors.add(c.by()));
        model.addAttribute("actorNames", users.displayNamesByUsername(actors));
        boolean hq = AppealAccess.isTriageHq(user, a);
        boolean handler = AppealAccess.isHandler(user, a);
        AppealStatus s = a.status();
        boolean awaitsTriage = s == AppealStatus.SUBMITTED || s == AppealStatus.ESCALATED
                || (s == AppealStatus.REOPENED && a.departmentCode() == null);
        model.addAttribute("canTriage", hq && awaitsTriage);
        model.addAttribute("canAccept", handler && (s == AppealStatus.ASSIGNED || s == AppealStatus.REOPENED));
        model.addAttribute("canResolve", handler && (s == AppealStatus.ACCEPTED || s == AppealStatus.REOPENED));
        model.addAttribute("canEscalate", (handler || hq) && (awaitsTriage || s == AppealStatus.ASSIGNED
                || s == AppealStatus.ACCEPTED || s == AppealStatus.REOPENED) && service.higherHq(a.handlerRegionCode()) != null);
        model.addAttribute("canReject", (hq && awaitsTriage) || (handler && (s == AppealStatus.ASSIGNED
                || s == AppealStatus.ACCEPTED || s == AppealStatus.REOPENED)));
        model.addAttribute("canFeedback", AppealAccess.mayGiveFeedback(user, a) && s == AppealStatus.RESOLVED);
        model.addAttribute("canClose", AppealAccess.isSupervisor(user) && s == AppealStatus.CONFIRMED);
        model.addAttribute("canWithdraw", AppealAccess.isFiler(user, a) && AppealStatus.WITHDRAWABLE.contains(s));
        model.addAttribute("canAttach", AppealAccess.isFiler(user, a) && AppealAttachments.acceptsAttachments(s));
        model.addAttribute("departments", Department.values());
        model.addAttribute("taskForces", TaskForce.values());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("assignRegions", hq ? regionsUnder(a.handlerRegionCode()) : List.of());
        model.addAttribute("clusters", hq ? service.openClusters(a.handlerRegionCode()) : List.of());
        model.addAttribute("regionName", regions.find(a.regionCode()).map(r -> r.name()).orElse(a.regionCode()));
        model.addAttribute("handlerRegionName", regions.find(a.handlerRegionCode()).map(r -> r.name()).orElse(""));
        return "appeal/detail";
    }

    /** Further files from the detail page (the filer's upload form); problems come back as the page's error. */
    @PostMapping("/appeals/{id}/attachments")
    String attach(@PathVariable String id, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        try {
            int added = attachments.addAll(id, files).size();
            redirect.addFlashAttribute("flash", messages.get("appeal.web.attached", added));
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", e.errors().isEmpty() ? messages.get(e.detailKey(), e.args())
                    : String.join("；", fieldMessages(e).values()));
        }
        return "redirect:/appeals/" + id;
    }

    /** An attachment of an appeal the user can see (404 otherwise). */
    @GetMapping("/appeals/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String attachmentId) {
        return attachments.download(id, attachmentId);
    }

    private List<org.sibao.region.Region> regionsUnder(String code) {
        List<org.sibao.region.Region> out = new java.util.ArrayList<>();
        regions.find(code).ifPresent(out::add);
        out.addAll(regions.children(code));
        return out;
    }

    /** The similar-appeal suggestions, loaded by htmx into the triage panel. */
    @GetMapping("/appeals/{id}/similar")
    String similar(@PathVariable String id, Model model) {
        model.addAttribute("similar", queries.similar(id, 5));
        return "appeal/similar :: list";
    }

    @PostMapping("/appeals/{id}/action/{action}")
    String act(@PathVariable String id, @PathVariable String action, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        try {
            switch (action) {
                case "triage":
                    service.triage(id, new AppealInputs.Triage(form.get("kind"), form.get("departmentCode"),
                            form.get("regionCode"), parseInt(form.get("dueDays")), "on".equals(form.get("major")),
                            form.get("clusterId"), form.get("clusterTitle"), form.get("taskForce"), form.get("note")));
                    break;
                case "accept":
                    service.accept(id, new AppealInputs.Note(form.get("note"), null, null));
                    break;
                case "resolve":
                    service.resolve(id, new AppealInputs.Note(null, form.get("result"), null));
                    break;
                case "escalate":
                    service.escalate(id, new AppealInputs.Note(null, null, form.get("reason")));
                    break;
                case "reject":
                    service.reject(id, new AppealInputs.Note(null, null, form.get("reason")));
                    break;
                case "withdraw":
                    service.withdraw(id, new AppealInputs.Note(form.get("note"), null, null));
                    break;
                case "feedback":
                    service.feedback(id, new AppealInputs.Feedback(form.get("solved") == null ? null
                            : Boolean.valueOf(form.get("solved")), form.get("satisfaction"), form.get("comment"),
                            form.get("channel")));
                    break;
                case "close":
                    service.close(id, new AppealInputs.Note(form.get("note"), null, null));
                    break;
                default:
                    throw ApiException.notFound("appeal", id);
            }
            redirect.addFlashAttribute("flash", messages.get("appeal.web.done"));
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            StringBuilder text = new StringBuilder(messages.get(e.detailKey(), e.args()));
            e.errors().forEach(p -> text.append(' ').append(messages.line(p)));
            redirect.addFlashAttribute("flashError", text.toString());
        }
        return "redirect:/appeals/" + id;
    }

    private static Integer parseInt(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("dueDays", "validation.badValue");
        }
    }

    @GetMapping("/appeal-metrics")
    String metrics(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        Map<String, Object> report = queries.report(CurrentUser.get(), regionCode, from, to);
        model.addAttribute("report", report);
        model.addAttribute("regionName", regions.find((String) report.get("regionCode")).map(r -> r.name()).orElse(""));
        return "appeal/metrics";
    }

    /** The metrics page (same region, period and scope) as an .xlsx: the figures and both rankings. */
    @GetMapping("/appeal-metrics/export")
    void exportMetrics(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        Map<String, Object> report = queries.report(CurrentUser.get(), regionCode, from, to);
        metricsExport.send(report, regions.name((String) report.get("regionCode")), response);
    }

    /** The same report as JSON for the page's charts (session-authenticated; the API needs a bearer token). */
    @GetMapping("/appeal-metrics/data")
    @ResponseBody
    Map<String, Object> metricsData(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Map<String, Object> report = queries.report(CurrentUser.get(), regionCode, from, to);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> top = (List<Map<String, Object>>) report.get("topCategories");
        top.forEach(c -> c.put("label", messages.get("enum.AppealCategory." + c.get("category"))));
        return report;
    }

    /** The ledger (台账) of the list's filter, for the signed-in user's scope. */
    @GetMapping("/appeals/ledger")
    ResponseEntity<StreamingResponseBody> ledger(@RequestParam(required = false) String status,
            @RequestParam(required = false) String category, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String q) {
        return ledger.export(queries.parse(status, category, null, overdue, null, q));
    }
}
