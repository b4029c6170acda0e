package org.sibao.production.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.appeal.AppealCategory;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.tasking.IsoWeek;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages: {@code /production} sends an enterprise user to its own report, shows a liaison its enterprises and
 * an official the summary; {@code /production/enterprises/{id}} is the weekly form with last week beside it and
 * the history; {@code /production/summary.xlsx} exports the summary's lists.
 */
@Controller
class ProductionWebController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The form as typed, so that a rejected submission is shown again with its errors. */
    record Form(String week, String outputValue, String capacityUtilisation, String staffOnDuty,
            String ordersOnHand, String rawMaterialDays, String operatingState, String problems, Boolean fileAsAppeal,
            String category) {

        static Form of(ProductionReport r, String week) {
            if (r == null) {
                return new Form(week, "", "", "", "", "", "NORMAL", "", false, "OTHER");
            }
            return new Form(week, r.outputValue().toPlainString(), r.capacityUtilisation().toPlainString(),
                    String.valueOf(r.staffOnDuty()), r.ordersOnHand().toPlainString(),
                    String.valueOf(r.rawMaterialDays()), r.operatingState().name(),
                    String.join("\n", r.problems().stream().map(ProductionReport.Problem::text).toList()), false,
                    "OTHER");
        }

        ProductionInputs inputs() {
            List<ProductionInputs.Problem> lines = new ArrayList<>();
            if (problems != null) {
                problems.lines().map(String::trim).filter(l -> !l.isEmpty())
                        .forEach(l -> lines.add(new ProductionInputs.Problem(l, Boolean.TRUE.equals(fileAsAppeal), category)));
            }
            return new ProductionInputs(week, number(outputValue), number(capacityUtilisation), integer(staffOnDuty),
                    number(ordersOnHand), integer(rawMaterialDays), operatingState, lines);
        }

        /** The numeric fields whose text is not a number (they reach the service as -1, refused there as negative). */
        List<String> notNumbers() {
            List<String> out = new ArrayList<>();
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("outputValue", outputValue);
            texts.put("capacityUtilisation", capacityUtilisation);
            texts.put("staffOnDuty", staffOnDuty);
            texts.put("ordersOnHand", ordersOnHand);
            texts.put("rawMaterialDays", rawMaterialDays);
            texts.forEach((field, text) -> {
                if (text != null && !text.isBlank() && !text.trim().matches("-?\\d+(\\.\\d+)?")) {
                    out.add(field);
                }
            });
            return out;
        }

        private static BigDecimal number(String s) {
            try {
                return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return BigDecimal.valueOf(-1);
            }
        }

        private static Integer integer(String s) {
            try {
                return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private final ProductionService reports;
    private final ProductionSummary summary;
    private final ProductionRepository repository;
    private final Subjects subjects;
    private final Messages messages;

    ProductionWebController(ProductionService reports, ProductionSummary summary, ProductionRepository repository,
            Subjects subjects, Messages messages) {
        this.reports = reports;
        this.summary = summary;
        this.repository = repository;
        this.subjects = subjects;
        this.messages = messages;
    }

    @GetMapping("/production")
    String home(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String week,
            Model model) {
        CurrentUser u = CurrentUser.get();
        if (u.role() == Role.ENTERPRISE && u.enterpriseId() != null) {
            return "redirect:/production/enterprises/" + u.enterpriseId();
        }
        if (u.role() == Role.LIAISON) {
            model.addAttribute("enterprises", repository.activeSubjects(u.scope().subjects("s.region_code",
                    "s.sector", "s.id"), 500));
            return "production/enterprises";
        }
        ProductionSummary.Summary s = summary.summary(regionCode, week);
        model.addAttribute("s", s);
        model.addAttribute("weeks", recentWeeks(reports.currentWeek(), 8));
        model.addAttribute("sectors", Sector.values());
        return "production/summary";
    }

    @GetMapping("/production/enterprises/{id}")
    String report(@PathVariable String id, @RequestParam(required = false) String week, Model model) {
        String w = IsoWeek.parse(week).orElse(reports.currentWeek()).toString();
        List<ProductionReport> history = reports.history(id);
        ProductionReport current = history.stream().filter(r -> r.week().equals(w)).findFirst().orElse(null);
        return form(id, w, Form.of(current, w), Map.of(), history, model);
    }

    @PostMapping("/production/enterprises/{id}")
    String submit(@PathVariable String id, Form form, Model model, RedirectAttributes redirect) {
        try {
            ProductionReport r = reports.submit(id, form.inputs());
            redirect.addFlashAttribute("flash", messages.get(r.revision() > 1 ? "production.flash.replaced"
                    : "production.flash.submitted", r.week()));
            return "redirect:/production/enterprises/" + id + "?week=" + r.week();
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            // a word where a number belongs says so, not "cannot be negative"
            form.notNumbers().forEach(f -> errors.put(f, messages.get("validation.notANumber")));
            e.errors().forEach(p -> errors.putIfAbsent(p.field().startsWith("problems") ? "problems" : p.field(),
                    messages.resolve(p)));
            model.addAttribute("formError", messages.get("error.invalidInput"));
            String w = IsoWeek.parse(form.week()).orElse(reports.currentWeek()).toString();
            return form(id, w, form, errors, reports.history(id), model);
        }
    }

    private String form(String id, String week, Form form, Map<String, String> errors, List<ProductionReport> history,
            Model model) {
        SubjectFacts subject = subjects.find(id).orElseThrow(() -> ApiException.notFound("enterprise", id));
        IsoWeek current = reports.currentWeek();
        String previous = IsoWeek.parse(week).orElse(current).previous().toString();
        model.addAttribute("subject", subject);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("history", history);
        model.addAttribute("replacing", history.stream().anyMatch(r -> r.week().equals(week)));
        model.addAttribute("lastWeek", history.stream().filter(r -> r.week().equals(previous)).findFirst()
                .orElse(null));
        model.addAttribute("previousWeek", previous);
        model.addAttribute("weeks", recentWeeks(current, 4));
        model.addAttribute("states", OperatingState.values());
        model.addAttribute("categories", AppealCategory.values());
        // whether the role files at all (the enterprise, its liaison), and whether this subject reports now (ACTIVE)
        model.addAttribute("mayFile", ProductionService.mayFile(CurrentUser.get()));
        model.addAttribute("canFile", ProductionService.mayFile(CurrentUser.get())
                && subject.whitelistStatus() == WhitelistStatus.ACTIVE);
        return "production/report";
    }

    @GetMapping("/production/summary.xlsx")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String week) {
        ProductionSummary.Summary s = summary.summary(regionCode, week);
        List<String> figureHeaders = List.of(messages.get("production.col.region"),
                messages.get("production.col.received"), messages.get("production.col.expected"),
                messages.get("production.col.output"), messages.get("production.col.previousOutput"),
                messages.get("production.col.change"), messages.get("production.col.utilisation"),
                messages.get("production.col.index"), messages.get("production.col.drops"));
        List<List<?>> regionRows = new ArrayList<>();
        regionRows.add(row(s.regionName(), s.total()));
        s.byRegion().forEach(r -> regionRows.add(row(r.regionName(), r.figures())));
        List<List<?>> sectorRows = new ArrayList<>();
        s.bySector().forEach(r -> sectorRows.add(row(messages.get("enum.Sector." + r.sector()), r.figures())));
        List<String> listHeaders = List.of(messages.get("production.col.enterprise"),
                messages.get("production.col.region"), messages.get("production.col.sector"),
                messages.get("production.col.output"), messages.get("production.col.previousOutput"),
                messages.get("production.col.change"));
        List<List<?>> drops = s.drops().stream().map(this::entry).toList();
        List<List<?>> missing = s.missing().stream().map(this::entry).toList();
        StreamingResponseBody body = out -> ExcelWorkbook.create()
                .sheet(messages.get("production.export.regions"), figureHeaders, regionRows)
                .sheet(messages.get("production.export.sectors"), figureHeaders, sectorRows)
                .sheet(messages.get("production.export.drops"), listHeaders, drops)
                .sheet(messages.get("production.export.missing"), listHeaders, missing).write(out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"production-" + s.regionCode() + "-" + s.week() + ".xlsx\"")
                .header(HttpHeaders.CONTENT_TYPE, XLSX).body(body);
    }

    private static List<?> row(String name, ProductionSummary.Figures f) {
        return java.util.Arrays.asList(name, f.received(), f.expected(), f.outputValue(), f.previousOutputValue(),
                f.changePercent(), f.averageUtilisation(), f.index(), f.drops());
    }

    private List<?> entry(ProductionSummary.Entry e) {
        return java.util.Arrays.asList(e.name(), e.regionName(), messages.get("enum.Sector." + e.sector()),
                e.outputValue(), e.previousOutputValue(), e.changePercent());
    }

    private static List<String> recentWeeks(IsoWeek current, int n) {
        List<String> weeks = new ArrayList<>();
        IsoWeek w = current;
        for (int i = 0; i < n; i++) {
            weeks.add(w.toString());
            w = w.previous();
        }
        return weeks;
    }
}
