package org.sibao.epidemic.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.region.RegionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident pages (应急处置): the list with filters for the officials of a region (and an enterprise's own
 * incidents), and an incident's page with its state, the 6-hour re-test deadline on the business clock, close
 * contacts, timeline, linked shutdown requests and the steps the signed-in user may take, each a POST form. A step
 * refused (invalid input, wrong state) comes back as a flash of the localised problem.
 */
@Controller
class IncidentWebController {

    /** Employees offered as close contacts at once; the officer narrows larger rosters by name, team or zone. */
    static final int ROSTER_ON_PAGE = 500;

    private final IncidentService incidents;
    private final AlertObservation observations;
    private final RosterService rosters;
    private final ZoneService zones;
    private final RegionService regions;
    private final BusinessClock clock;
    private final Messages messages;

    IncidentWebController(IncidentService incidents, AlertObservation observations, RosterService rosters,
            ZoneService zones, RegionService regions, BusinessClock clock, Messages messages) {
        this.incidents = incidents;
        this.observations = observations;
        this.rosters = rosters;
        this.zones = zones;
        this.regions = regions;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/epidemic/incidents")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String q, @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("incidents", incidents.list(new IncidentService.Filter(enterpriseId, status, regionCode, q),
                PageQuery.of(page, 50)));
        model.addAttribute("status", status);
        model.addAttribute("regionCode", regionCode);
        model.addAttribute("q", q);
        model.addAttribute("enterpriseId", enterpriseId);
        model.addAttribute("statuses", IncidentService.STATUSES);
        model.addAttribute("regions", user.enterpriseId() == null ? regions.withChildren(user.regionCode()) : List.of());
        model.addAttribute("now", clock.nowOffset());
        return "epidemic/incidents";
    }

    @GetMapping("/epidemic/incidents/{id}")
    String incident(@PathVariable String id, @RequestParam(required = false) String q,
            @RequestParam(required = false) String zone, Model model) {
        IncidentService.IncidentDetail d = incidents.detail(id);
        IncidentService.IncidentView i = d.incident();
        CurrentUser user = CurrentUser.get();
        boolean officer = IncidentService.isOfficer(user);
        model.addAttribute("d", d);
        model.addAttribute("i", i);
        model.addAttribute("officer", officer);
        model.addAttribute("canRequestShutdown", IncidentService.SHUTDOWN_REQUESTERS.contains(user.role()) && i.open()
                && d.shutdowns().stream().noneMatch(s -> "PENDING".equals(s.status()) || "ACTIVE".equals(s.status())));
        OffsetDateTime now = clock.nowOffset();
        model.addAttribute("now", now);
        model.addAttribute("retestSeconds", Duration.between(now, i.retestDueAt()).getSeconds());
        model.addAttribute("quietOver", i.quietUntil() != null && !now.isBefore(i.quietUntil()));
        if (officer && !"CLOSED".equals(i.status())) {
            var roster = rosters.list(i.enterpriseId(), false, new RosterService.RosterFilter(q, zone, null),
                    PageQuery.of(0, ROSTER_ON_PAGE));
            model.addAttribute("contactQ", q);
            model.addAttribute("contactZone", zone);
            model.addAttribute("roster", roster);
            var candidates = roster.items().stream()
                    .filter(e -> !e.id().equals(i.employeeId()) && !i.closeContactIds().contains(e.id())).toList();
            model.addAttribute("candidates", candidates);
            model.addAttribute("secondaryCandidates",
                    candidates.stream().filter(e -> !i.secondaryContactIds().contains(e.id())).toList());
            model.addAttribute("zones", zones.list(i.enterpriseId()));
            model.addAttribute("rosterCap", ROSTER_ON_PAGE);
        }
        return "epidemic/incident";
    }

    /** Opens an incident from the subject's epidemic page or the alert board, then shows it. */
    @PostMapping("/epidemic/enterprise/{enterpriseId}/incidents")
    String open(@PathVariable String enterpriseId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String employeeId, @RequestParam(required = false) String zoneId,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            IncidentService.IncidentView v = incidents.open(new IncidentService.IncidentInput(enterpriseId, employeeId,
                    kind, note, zoneId));
            redirect.addFlashAttribute("flash", messages.get("epidemic.incident.opened"));
            return "redirect:/epidemic/incidents/" + v.id();
        } catch (ApiException e) {
            return refused(e, redirect, "/epidemic/enterprise/" + enterpriseId);
        }
    }

    /** 转临时留观 from an alert on the alert board or a subject's page; a refusal goes back there as a flash. */
    @PostMapping("/epidemic/alerts/{alertId}/observe")
    String observe(@PathVariable String alertId, @RequestParam(required = false) String note,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            IncidentService.IncidentView v = observations.observe(alertId, new AlertObservation.ObserveInput(note, null));
            redirect.addFlashAttribute("flash", messages.get("epidemic.alert.observed"));
            return "redirect:/epidemic/incidents/" + v.id();
        } catch (ApiException e) {
            return refused(e, redirect, back != null && back.startsWith("/epidemic/") ? back : "/epidemic/alerts");
        }
    }

    @PostMapping("/epidemic/incidents/{id}/retest")
    String retest(@PathVariable String id, @RequestParam(required = false) String result,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return step(id, redirect, "epidemic.incident.saved",
                () -> incidents.retest(id, new IncidentService.RetestInput(result, kind, null, note)));
    }

    @PostMapping("/epidemic/incidents/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam(required = false) List<String> contactIds,
            @RequestParam(required = false) String zoneId, @RequestParam(required = false) String note,
            @RequestParam(required = false) String basis, RedirectAttributes redirect) {
        return step(id, redirect, "epidemic.incident.saved", () -> incidents.confirm(id,
                new IncidentService.Decision(contactIds, zoneId, null, note, basis)));
    }

    @PostMapping("/epidemic/incidents/{id}/clear")
    String clear(@PathVariable String id, @RequestParam(required = false) Integer quietDays,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return step(id, redirect, "epidemic.incident.saved", () -> incidents.clear(id,
                new IncidentService.Decision(null, null, quietDays, note, null)));
    }

    @PostMapping("/epidemic/incidents/{id}/contacts")
    String contacts(@PathVariable String id, @RequestParam(required = false) List<String> contactIds,
            @RequestParam(required = false) String note, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String closeContactId, RedirectAttributes redirect) {
        return step(id, redirect, "epidemic.incident.saved", () -> incidents.listContacts(id,
                new IncidentService.ContactsInput(contactIds, note, tier, closeContactId)));
    }

    @PostMapping("/epidemic/incidents/{id}/close")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        return step(id, redirect, "epidemic.incident.saved", () -> incidents.close(id));
    }

    @PostMapping("/epidemic/incidents/{id}/shutdown-request")
    String shutdown(@PathVariable String id, @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(id, redirect, "epidemic.incident.shutdownRequested", () -> incidents.requestShutdown(id,
                new IncidentService.ShutdownInput(days, reason)));
    }

    private String step(String id, RedirectAttributes redirect, String okKey, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("flash", messages.get(okKey));
        } catch (ApiException e) {
            return refused(e, redirect, "/epidemic/incidents/" + id);
        }
        return "redirect:/epidemic/incidents/" + id;
    }

    /** Invalid input and state conflicts go back to the page as a flash; not found and forbidden stay errors. */
    private String refused(ApiException e, RedirectAttributes redirect, String back) {
        if (e.status().value() != 400 && e.status().value() != 409) {
            throw e;
        }
        redirect.addFlashAttribute("flashError", FormProblems.text(e, messages));
        return "redirect:" + back;
    }

    /**
     * What the alert lists need for 转临时留观: whether the user may take the step, the alerts it applies to, and the
     * incident under observation or confirmed of each alert's employee (shown instead of the button).
     */
    static void observation(Model model, IncidentService incidents, List<AlertService.AlertView> alerts) {
        model.addAttribute("canObserve", IncidentService.isOfficer(CurrentUser.get()));
        model.addAttribute("observableAlerts", alerts.stream().filter(AlertObservation::observable)
                .map(AlertService.AlertView::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("openByEmployee", incidents.openByEmployee(
                alerts.stream().map(AlertService.AlertView::employeeId).toList()));
    }

    /** Whether a user may open incidents for a subject (its writers); officials who only watch follow links. */
    static boolean canOpen(CurrentUser user) {
        return EpidemicAccess.WRITERS.contains(user.role()) && user.role() != Role.INTEGRATION;
    }
}
