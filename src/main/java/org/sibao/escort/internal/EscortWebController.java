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
        model.addAttribute("inspections", escort.inspections(enterpriseId, null, PageQuery.of(0, 100)));
        model.addAttribute("shutdowns", escort.shutdowns(enterpriseId, null, PageQuery.of(0, 100)));
        common(model);
        return "escort/enterprise";
    }

    @GetMapping("/escort/inspections")
    String inspections(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("inspections", escort.inspections(null, status, PageQuery.of(page, 50)));
        model.addAttribute("status", status);
        common(model);
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
            model.addAttribute("inspections", escort.inspections(null, null, PageQuery.of(0, 50)));
            model.addAttribute("problem", messages.get(e.detailKey(), e.args()));
            model.addAttribute("problems", e.errors().stream().map(f -> messages.resolve(f)).toList());
            common(model);
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
            Model model) {
        model.addAttribute("shutdowns", escort.shutdowns(null, status, PageQuery.of(page, 50)));
        model.addAttribute("status", status);
        common(model);
        return "escort/shutdowns";
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
                "status", "endCause", "requestedAt", "decidedAt", "startedAt", "endsAt", "endedAt", "comment");
        ExcelExport.send(response, "shutdowns-" + clock.today() + ".xlsx", ExcelWorkbook.create()
                .sheet(messages.get("escort.shutdowns.title"), headers, ExcelExport.rows(all, s -> Arrays.asList(
                        s.enterpriseName(), regions.name(s.regionCode()), s.reason(), s.days(), messages.label(s.status()),
                        s.endCause() == null ? "" : messages.get("escort.endCause." + s.endCause()),
                        ExcelExport.time(s.requestedAt()), ExcelExport.time(s.decidedAt()), ExcelExport.time(s.startedAt()),
                        ExcelExport.time(s.endsAt()), ExcelExport.time(s.endedAt()), s.decisionComment()))));
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
            case "lift" -> escort.lift(id, d);
            default -> throw ApiException.notFound(EscortService.SHUTDOWN, id);
        }
        redirect.addFlashAttribute("flash", messages.get("escort.flash.decided"));
        return "redirect:/escort/shutdowns";
    }

    private void common(Model model) {
        model.addAttribute("canDecide", EscortService.canDecide(CurrentUser.get()));
    }
}
