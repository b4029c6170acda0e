package org.sibao.epidemic.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.sibao.escort.ShutdownSummary;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.databind.JsonNode;

/** Epidemic information over the API (API.md "Epidemic information"). */
@RestController
@RequestMapping("/api/v1")
class EpidemicApiController {

    private final RosterService rosters;
    private final TestResultService results;
    private final HealthReportService reports;
    private final ArrivalService arrivals;
    private final SentinelSweep sweep;
    private final AlertService alerts;
    private final EmergencyService modes;
    private final RosterExcel excel;
    private final ZoneService zones;
    private final IncidentService incidents;
    private final AlertObservation observations;

    EpidemicApiController(RosterService rosters, TestResultService results, HealthReportService reports,
            ArrivalService arrivals, SentinelSweep sweep, AlertService alerts, EmergencyService modes, RosterExcel excel, ZoneService zones,
            IncidentService incidents, AlertObservation observations) {
        this.incidents = incidents;
        this.observations = observations;
        this.excel = excel;
        this.zones = zones;
        this.rosters = rosters;
        this.results = results;
        this.reports = reports;
        this.arrivals = arrivals;
        this.sweep = sweep;
        this.alerts = alerts;
        this.modes = modes;
    }

    /** Bound as JSON trees: a row with a value of the wrong kind is reported by its index, the others kept. */
    @PostMapping("/enterprises/{id}/employees")
    RosterService.RosterResult postEmployees(@PathVariable String id, @RequestBody(required = false) JsonNode employees) {
        return rosters.upsertJson(id, employees);
    }

    @GetMapping("/enterprises/{id}/employees")
    PageResult<RosterService.EmployeeView> employees(@PathVariable String id,
            @RequestParam(defaultValue = "false") boolean reveal, @RequestParam(required = false) String q,
            @RequestParam(required = false) String zoneId, @RequestParam(required = false) String result,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return rosters.list(id, reveal, new RosterService.RosterFilter(q, zoneId, result), PageQuery.of(page, size));
    }

    @GetMapping("/enterprises/{id}/employees/template")
    ResponseEntity<StreamingResponseBody> rosterTemplate(@PathVariable String id) {
        return excel.template(id);
    }

    /** Excel roster import: 202 with the job whose progress {@code GET /api/v1/jobs/{jobId}} shows. */
    @PostMapping(path = "/enterprises/{id}/employees/import", consumes = "multipart/form-data")
    ResponseEntity<Map<String, String>> importRoster(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        String jobId = excel.startImport(id, file);
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, "/api/v1/jobs/" + jobId)
                .body(Map.of("jobId", jobId, "id", jobId));
    }

    @PostMapping(path = "/epidemic/test-results", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "CSV with the header idNumber,sampledAt,kind,result",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    TestResultService.IngestResult testResultsCsv(@io.swagger.v3.oas.annotations.Parameter(hidden = true)
            HttpEntity<String> request) {
        // an entity rather than a required body: an empty CSV is answered about its header, not as a missing body
        return results.ingestCsv(request.getBody());
    }

    @PostMapping(path = "/epidemic/test-results", consumes = MediaType.APPLICATION_JSON_VALUE)
    TestResultService.IngestResult testResultsJson(@RequestBody JsonNode rows) {
        return results.ingestJson(rows);
    }

    @PostMapping("/enterprises/{id}/health-reports")
    ResponseEntity<HealthReportService.ReportView> healthReport(@PathVariable String id,
            @RequestBody HealthReportService.ReportInput report) {
        HealthReportService.Saved saved = reports.submit(id, report);
        return ResponseEntity.status(saved.replaced() ? HttpStatus.OK : HttpStatus.CREATED).body(saved.report());
    }

    /** The last 14 days' reports, newest first, in the list envelope. */
    @GetMapping("/enterprises/{id}/health-reports")
    PageResult<HealthReportService.ReportView> healthReports(@PathVariable String id,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size);
        return paging.slice(reports.recent(id, 14));
    }

    @PostMapping("/enterprises/{id}/arrivals")
    ResponseEntity<ArrivalService.ArrivalView> registerArrival(@PathVariable String id,
            @RequestBody ArrivalService.ArrivalInput in) {
        return ResponseEntity.status(HttpStatus.CREATED).body(arrivals.report(id, in, true));
    }

    @PostMapping("/enterprises/{id}/arrivals/unregistered")
    ResponseEntity<ArrivalService.ArrivalView> unregisteredArrival(@PathVariable String id,
            @RequestBody ArrivalService.ArrivalInput in) {
        return ResponseEntity.status(HttpStatus.CREATED).body(arrivals.report(id, in, false));
    }

    @GetMapping("/enterprises/{id}/arrivals")
    PageResult<ArrivalService.ArrivalView> arrivals(@PathVariable String id,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size);
        return paging.slice(arrivals.list(id));
    }

    @PostMapping("/epidemic/arrivals/{id}/backfill")
    ArrivalService.ArrivalView backfill(@PathVariable String id, @RequestBody ArrivalService.BackfillInput in) {
        return arrivals.backfill(id, in);
    }

    /** A visitor's landing test (落地核酸) {@code {"sampledAt"?,"result":"NEGATIVE|POSITIVE|PENDING"}}. */
    @PostMapping("/epidemic/arrivals/{id}/landing-test")
    ArrivalService.ArrivalView landingTest(@PathVariable String id, @RequestBody ArrivalService.LandingTestInput in) {
        return arrivals.recordLandingTest(id, in);
    }

    @PostMapping("/epidemic/sweep")
    SentinelSweep.SweepResult sweep() {
        EpidemicAccess.require(EpidemicAccess.RESULT_SENDERS);
        return sweep.sweep();
    }

    @GetMapping("/epidemic/alerts")
    PageResult<AlertService.AlertView> alerts(@RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String type, @RequestParam(required = false) String status,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return alerts.list(enterpriseId, type, status, regionCode, PageQuery.of(page, size));
    }

    @PostMapping("/epidemic/alerts/{id}/acknowledge")
    AlertService.AlertView acknowledge(@PathVariable String id) {
        return alerts.acknowledge(id);
    }

    /** 转临时留观: 201 with the incident opened from a SYMPTOM or POSITIVE_RESULT alert (see {@link AlertObservation}). */
    @PostMapping("/epidemic/alerts/{id}/observe")
    ResponseEntity<IncidentService.IncidentView> observe(@PathVariable String id,
            @RequestBody(required = false) AlertObservation.ObserveInput in) {
        IncidentService.IncidentView v = observations.observe(id, in);
        return ResponseEntity.created(URI.create("/api/v1/epidemic/incidents/" + v.id())).body(v);
    }

    @GetMapping("/enterprises/{id}/epidemic-risk")
    AlertService.SubjectRisk risk(@PathVariable String id) {
        return alerts.risk(id);
    }

    @PostMapping("/enterprises/{id}/zones")
    ResponseEntity<ZoneService.ZoneView> createZone(@PathVariable String id, @RequestBody ZoneService.ZoneInput in) {
        return ResponseEntity.status(HttpStatus.CREATED).body(zones.create(id, in));
    }

    @GetMapping("/enterprises/{id}/zones")
    PageResult<ZoneService.ZoneView> zones(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size);
        return paging.slice(zones.list(id));
    }

    @PutMapping("/epidemic/zones/{id}/colour")
    ZoneService.ZoneView zoneColour(@PathVariable String id, @RequestBody ZoneService.ColourInput in) {
        return zones.setColour(id, in);
    }

    @GetMapping(path = "/epidemic/zones/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    byte[] zoneQr(@PathVariable String id) {
        return zones.qrPng(id);
    }

    @PostMapping("/epidemic/incidents")
    ResponseEntity<IncidentService.IncidentView> openIncident(@RequestBody IncidentService.IncidentInput in) {
        return ResponseEntity.status(HttpStatus.CREATED).body(incidents.open(in));
    }

    @GetMapping("/epidemic/incidents")
    PageResult<IncidentService.IncidentView> incidents(@RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return incidents.list(new IncidentService.Filter(enterpriseId, status, regionCode, null), PageQuery.of(page, size));
    }

    /** The incident with its close contacts, timeline and the shutdown requests filed from it. */
    @GetMapping("/epidemic/incidents/{id}")
    IncidentService.IncidentDetail incident(@PathVariable String id) {
        return incidents.detail(id);
    }

    @PostMapping("/epidemic/incidents/{id}/retest")
    IncidentService.IncidentView retestIncident(@PathVariable String id, @RequestBody(required = false) IncidentService.RetestInput in) {
        return incidents.retest(id, in);
    }

    @PostMapping("/epidemic/incidents/{id}/confirm")
    IncidentService.IncidentView confirmIncident(@PathVariable String id,
            @RequestBody(required = false) IncidentService.Decision d) {
        return incidents.confirm(id, d);
    }

    @PostMapping("/epidemic/incidents/{id}/clear")
    IncidentService.IncidentView clearIncident(@PathVariable String id,
            @RequestBody(required = false) IncidentService.Decision d) {
        return incidents.clear(id, d);
    }

    @PostMapping("/epidemic/incidents/{id}/contacts")
    IncidentService.IncidentView incidentContacts(@PathVariable String id,
            @RequestBody(required = false) IncidentService.ContactsInput in) {
        return incidents.listContacts(id, in);
    }

    @PostMapping("/epidemic/incidents/{id}/close")
    IncidentService.IncidentView closeIncident(@PathVariable String id) {
        return incidents.close(id);
    }

    /** 201 with the PENDING shutdown request, which the HQ decides at {@code /api/v1/escort/shutdowns/{id}/approve}. */
    @PostMapping("/epidemic/incidents/{id}/shutdown-request")
    ResponseEntity<ShutdownSummary> incidentShutdown(@PathVariable String id,
            @RequestBody(required = false) IncidentService.ShutdownInput in) {
        ShutdownSummary s = incidents.requestShutdown(id, in);
        return ResponseEntity.created(URI.create("/api/v1/escort/shutdowns/" + s.id())).body(s);
    }

    @PostMapping("/epidemic/zones/{id}/employees")
    ZoneService.ZoneView zoneEmployees(@PathVariable String id, @RequestBody(required = false) ZoneService.MembersInput in) {
        return zones.moveEmployees(id, in);
    }

    @PostMapping("/epidemic/arrivals/{id}/end-observation")
    ArrivalService.ArrivalView endObservation(@PathVariable String id) {
        return arrivals.endObservation(id);
    }

    @PutMapping("/regions/{code}/mode")
    EmergencyService.ModeView switchMode(@PathVariable String code, @RequestBody(required = false) EmergencyService.ModeRequest in) {
        return modes.switchMode(code, in);
    }

    @GetMapping("/regions/{code}/mode")
    EmergencyService.EffectiveMode mode(@PathVariable String code) {
        return modes.effective(code);
    }
}
