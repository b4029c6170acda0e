package org.sibao.policy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.FieldProblem;
import org.sibao.platform.PageQuery;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.policy.PolicyCategory;
import org.sibao.policy.PolicyMode;
import org.sibao.policy.PolicyStatus;
import org.sibao.policy.RedemptionState;
import org.sibao.region.Department;
import org.sibao.region.Region;
import org.sibao.rules.Fact;
import org.sibao.rules.RuleEngine;
import org.sibao.rules.RuleRenderer;
import org.sibao.subject.SubjectAttribute;
import org.sibao.subject.Subjects;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy pages: library, the authoring form with its condition builder, detail with simulation, the
 * enterprise's "我的政策", the department's redemption queue and reach.
 */
@Controller
class PolicyWebController {

    private final PolicyService service;
    private final org.sibao.region.RegionService regions;
    private final PolicyMatcher matcher;
    private final PolicyMatches matches;
    private final Redemptions redemptions;
    private final ReachQuery reach;
    private final Subjects subjects;
    private final RuleEngine engine;
    private final RuleRenderer renderer;
    private final MessageSource messages;
    /** The platform's messages: problems as lines with the fields' labels, export headings. */
    private final org.sibao.platform.Messages platformMessages;
    private final JsonMapper json;
    private final BusinessClock clock;

    PolicyWebController(PolicyService service, PolicyMatcher matcher, PolicyMatches matches, Redemptions redemptions,
            ReachQuery reach, Subjects subjects, RuleEngine engine, RuleRenderer renderer, MessageSource messages,
            JsonMapper json, BusinessClock clock, org.sibao.region.RegionService regions,
            org.sibao.platform.Messages platformMessages) {
        this.platformMessages = platformMessages;
        this.regions = regions;
        this.service = service;
        this.clock = clock;
        this.matcher = matcher;
        this.matches = matches;
        this.redemptions = redemptions;
        this.reach = reach;
        this.subjects = subjects;
        this.engine = engine;
        this.renderer = renderer;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/policies")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, Model model) {
        org.sibao.platform.Validation v = new org.sibao.platform.Validation();
        PolicyStatus s = PolicyApiController.parse(PolicyStatus.class, status, "status", v);
        v.throwIfInvalid();
        model.addAttribute("result", service.list(s, q, null, PageQuery.of(page, 50)).map(service::view));
        model.addAttribute("status", s);
        model.addAttribute("q", q);
        model.addAttribute("statuses", PolicyStatus.values());
        CurrentUser user = CurrentUser.get();
        model.addAttribute("author", PolicyAccess.isAuthor(user));
        model.addAttribute("decider", PolicyAccess.isDecider(user));
        model.addAttribute("official", user.role().isOfficial());
        return "policy/list";
    }

    @GetMapping("/policies/new")
    String create(Model model) {
        requireAuthor();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("effectiveFrom", clock.today().toString());
        form.put("eligibility", "{\"all\":[]}");
        form.put("mode", "APPLY");
        return form(model, form, null, List.of());
    }

    @PostMapping("/policies/new")
    String createPost(@RequestParam Map<String, String> form, Model model) {
        requireAuthor();
        try {
            PolicyRow row = service.create(input(form));
            return "redirect:/policies/" + row.id();
        } catch (ApiException e) {
            return form(model, form, null, errors(e));
        }
    }

    @GetMapping("/policies/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        PolicyRow p = service.editable(id);
        PolicyView v = service.view(p);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", p.code());
        form.put("title", p.title());
        form.put("issuer", p.issuer());
        form.put("documentNumber", p.documentNumber());
        form.put("category", p.category().name());
        form.put("mode", p.mode().name());
        form.put("departmentCode", p.departmentCode());
        form.put("effectiveFrom", String.valueOf(p.effectiveFrom()));
        form.put("effectiveTo", p.effectiveTo() == null ? "" : p.effectiveTo().toString());
        form.put("summary", p.summary());
        form.put("text", p.text());
        form.put("benefitText", p.benefitText());
        form.put("benefitFormula", p.benefitFormula() == null ? "" : p.benefitFormula());
        form.put("eligibility", p.eligibility());
        form.put("sourceDocument", p.sourceDocument());
        form.put("sourceMeasure", p.sourceMeasure());
        form.put("sourceSentence", p.sourceSentence());
        return form(model, form, v, List.of());
    }

    @PostMapping("/policies/{id}/edit")
    String editPost(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        PolicyRow p = service.editable(id);
        try {
            service.update(id, input(form));
            return "redirect:/policies/" + id;
        } catch (ApiException e) {
            form.put("code", p.code());
            return form(model, form, service.view(p), errors(e));
        }
    }

    /**
     * The plain-language preview of the builder's rule (htmx / fetch target). Its problems are listed only with
     * {@code check} (the builder asks so once the form was submitted): before that an empty or unfinished rule gets
     * a hint, not errors the user has not had a chance to avoid.
     */
    @PostMapping("/policies/preview")
    String preview(@RequestParam(defaultValue = "") String eligibility,
            @RequestParam(defaultValue = "false") boolean check, Model model) {
        PolicyService.Preview p;
        JsonNode rule;
        try {
            rule = json.readTree(eligibility.isBlank() ? "null" : eligibility);
            p = service.preview(rule);
        } catch (RuntimeException e) {
            model.addAttribute("previewErrors", List.of(messages.getMessage("policy.form.badJson", null,
                    LocaleContextHolder.getLocale())));
            return "policy/fragments :: preview";
        }
        model.addAttribute("previewText", p.text());
        if (!check && p.problems().hasProblems()) {
            model.addAttribute("previewHint", messages.getMessage(isEmptyGroup(rule) ? "policy.builder.empty"
                    : "policy.builder.incomplete", null, LocaleContextHolder.getLocale()));
            return "policy/fragments :: preview";
        }
        model.addAttribute("previewErrors", p.problems().problems().stream().map(this::describe).toList());
        return "policy/fragments :: preview";
    }

    /** Nothing at all, or a group without conditions: {@code {"all":[]}}, the new form's rule. */
    private static boolean isEmptyGroup(JsonNode rule) {
        if (rule == null || rule.isNull() || rule.isMissingNode()) {
            return true;
        }
        if (!rule.isObject() || rule.size() != 1) {
            return false;
        }
        JsonNode list = rule.has("all") ? rule.get("all") : rule.get("any");
        return list != null && list.isArray() && list.isEmpty();
    }

    @GetMapping("/policies/{id}")
    String detail(@PathVariable String id, Model model) {
        PolicyRow p = service.get(id);
        CurrentUser user = CurrentUser.get();
        model.addAttribute("p", service.view(p));
        model.addAttribute("canAuthor", PolicyAccess.canAuthor(user, p));
        return "policy/detail";
    }

    @PostMapping("/policies/{id}/simulate")
    String simulate(@PathVariable String id, Model model) {
        PolicyRow p = service.editable(id);
        PolicyMatcher.Simulation sim = matcher.simulate(p, CurrentUser.get().scope(), 50);
        model.addAttribute("sim", sim);
        model.addAttribute("regionNames", regions.names(sim.changed() == null ? List.of()
                : sim.changed().stream().map(PolicyMatcher.Simulation.Change::regionCode).toList()));
        return "policy/fragments :: simulation";
    }

    @PostMapping("/policies/{id}/publish")
    String publish(@PathVariable String id, RedirectAttributes redirect) {
        service.publish(id);
        redirect.addFlashAttribute("flash", messages.getMessage("policy.flash.published", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/policies/" + id;
    }

    @PostMapping("/policies/{id}/version")
    String version(@PathVariable String id) {
        PolicyRow draft = service.newVersion(id, null);
        return "redirect:/policies/" + draft.id() + "/edit";
    }

    @GetMapping("/policies/mine")
    String mine(Model model) {
        CurrentUser user = CurrentUser.get();
        if (user.role() != Role.ENTERPRISE || user.enterpriseId() == null) {
            throw ApiException.forbidden("error.forbidden");
        }
        var subject = matches.subject(user.enterpriseId());
        model.addAttribute("subject", subject);
        List<PolicyMatches.Item> items = matches.of(subject);
        model.addAttribute("items", items);
        // each condition as a sentence (南阳市, 中型/小型/微型 …) and the subject's value as a name, not as codes;
        // keyed by the policy's id (a template looks a map up by a text key)
        java.util.Map<String, List<ShownLine>> lines = new java.util.HashMap<>();
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        for (PolicyMatches.Item item : items) {
            List<ShownLine> shown = new ArrayList<>();
            for (PolicyMatches.Line l : item.explanation()) {
                shown.add(new ShownLine(sentence(l, locale), l.actual() == null ? null : actual(l, locale), l.outcome(),
                        l.alternative()));
            }
            lines.put(item.policyId(), shown);
        }
        model.addAttribute("lines", lines);
        List<String> keys = new ArrayList<>();
        for (SubjectAttribute a : SubjectAttribute.values()) {
            keys.add(a.key());
        }
        model.addAttribute("attributeKeys", keys);
        return "policy/mine";
    }

    /** A line of 我的政策's explanation: the condition, what the subject has (null: not known), the outcome. */
    record ShownLine(String condition, String actual, String outcome, boolean alternative) {
    }

    private String actual(PolicyMatches.Line l, java.util.Locale locale) {
        return engine.catalogue().find(l.fact()).map(f -> renderer.shown(f, l.actual(), locale))
                .orElse(String.valueOf(l.actual()));
    }

    private String sentence(PolicyMatches.Line l, java.util.Locale locale) {
        try {
            java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
            c.put("fact", l.fact());
            c.put("op", l.op());
            c.put("value", l.expected());
            return renderer.render(engine.parse(json.valueToTree(c), "explanation"), locale);
        } catch (RuntimeException e) {
            return l.fact() + " " + l.op() + " " + l.expected();
        }
    }

    @PostMapping("/policies/mine/facts")
    String supply(@RequestParam String key, @RequestParam String value, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.get();
        if (user.role() != Role.ENTERPRISE || user.enterpriseId() == null) {
            throw ApiException.forbidden("error.forbidden");
        }
        String k = key.startsWith(Fact.ATTRIBUTE_PREFIX) ? key.substring(Fact.ATTRIBUTE_PREFIX.length()) : key;
        subjects.setAttribute(user.enterpriseId(), k, value, user.scope());
        redirect.addFlashAttribute("flash", messages.getMessage("policy.flash.supplied", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/policies/mine";
    }

    @PostMapping("/policies/mine/{policyId}/apply")
    String apply(@PathVariable String policyId, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.get();
        matches.apply(matches.subject(user.enterpriseId()), policyId, note);
        redirect.addFlashAttribute("flash", messages.getMessage("policy.flash.applied", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/policies/mine";
    }

    @GetMapping("/policies/applications")
    String applications(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
            Model model) {
        CurrentUser user = CurrentUser.get();
        if (!PolicyAccess.isDecider(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        org.sibao.platform.Validation v = new org.sibao.platform.Validation();
        RedemptionState s = PolicyApiController.parse(RedemptionState.class, state, "state", v);
        v.throwIfInvalid();
        var result = redemptions.queue(user.scope(), PolicyApiController.departmentOf(user), s, PageQuery.of(page, 50));
        model.addAttribute("result", result);
        model.addAttribute("regionNames", regions.names(result.items().stream().map(Redemptions.QueueItem::regionCode).toList()));
        model.addAttribute("state", s);
        model.addAttribute("states", RedemptionState.values());
        return "policy/applications";
    }

    @PostMapping("/policies/{id}/applications/{subjectId}")
    String decide(@PathVariable String id, @PathVariable String subjectId, @RequestParam String decision,
            @RequestParam(required = false) BigDecimal grantedYuan, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        PolicyRow p = service.get(id);
        if (!PolicyAccess.canDecide(CurrentUser.get(), p)) {
            throw ApiException.forbidden("error.forbidden");
        }
        boolean grant = "grant".equals(decision);
        if (grant && (grantedYuan == null || grantedYuan.signum() < 0)) {
            throw ApiException.invalid("grantedYuan", "validation.nonNegative");
        }
        if (!grant && (reason == null || reason.isBlank())) {
            throw ApiException.invalid("reason", "validation.required");
        }
        redemptions.decide(subjectId, p, grant, grantedYuan, reason);
        return "redirect:/policies/applications";
    }

    @PostMapping("/policies/{id}/confirm")
    String confirm(@PathVariable String id, RedirectAttributes redirect) {
        PolicyRow p = service.get(id);
        CurrentUser user = CurrentUser.get();
        if (!PolicyAccess.canDecide(user, p)) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (p.mode() != PolicyMode.AUTO) {
            throw ApiException.conflict("policy.error.notAuto", p.code());
        }
        int n = redemptions.confirmAuto(p, user.scope(), null);
        redirect.addFlashAttribute("flash", messages.getMessage("policy.flash.confirmed", new Object[] {n},
                LocaleContextHolder.getLocale()));
        return "redirect:/policies/applications";
    }

    @GetMapping("/policies/reach")
    String reach(@RequestParam(required = false) String regionCode, Model model) {
        var figures = reachFor(regionCode);
        model.addAttribute("reach", figures);
        model.addAttribute("regionNames", regions.names(figures.byRegion().stream().map(ReachQuery.Figure::key).toList()));
        return "policy/reach";
    }

    /** The reach page's figures (same region and scope) as an .xlsx: by policy, department and region, each with a total. */
    @GetMapping("/policies/reach/export")
    void exportReach(@RequestParam(required = false) String regionCode,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        ReachQuery.Reach r = reachFor(regionCode);
        org.sibao.platform.Messages m = platformMessages;
        List<String> figures = ExcelExport.headers(m, "policy.reach.field.", "eligible", "granted", "rate", "amount");
        java.util.function.Function<List<String>, List<String>> withFigures = first -> {
            List<String> h = new ArrayList<>(first);
            h.addAll(figures);
            return h;
        };
        String total = m.get("policy.reach.total");
        List<List<?>> byPolicy = new ArrayList<>();
        r.byPolicy().forEach(f -> byPolicy.add(reachCells(List.of(f.key(), f.label()), f)));
        byPolicy.add(reachCells(List.of(total, ""), r.eligible(), r.granted(), r.rate(), r.grantedYuan()));
        List<List<?>> byDepartment = new ArrayList<>();
        r.byDepartment().forEach(f -> byDepartment.add(reachCells(List.of("-".equals(f.key()) ? "—"
                : m.get("enum.Department." + f.key())), f)));
        byDepartment.add(reachCells(List.of(total), r.eligible(), r.granted(), r.rate(), r.grantedYuan()));
        List<List<?>> byRegion = new ArrayList<>();
        r.byRegion().forEach(f -> byRegion.add(reachCells(List.of(regions.name(f.key())), f)));
        byRegion.add(reachCells(List.of(total), r.eligible(), r.granted(), r.rate(), r.grantedYuan()));
        ExcelExport.send(response, "policy-reach-" + r.regionCode() + "-" + clock.today() + ".xlsx", ExcelWorkbook.create()
                .sheet(m.get("policy.reach.byPolicy"), withFigures.apply(ExcelExport.headers(m, "policy.reach.field.",
                        "policyCode", "policyTitle")), byPolicy)
                .sheet(m.get("policy.reach.byDepartment"), withFigures.apply(List.of(m.get("policy.reach.field.department"))),
                        byDepartment)
                .sheet(m.get("policy.reach.byRegion"), withFigures.apply(List.of(m.get("policy.reach.field.region"))),
                        byRegion));
    }

    private static List<Object> reachCells(List<String> names, ReachQuery.Figure f) {
        return reachCells(names, f.eligible(), f.granted(), f.rate(), f.grantedYuan());
    }

    /** A reach row: the names, then eligible, granted, the rate in per cent (one decimal) and the amount in yuan. */
    private static List<Object> reachCells(List<String> names, long eligible, long granted, BigDecimal rate, BigDecimal yuan) {
        List<Object> row = new ArrayList<>(names);
        row.add(eligible);
        row.add(granted);
        row.add(rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP));
        row.add(yuan);
        return row;
    }

    /** The reach of a region the official may see (default their own): 403 for non-officials, 404 outside the scope. */
    private ReachQuery.Reach reachFor(String regionCode) {
        CurrentUser user = CurrentUser.get();
        if (!user.role().isOfficial()) {
            throw ApiException.forbidden("error.forbidden");
        }
        String region = regionCode == null || regionCode.isBlank() ? user.regionCode() : regionCode;
        String prefix = Region.prefixOf(region);
        if (!prefix.startsWith(user.regionPrefix())) {
            throw ApiException.notFound("region", region);
        }
        // a sector officer counts its own sector's subjects, as on its dashboard (its data scope)
        return reach.reach(region, prefix, user.scope().sector(), matcher.inForce().stream().map(c -> c.row().id()).toList());
    }

    /**
     * The fact catalogue for the condition builder: name, label, type, ops (codes, with their labels in
     * {@code opLabels}) and the values to choose from with their labels — the codes of an enum fact, the GB/T 4754
     * sections or divisions ("C 制造业"), the regions (by name, with their depth for indenting: 0 the province).
     */
    @GetMapping(value = "/policies/facts", produces = "application/json")
    @ResponseBody
    List<Map<String, Object>> facts() {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Fact f : engine.catalogue().facts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("label", renderer.factLabel(f, locale));
            m.put("type", f.type().name());
            m.put("ops", f.ops().stream().map(o -> o.json()).toList());
            Map<String, String> opLabels = new LinkedHashMap<>();
            f.ops().forEach(o -> opLabels.put(o.json(), messages.getMessage("rules.op." + o.json(), null, o.json(),
                    locale)));
            m.put("opLabels", opLabels);
            List<Map<String, Object>> values = new ArrayList<>();
            if (f.type() == org.sibao.rules.FactType.REGION) {
                for (Region r : regions.all()) {
                    values.add(Map.of("code", r.code(), "label", r.name(), "depth", r.level().ordinal()));
                }
            } else if ("industryCode".equals(f.name())) {
                for (org.sibao.region.Industry i : regions.industries()) {
                    if (!i.section()) {
                        values.add(Map.of("code", i.code(), "label", renderer.shown(f, i.code(), locale)));
                    }
                }
            } else {
                for (String v : f.values()) {
                    values.add(Map.of("code", v, "label", renderer.shown(f, v, locale)));
                }
            }
            m.put("values", values);
            out.add(m);
        }
        return out;
    }

    private String form(Model model, Map<String, String> form, PolicyView existing, List<String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", PolicyCategory.values());
        model.addAttribute("modes", PolicyMode.values());
        model.addAttribute("departments", Department.values());
        return "policy/form";
    }

    private PolicyInput input(Map<String, String> f) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode eligibility = parseJson(f.get("eligibility"), "eligibility", problems);
        Map<String, Object> benefit = new LinkedHashMap<>();
        benefit.put("text", f.get("benefitText"));
        String formula = f.get("benefitFormula");
        if (formula != null && !formula.isBlank()) {
            benefit.put("formula", parseJson(formula, "benefit.formula", problems));
        }
        LocalDate from = date(f.get("effectiveFrom"), "effectiveFrom", problems);
        LocalDate to = date(f.get("effectiveTo"), "effectiveTo", problems);
        LocalDate issued = date(f.get("issuedOn"), "issuedOn", problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new PolicyInput(blank(f.get("code")), f.get("title"), blank(f.get("issuer")),
                blank(f.get("documentNumber")), issued, from, to, f.get("category"), blank(f.get("departmentCode")),
                blank(f.get("summary")), blank(f.get("text")), eligibility, json.valueToTree(benefit), f.get("mode"),
                new PolicyInput.Source(blank(f.get("sourceDocument")), blank(f.get("sourceMeasure")),
                        blank(f.get("sourceSentence"))));
    }

    private JsonNode parseJson(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            problems.add(new FieldProblem(field, "policy.form.badJson"));
            return null;
        }
    }

    private static LocalDate date(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "policy.form.badDate"));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private List<String> errors(ApiException e) {
        if (e.errors().isEmpty()) {
            return List.of(messages.getMessage(e.detailKey(), e.args(), e.detailKey(), LocaleContextHolder.getLocale()));
        }
        return e.errors().stream().map(this::describe).toList();
    }

    private String describe(FieldProblem p) {
        return platformMessages.line(p);
    }

    private static void requireAuthor() {
        if (!PolicyAccess.isAuthor(CurrentUser.get())) {
            throw ApiException.forbidden("error.forbidden");
        }
    }
}
