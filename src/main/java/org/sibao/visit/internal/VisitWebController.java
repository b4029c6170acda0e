package org.sibao.visit.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.appeal.AppealCategory;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages: {@code /visits} is a liaison's list of its enterprises (last visit, 登记走访) and the officials' duty
 * board (figures, filters, the subjects in trouble first); {@code /visits/enterprises/{id}} is the visit form with
 * the enterprise's visits; {@code /visits/duty.xlsx} exports the board as filtered.
 */
@Controller
class VisitWebController {

    /** The form as typed, so that a rejected submission is shown again with its errors. */
    record Form(String visitedOn, String method, String findings, String problem, String category) {

        VisitInputs inputs() {
            return new VisitInputs(visitedOn, method, findings, problem, category);
        }
    }

    private final VisitService visits;
    private final Subjects subjects;
    private final RegionService regions;
    private final Messages messages;
    private final BusinessClock clock;

    VisitWebController(VisitService visits, Subjects subjects, RegionService regions, Messages messages,
            BusinessClock clock) {
        this.visits = visits;
        this.subjects = subjects;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/visits")
    String home(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = CurrentUser.get();
        Validation v = new Validation();
        Region region = visits.region(user.role() == Role.LIAISON ? null : regionCode, v);
        DutyStatus s = v.oneOf(DutyStatus.class, status, "status");
        if (region == null) {
            region = regions.get(user.regionCode());
        }
        PageResult<DutyRow> result = visits.board(region, s, PageQuery.of(page, 50));
        model.addAttribute("liaison", user.role() == Role.LIAISON);
        model.addAttribute("mayAssign", user.is(Role.ADMIN, Role.HQ_OFFICER));
        model.addAttribute("region", region);
        model.addAttribute("regionChoices", user.role() == Role.LIAISON ? List.of() : regions.withChildren(user.regionCode()));
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", DutyStatus.values());
        model.addAttribute("summary", visits.summary(region));
        model.addAttribute("result", result);
        model.addAttribute("regionNames", regions.names(result.items().stream().map(DutyRow::regionCode).toList()));
        model.addAttribute("followUpDays", VisitService.FOLLOW_UP_DAYS);
        return "visit/board";
    }

    @GetMapping("/visits/duty.xlsx")
    void export(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String status,
            HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.get();
        Validation v = new Validation();
        Region region = visits.region(user.role() == Role.LIAISON ? null : regionCode, v);
        DutyStatus s = v.oneOf(DutyStatus.class, status, "status");
        v.throwIfInvalid();
        Region r = region;
        Iterable<DutyRow> rows = ExcelExport.allPages(p -> visits.board(r, s, p), ExcelExport.MAX_ROWS);
        List<String> headers = List.of(messages.get("visit.field.enterprise"), messages.get("visit.field.region"),
                messages.get("visit.field.sector"), messages.get("visit.field.liaisons"),
                messages.get("visit.field.lastVisit"), messages.get("visit.field.daysSince"),
                messages.get("visit.field.status"));
        ExcelExport.send(response, "liaison-duty-" + region.code() + "-" + clock.today() + ".xlsx",
                ExcelWorkbook.create().sheet(messages.get("visit.board.title"), headers, ExcelExport.rows(rows, d -> List.of(
                        d.name(), regions.name(d.regionCode()), messages.get("enum.Sector." + d.sector()),
                        String.join("、", d.liaisons()), d.lastVisitOn() == null ? "" : d.lastVisitOn().toString(),
                        d.daysSinceVisit() == null ? "" : d.daysSinceVisit(),
                        messages.get("visit.status." + d.status().name())))));
    }

    @GetMapping("/visits/enterprises/{id}")
    String enterprise(@PathVariable String id, Model model) {
        return form(id, new Form(clock.today().toString(), VisitMethod.ON_SITE.name(), "", "", AppealCategory.OTHER.name()),
                Map.of(), model);
    }

    @PostMapping("/visits/enterprises/{id}")
    String submit(@PathVariable String id, Form form, Model model, RedirectAttributes redirect) {
        try {
            VisitService.Recorded r = visits.record(id, form.inputs());
            redirect.addFlashAttribute("flash", messages.get(r.visit().appealId() == null ? "visit.flash.recorded"
                    : "visit.flash.recordedWithAppeal", r.visit().enterpriseName()));
            return "redirect:/visits/enterprises/" + id;
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(p -> errors.putIfAbsent(p.field(), messages.resolve(p)));
            model.addAttribute("formError", messages.get("error.invalidInput"));
            return form(id, form, errors, model);
        }
    }

    private String form(String id, Form form, Map<String, String> errors, Model model) {
        SubjectFacts subject = subjects.find(id).orElseThrow(() -> ApiException.notFound("enterprise", id));
        model.addAttribute("subject", subject);
        model.addAttribute("regionName", regions.name(subject.regionCode()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canRecord", CurrentUser.get().role() == Role.LIAISON);
        model.addAttribute("methods", VisitMethod.values());
        model.addAttribute("categories", AppealCategory.values());
        model.addAttribute("history", visits.visits(id, PageQuery.of(0, 100)).items());
        model.addAttribute("today", clock.today());
        model.addAttribute("earliest", clock.today().minusDays(VisitService.MAX_DAYS_BACK));
        return "visit/enterprise";
    }
}
