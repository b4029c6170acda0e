package org.sibao.epidemic.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.RegionService;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.sibao.platform.job.BackgroundJobs;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The epidemic pages: the officers' alert board, a subject's epidemic page (roster masked, latest tests, alerts,
 * daily report form, arrivals) and the HQ's mode switch. Invalid form input comes back as a flash of the
 * localised problems.
 */
@Controller
class EpidemicWebController {

    /** Employees per page of the roster on a subject's epidemic page. */
    static final int ROSTER_PAGE = 100;

    private final AlertService alerts;
    private final SentinelSweep sweep;
    private final RosterService rosters;
    private final HealthReportService reports;
    private final ArrivalService arrivals;
    private final EmergencyService modes;
    private final EpidemicAccess access;
    private final RegionService regions;
    private final BusinessClock clock;
    private final Messages messages;
    private final RosterExcel excel;
    private final BackgroundJobs jobs;
    private final ZoneService zones;
    private final IncidentService incidents;
    private final Subjects subjects;

    EpidemicWebController(IncidentService incidents, ZoneService zones, RosterExcel excel, BackgroundJobs jobs, AlertService alerts, SentinelSweep sweep, RosterService rosters, HealthReportService reports,
            ArrivalService arrivals, EmergencyService modes, EpidemicAccess access, RegionService regions,
            BusinessClock clock, Messages messages, Subjects subjects) {
        this.subjects = subjects;
        this.alerts = alerts;
        this.sweep = sweep;
        this.rosters = rosters;
        this.reports = reports;
        this.arrivals = arrivals;
        this.modes = modes;
        this.access = access;
        this.regions = regions;
        this.clock = clock;
        this.messages = messages;
        this.excel = excel;
        this.jobs = jobs;
        this.zones = zones;
        this.incidents = incidents;
    }

    @GetMapping(path = "/epidemic/zones/{zoneId}/qr.png", produces = "image/png")
    @org.springframework.web.bind.annotation.ResponseBody
    byte[] zoneQr(@PathVariable String zoneId) {
        return zones.qrPng(zoneId);
    }

    @PostMapping("/epidemic/enterprise/{id}/zones")
    String createZone(@PathVariable String id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind, RedirectAttributes redirect) {
        return attempt(redirect, "/epidemic/enterprise/" + id, "epidemic.zone.saved",
                () -> zones.create(id, new ZoneService.ZoneInput(name, kind, null)));
    }

    @PostMapping("/epidemic/zones/{zoneId}/colour")
    String zoneColour(@PathVariable String zoneId, @RequestParam String enterpriseId, @RequestParam String colour,
            RedirectAttributes redirect) {
        return attempt(redirect, "/epidemic/enterprise/" + enterpriseId, "epidemic.zone.saved",
                () -> zones.setColour(zoneId, new ZoneService.ColourInput(colour)));
    }

    /** Moves the employees ticked in the roster into the zone chosen. */
    @PostMapping("/epidemic/enterprise/{enterpriseId}/zone-members")
    String moveEmployees(@PathVariable String enterpriseId, @RequestParam String zoneId,
            @RequestParam(required = false) List<String> employeeIds, RedirectAttributes redirect) {
        return attempt(redirect, "/epidemic/enterprise/" + enterpriseId, "epidemic.zone.saved",
                () -> zones.moveEmployees(zoneId, new ZoneService.MembersInput(employeeIds)));
    }

    @PostMapping("/epidemic/arrivals/{arrivalId}/end-observation")
    String endObservation(@PathVariable String arrivalId, @RequestParam String enterpriseId, RedirectAttributes redirect) {
        return attempt(redirect, "/epidemic/enterprise/" + enterpriseId, "epidemic.arrival.saved",
                () -> arrivals.endObservation(arrivalId));
    }

    @GetMapping("/epidemic/alerts")
    String alertBoard(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
            @RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) Integer page,
            Model model) {
        String s = status == null ? "OPEN" : status;
        // the enterprise is picked by name or USCC ("名称 · USCC") among the subjects in the user's scope; a link
        // may still carry its id, shown back as its name
        String subjectId = blankToNull(enterpriseId);
        String subjectText = enterprise == null ? "" : enterprise.trim();
        boolean unknownSubject = false;
        if (!subjectText.isEmpty()) {
            subjectId = subjects.resolve(subjectText, CurrentUser.get().scope()).orElse(null);
            unknownSubject = subjectId == null;
        } else if (subjectId != null) {
            subjectText = subjects.find(subjectId).map(f -> f.uscc() == null ? f.name() : f.name() + " · " + f.uscc())
                    .orElse("");
        }
        var board = unknownSubject ? new PageResult<AlertService.AlertView>(List.of(), page == null ? 0 : page, 50, 0)
                : alerts.list(subjectId, type, s.isBlank() ? null : s, regionCode, PageQuery.of(page, 50));
        model.addAttribute("regionCode", regionCode);
        model.addAttribute("alerts", board);
        model.addAttribute("openIncidents", incidents.openBySubject(
                board.items().stream().map(AlertService.AlertView::enterpriseId).distinct().toList()));
        model.addAttribute("canOpenIncident", IncidentWebController.canOpen(CurrentUser.get()));
        IncidentWebController.observation(model, incidents, board.items());
        model.addAttribute("type", type);
        model.addAttribute("status", s);
        model.addAttribute("enterpriseId", subjectId);
        model.addAttribute("enterprise", subjectText);
        model.addAttribute("unknownEnterprise", unknownSubject);
        model.addAttribute("types", AlertType.values());
        model.addAttribute("statuses", List.of("OPEN", "ACKNOWLEDGED", "RESOLVED"));
        CurrentUser user = CurrentUser.get();
        model.addAttribute("canAcknowledge", user.is(Role.EPIDEMIC_OFFICER, Role.HQ_OFFICER, Role.ADMIN));
        model.addAttribute("canSweep", EpidemicAccess.RESULT_SENDERS.contains(user.role()));
        return "epidemic/alerts";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The alert board's alerts (same filters, default OPEN, and scope; every page) as an .xlsx. */
    @GetMapping("/epidemic/alerts/export")
    void exportAlerts(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
            @RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String regionCode,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        String s = status == null ? "OPEN" : status;
        Iterable<AlertService.AlertView> all = ExcelExport.allPages(
                page -> alerts.list(enterpriseId, type, s.isBlank() ? null : s, regionCode, page), ExcelExport.MAX_ROWS);
        List<String> headers = ExcelExport.headers(messages, "epidemic.field.", "type", "enterprise", "employee",
                "openedAt", "status", "acknowledgedAt", "resolvedAt");
        ExcelExport.send(response, "epidemic-alerts-" + clock.today() + ".xlsx", ExcelWorkbook.create()
                .sheet(messages.get("epidemic.alerts.title"), headers, ExcelExport.rows(all, a -> java.util.Arrays.asList(
                        messages.label(a.type()), a.enterpriseName(), a.arrivalId() == null ? a.employeeName()
                                : messages.get("epidemic.alert.arrival", a.employeeName() != null ? a.employeeName() : a.arrivalName()),
                        ExcelExport.time(a.openedAt()),
                        messages.get("enum.AlertStatus." + a.status()), ExcelExport.time(a.acknowledgedAt()),
                        ExcelExport.time(a.resolvedAt())))));
    }

    @PostMapping("/epidemic/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable String id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        alerts.acknowledge(id);
        redirect.addFlashAttribute("flash", messages.get("epidemic.flash.acknowledged"));
        return "redirect:" + (back != null && back.startsWith("/epidemic/") ? back : "/epidemic/alerts");
    }

    @PostMapping("/epidemic/sweep")
    String sweepNow(RedirectAttributes redirect) {
        EpidemicAccess.require(EpidemicAccess.RESULT_SENDERS);
        SentinelSweep.SweepResult r = sweep.sweep();
        redirect.addFlashAttribute("flash", messages.get("epidemic.alerts.swept", r.opened(), r.resolved(), r.durationMs()));
        return "redirect:/epidemic/alerts";
    }

    /** An enterprise user's own page; officials pick a subject from elsewhere (alerts, subject pages). */
    @GetMapping("/epidemic/enterprise")
    String ownEnterprise() {
        CurrentUser user = CurrentUser.get();
        if (user.enterpriseId() == null) {
            return "redirect:/epidemic/alerts";
        }
        return "redirect:/epidemic/enterprise/" + user.enterpriseId();
    }

    @GetMapping("/epidemic/enterprise/{id}/roster-template")
    ResponseEntity<StreamingResponseBody> rosterTemplate(@PathVariable String id) {
        return excel.template(id);
    }

    @PostMapping("/epidemic/enterprise/{id}/roster-import")
    String importRoster(@PathVariable String id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        try {
            return "redirect:/epidemic/enterprise/" + id + "?job=" + excel.startImport(id, file);
        } catch (ApiException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", problems(e));
            return "redirect:/epidemic/enterprise/" + id;
        }
    }

    /** The progress fragment polled by htmx until the import has finished. */
    @GetMapping("/epidemic/roster-import/jobs/{jobId}")
    String importProgress(@PathVariable String jobId, Model model) {
        model.addAttribute("job", jobs.find(jobId).orElseThrow(() -> ApiException.notFound("job", jobId)));
        return "epidemic/enterprise :: progress";
    }

    @GetMapping("/epidemic/enterprise/{id}")
    String enterprise(@PathVariable String id, @RequestParam(required = false) String job,
            @RequestParam(required = false) String q, @RequestParam(required = false) String zone,
            @RequestParam(required = false) String result, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("jobId", job);
        SubjectFacts subject = access.readable(id);
        model.addAttribute("subject", subject);
        model.addAttribute("risk", alerts.risk(id));
        model.addAttribute("regionMode", modes.effective(subject.regionCode()));
        RosterService.RosterFilter filter = new RosterService.RosterFilter(q, zone,
                result != null && RosterService.RosterFilter.RESULTS.contains(result) ? result : null);
        var roster = rosters.list(id, false, filter, PageQuery.of(page, ROSTER_PAGE));
        model.addAttribute("roster", roster);
        model.addAttribute("rosterFilter", filter);
        model.addAttribute("rosterResults", RosterService.RosterFilter.RESULTS);
        // the whole roster's size (the present-count default of the daily report), whatever the filter
        model.addAttribute("rosterSize", filter.isEmpty() ? roster.total() : rosters.list(id, false, PageQuery.of(0, 1)).total());
        List<AlertService.AlertView> unresolved = alerts.list(id, null, null, PageQuery.of(0, 100)).items().stream()
                .filter(a -> !"RESOLVED".equals(a.status())).toList();
        model.addAttribute("alerts", unresolved);
        IncidentWebController.observation(model, incidents, unresolved);
        model.addAttribute("reports", reports.recent(id, 7));
        // the daily report picks symptomatic staff from the roster (names and masked numbers, first 500)
        model.addAttribute("rosterPick", rosters.list(id, false, PageQuery.of(0, 500)).items());
        model.addAttribute("arrivals", arrivals.list(id));
        List<ZoneService.ZoneView> zoneList = zones.list(id);
        model.addAttribute("zones", zoneList);
        model.addAttribute("zoneNames", zoneList.stream().collect(java.util.stream.Collectors.toMap(ZoneService.ZoneView::id,
                ZoneService.ZoneView::name)));
        model.addAttribute("incidents", incidents.list(new IncidentService.Filter(id, null, null, null), PageQuery.of(0, 10)));
        model.addAttribute("today", clock.today());
        model.addAttribute("now", clock.nowOffset());
        CurrentUser user = CurrentUser.get();
        model.addAttribute("canOpenIncident", IncidentWebController.canOpen(user));
        model.addAttribute("canWrite", EpidemicAccess.WRITERS.contains(user.role()));
        model.addAttribute("canAcknowledge", user.is(Role.EPIDEMIC_OFFICER, Role.HQ_OFFICER, Role.ADMIN));
        return "epidemic/enterprise";
    }

    @PostMapping("/epidemic/enterprise/{id}/health-report")
    String submitReport(@PathVariable String id, @RequestParam String date, @RequestParam(required = false) Integer present,
            @RequestParam(required = false) String symptomatic,
            @RequestParam(required = false) List<String> symptomEmployee,
            @RequestParam(required = false) List<String> symptomText, RedirectAttributes redirect) {
        List<HealthReportService.SymptomInput> symptoms = new ArrayList<>();
        int picked = symptomEmployee == null ? 0 : symptomEmployee.size();
        for (int i = 0; i < picked; i++) {
            String employee = symptomEmployee.get(i);
            if (employee != null && !employee.isBlank()) {
                symptoms.add(new HealthReportService.SymptomInput(null, at(symptomText, i), employee));
            }
        }
        if (symptomatic != null) {
            for (String line : symptomatic.split("\\r?\\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("[,，]", 2);
                symptoms.add(new HealthReportService.SymptomInput(parts[0].trim(), parts.length > 1 ? parts[1].trim() : null));
            }
        }
        return attempt(redirect, "/epidemic/enterprise/" + id, "epidemic.report.saved",
                () -> reports.submit(id, new HealthReportService.ReportInput(date, present, symptoms)));
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    @PostMapping("/epidemic/enterprise/{id}/arrivals")
    String reportArrival(@PathVariable String id, @RequestParam String name, @RequestParam String idNumber,
            @RequestParam(required = false) String origin, @RequestParam(required = false) String riskLevel,
            @RequestParam String arrivalDate, @RequestParam(required = false) String zoneId,
            @RequestParam(defaultValue = "true") boolean registered,
            RedirectAttributes redirect) {
        return attempt(redirect, "/epidemic/enterprise/" + id, "epidemic.arrival.saved", () -> arrivals.report(id,
                new ArrivalService.ArrivalInput(name, idNumber, origin, riskLevel, arrivalDate, zoneId), registered));
    }

    @PostMapping("/epidemic/arrivals/{arrivalId}/backfill")
    String backfill(@PathVariable String arrivalId, @RequestParam String enterpriseId, @RequestParam(required = false) String origin,
            @RequestParam(required = false) String riskLevel, RedirectAttributes redirect) {
        return attempt(redirect, "/epidemic/enterprise/" + enterpriseId, "epidemic.arrival.backfilled",
                () -> arrivals.backfill(arrivalId, new ArrivalService.BackfillInput(origin, riskLevel)));
    }

    /** A visitor's landing test from the arrivals table; the form's local time is Beijing time. */
    @PostMapping("/epidemic/arrivals/{arrivalId}/landing-test")
    String landingTest(@PathVariable String arrivalId, @RequestParam String enterpriseId,
            @RequestParam(required = false) String sampledAt, @RequestParam(required = false) String result,
            RedirectAttributes redirect) {
        return attempt(redirect, "/epidemic/enterprise/" + enterpriseId, "epidemic.arrival.landingSaved",
                () -> arrivals.recordLandingTest(arrivalId, new ArrivalService.LandingTestInput(beijing(sampledAt), result)));
    }

    /** {@code 2022-05-06T09:30} (a datetime-local field) as {@code 2022-05-06T09:30+08:00}; anything else as given. */
    private static String beijing(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(local.trim()).atZone(BusinessClock.ZONE).toOffsetDateTime().toString();
        } catch (java.time.format.DateTimeParseException e) {
            return local;
        }
    }

    @GetMapping("/epidemic/mode")
    String mode(@RequestParam(required = false) String regionCode, Model model) {
        CurrentUser user = CurrentUser.get();
        String code = regionCode == null || regionCode.isBlank() ? user.regionCode() : regionCode;
        if (!user.scope().coversRegion(code)) {
            throw ApiException.notFound("region", code);
        }
        var region = regions.get(code);
        var mode = modes.effective(code);
        var history = modes.history(region.prefix(), 20);
        model.addAttribute("region", region);
        model.addAttribute("mode", mode);
        model.addAttribute("children", regions.children(code));
        model.addAttribute("history", history);
        List<String> named = new ArrayList<>(history.stream().map(EmergencyService.SwitchRecord::regionCode).toList());
        named.add(mode.sourceRegionCode());
        model.addAttribute("regionNames", regions.names(named));
        model.addAttribute("canSwitch", user.role() == Role.HQ_OFFICER);
        return "epidemic/mode";
    }

    @PostMapping("/epidemic/mode")
    String switchMode(@RequestParam String regionCode, @RequestParam String mode, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        String back = "/epidemic/mode?regionCode=" + regionCode;
        try {
            EmergencyService.ModeView v = modes.switchMode(regionCode, new EmergencyService.ModeRequest(mode, reason));
            redirect.addFlashAttribute("flash", messages.get("epidemic.mode.switched",
                    messages.get("enum.RegionMode." + v.mode().name()), v.affectedEnterprises()));
        } catch (ApiException e) {
            // a switch that would change nothing (already in that mode, or under an ancestor's emergency) is said
            // on the page, with the region that holds the emergency
            if (e.errors().isEmpty() && e.status() != org.springframework.http.HttpStatus.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", problems(e));
        }
        return "redirect:" + back;
    }

    private String attempt(RedirectAttributes redirect, String back, String okKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.get(okKey));
        } catch (ApiException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", problems(e));
        }
        return "redirect:" + back;
    }

    private String problems(ApiException e) {
        return FormProblems.text(e, messages);
    }
}
