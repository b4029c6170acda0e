package org.sibao.escort.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.RegionService;
import org.sibao.subject.Subjects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The escort pages: one enterprise's inspections and shutdowns, and the HQ's lists with decision buttons. */
@Controller
class EscortWebController {

    private final EscortService escort;
    private final Subjects subjects;
    private final Messages messages;
    private final RegionService regions;
    private final BusinessClock clock;

    EscortWebController(EscortService escort, Subjects subjects, Messages messages, RegionService regions,
            BusinessClock clock) {
        this.regions = regions;
        this.clock = clock;
        this.escort = escort;
        this.subjects = subjects;
        this.messages = messages;
    }

    @GetMapping("/escort")
    String enterprise(@RequestParam String enterpriseId, Model model) {
        var subject = subjects.find(enterpriseId).orElseThrow(() -> ApiException.notFound("enterprise", enterpriseId));
        model.addAttribute("subject", subject);
        var inspections = escort.inspections(enterpriseId, null, PageQuery.of(0, 100));
        var shutdowns = escort.shutdowns(enterpriseId, null, PageQuery.of(0, 100));
        model.addAttribute("inspections", inspections);
        model.addAttribute("shutdowns", shutdowns);
        inspectionActions(model, inspections.items());
        shutdownActions(model, shutdowns.items());
        model.addAttribute("canFile", EscortService.canFile(CurrentUser.get()));
        return "escort/enterprise";
    }

    @GetMapping("/escort/inspections")
    String inspections(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            Model model) {
        var inspections = escort.inspections(null, status, PageQuery.of(page, 50));
        model.addAttribute("inspections", inspections);
        model.addAttribute("status", status);
        inspectionActions(model, inspections.items());
        filingForm(model, java.util.Map.of());
        return "escort/inspections";
    }

    /**
     * An inspection request (涉企检查报备) filed by a department, sector or HQ office: epidemic prevention, work safety
     * and entry-exit quarantine need no approval, every other kind waits for the HQ's. On a problem the list comes
     * back with the form, its messages and the values entered.
     */
    @PostMapping("/escort/inspections")
    String fileInspection(@RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String departmentCode, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String plannedDate,
            Model model, RedirectAttributes redirect) {
        try {
            escort.fileInspection(new EscortService.InspectionRequest(enterpriseId, departmentCode, kind, reason,
                    plannedDate));
            redirect.addFlashAttribute("flash", messages.get("escort.flash.filed"));
            return "redirect:/escort/inspections";
        } catch (ApiException e) {
            java.util.Map<String, String> in = new java.util.HashMap<>();
            in.put("enterpriseId", enterpriseId == null ? "" : enterpriseId);
            in.put("departmentCode", departmentCode == null ? "" : departmentCode);
            in.put("kind", kind == null ? "" : kind);
            in.put("reason", reason == null ? "" : reason);
            in.put("plannedDate", plannedDate == null ? "" : plannedDate);
            var inspections = escort.inspections(null, null, PageQuery.of(0, 50));
            model.addAttribute("inspections", inspections);
            model.addAttribute("problem", messages.get(e.detailKey(), e.args()));
            model.addAttribute("problems", e.errors().stream().map(f -> messages.resolve(f)).toList());
            inspectionActions(model, inspections.items());
            filingForm(model, in);
            return "escort/inspections";
        }
    }

    private void filingForm(Model model, java.util.Map<String, String> in) {
        CurrentUser u = CurrentUser.get();
        model.addAttribute("canFile", EscortService.canFile(u));
        model.addAttribute("kinds", InspectionKind.values());
        model.addAttribute("departments", org.sibao.region.Department.values());
        java.util.Map<String, String> values = new java.util.HashMap<>(in);
        values.putIfAbsent("departmentCode", u.department() != null ? u.department()
                : u.departmentCode() == null ? "" : u.departmentCode());
        model.addAttribute("in", values);
    }

    @GetMapping("/escort/shutdowns")
    String shutdowns(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String enterpriseId, Model model) {
        var shutdowns = escort.shutdowns(null, status, PageQuery.of(page, 50));
        model.addAttribute("shutdowns", shutdowns);
        model.addAttribute("status", status);
        shutdownActions(model, shutdowns.items());
        // from a subject's escort page: the picker shows it as it would after picking, "名称 · USCC"
        String picked = enterpriseId == null || enterpriseId.isBlank() ? ""
                : subjects.find(enterpriseId.trim()).map(f -> f.uscc() == null ? f.name() : f.name() + " · " + f.uscc())
                        .orElse("");
        shutdownForm(model, java.util.Map.of("enterpriseId", picked));
        return "escort/shutdowns";
    }

    /**
     * A shutdown request (停产限产申请) filed by an official for a whitelist subject; it waits for the joint decision
     * (会商). On a problem the list comes back with the form, its messages and the values entered.
     */
    @PostMapping("/escort/shutdowns")
    String fileShutdown(@RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String days,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        java.util.Map<String, String> in = new java.util.HashMap<>();
        in.put("enterpriseId", enterpriseId == null ? "" : enterpriseId);
        in.put("days", days == null ? "" : days);
        in.put("reason", reason == null ? "" : reason);
        try {
            Integer n = days == null || !days.trim().matches("\\d{1,2}") ? null : Integer.valueOf(days.trim());
            escort.fileShutdown(new EscortService.ShutdownRequest(enterpriseId, reason, n));
            redirect.addFlashAttribute("flash", messages.get("escort.flash.shutdownFiled"));
            return "redirect:/escort/shutdowns";
        } catch (ApiException e) {
            var shutdowns = escort.shutdowns(null, null, PageQuery.of(0, 50));
            model.addAttribute("shutdowns", shutdowns);
            model.addAttribute("problem", messages.get(e.detailKey(), e.args()));
            model.addAttribute("problems", e.errors().stream().map(f -> messages.resolve(f)).toList());
            shutdownActions(model, shutdowns.items());
            shutdownForm(model, in);
            return "escort/shutdowns";
        }
    }

    private void shutdownForm(Model model, java.util.Map<String, String> in) {
        model.addAttribute("canFile", EscortService.canFile(CurrentUser.get()));
        model.addAttribute("maxDays", EscortService.MAX_DAYS);
        model.addAttribute("in", in);
    }

    /** The inspection list (same filter and scope, every page) as an .xlsx. */
    @GetMapping("/escort/inspections/export")
    void exportInspections(@RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        Iterable<Inspection> all = ExcelExport.allPages(page -> escort.inspections(null, status, page), ExcelExport.MAX_ROWS);
        List<String> headers = ExcelExport.headers(messages, "escort.field.", "enterprise", "region", "department",
                "kind", "reason", "plannedDate", "status", "approvalRequired", "requestedAt", "decidedAt", "comment");
        ExcelExport.send(response, "inspections-" + clock.today() + ".xlsx", ExcelWorkbook.create()
                .sheet(messages.get("escort.inspections.title"), headers, ExcelExport.rows(all, i -> Arrays.asList(
                        i.enterpriseName(), regions.name(i.regionCode()), messages.get("enum.Department." + i.departmentCode()),
                        messages.label(i.kind()), i.reason(), ExcelExport.date(i.plannedDate()), messages.label(i.status()),
                        messages.yesNo(i.approvalRequired()), ExcelExport.time(i.requestedAt()),
                        ExcelExport.time(i.decidedAt()), i.decisionComment()))));
    }

    /** The shutdown list (same filter and scope, every page) as an .xlsx. */
    @GetMapping("/escort/shutdowns/export")
    void exportShutdowns(@RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        Iterable<Shutdown> all = ExcelExport.allPages(page -> escort.shutdowns(null, status, page), ExcelExport.MAX_ROWS);
        List<String> headers = ExcelExport.headers(messages, "escort.field.", "enterprise", "region", "reason", "days",
                "status", "endCause", "requestedAt", "decidedAt", "startedAt", "endsAt", "endedAt", "comment",
                "hqConsent", "epidemicConsent", "pendingRenewal");
        ExcelExport.send(response, "shutdowns-" + clock.today() + ".xlsx", ExcelWorkbook.create()
                .sheet(messages.get("escort.shutdowns.title"), headers, ExcelExport.rows(all, s -> Arrays.asList(
                        s.enterpriseName(), regions.name(s.regionCode()), s.reason(), s.days(), messages.label(s.status()),
                        s.endCause() == null ? "" : messages.get("escort.endCause." + s.endCause()),
                        ExcelExport.time(s.requestedAt()), ExcelExport.time(s.decidedAt()), ExcelExport.time(s.startedAt()),
                        ExcelExport.time(s.endsAt()), ExcelExport.time(s.endedAt()), s.decisionComment(),
                        word(s, s.hqWord()), word(s, s.epidemicWord()), renewal(s.pendingRenewal())))));
    }

    /** A side's word on the request in a cell: 同意 · who (region) · when · comment; 待会商 while awaited. */
    private String word(Shutdown s, Consent c) {
        if (c == null) {
            return s.status() == ShutdownStatus.PENDING ? messages.get("escort.excel.awaited") : "";
        }
        List<String> parts = new java.util.ArrayList<>(List.of(messages.get(c.agreed() ? "escort.excel.agreed" : "escort.excel.refused"),
                c.userName() + "（" + c.regionName() + "）", ExcelExport.time(c.at())));
        if (c.comment() != null) {
            parts.add(c.comment());
        }
        return String.join(" · ", parts);
    }

    /** The open renewal proposal in a cell: days, proposing side, when. */
    private String renewal(Consent proposal) {
        return proposal == null ? "" : messages.get("escort.excel.renewal", proposal.days(),
                messages.get("escort.side." + proposal.side().name()), ExcelExport.time(proposal.at()));
    }

    @PostMapping("/escort/inspections/{id}/{verb}")
    String decideInspection(@PathVariable String id, @PathVariable String verb,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        escort.decideInspection(id, "approve".equals(verb), new EscortService.Decision(comment, null));
        redirect.addFlashAttribute("flash", messages.get("escort.flash.decided"));
        return "redirect:/escort/inspections";
    }

    @PostMapping("/escort/shutdowns/{id}/{verb}")
    String decideShutdown(@PathVariable String id, @PathVariable String verb,
            @RequestParam(required = false) String comment, @RequestParam(required = false) Integer days,
            RedirectAttributes redirect) {
        EscortService.Decision d = new EscortService.Decision(comment, days);
        switch (verb) {
            case "approve" -> escort.decideShutdown(id, true, d);
            case "refuse" -> escort.decideShutdown(id, false, d);
            case "renew" -> escort.renew(id, d);
            case "approve-renewal" -> escort.decideRenewal(id, true, d);
            case "refuse-renewal" -> escort.decideRenewal(id, false, d);
            case "lift" -> escort.lift(id, d);
            default -> throw ApiException.notFound(EscortService.SHUTDOWN, id);
        }
        redirect.addFlashAttribute("flash", messages.get("escort.flash.decided"));
        return "redirect:/escort/shutdowns";
    }

    /** The buttons of each shutdown for the signed-in user (its side's, at the decision level), by id. */
    private void shutdownActions(Model model, List<Shutdown> items) {
        var actions = escort.actions(items, CurrentUser.get());
        model.addAttribute("shutdownActions", actions);
        model.addAttribute("canDecide", actions.values().stream().anyMatch(a -> !a.isEmpty()));
    }

    /** The ids of the listed inspections the signed-in user may decide (not its own, at the approval level). */
    private void inspectionActions(Model model, List<Inspection> items) {
        CurrentUser u = CurrentUser.get();
        java.util.Set<String> decidable = new java.util.HashSet<>();
        items.stream().filter(i -> escort.mayDecide(i, u)).forEach(i -> decidable.add(i.id()));
        model.addAttribute("decidableInspections", decidable);
        model.addAttribute("canDecideInspections", !decidable.isEmpty());
    }
}
