package org.sibao.appeal.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.appeal.AppealMetrics;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Appeals over the integration API (API.md "Appeals") plus queues, similar appeals, metrics and the ledger. */
@RestController
@RequestMapping("/api/v1/appeals")
class AppealApiController {

    private final AppealService service;
    private final AppealQueries queries;
    private final AppealAttachments attachments;
    private final AppealLedger ledger;
    private final OverdueSweep sweep;

    AppealApiController(AppealService service, AppealQueries queries, AppealAttachments attachments,
            AppealLedger ledger, OverdueSweep sweep) {
        this.service = service;
        this.queries = queries;
        this.attachments = attachments;
        this.ledger = ledger;
        this.sweep = sweep;
    }

    @PostMapping
    ResponseEntity<AppealView> file(@RequestBody AppealInputs.FileAppeal in) {
        AppealView v = queries.filed(service.file(in));
        return ResponseEntity.created(URI.create("/api/v1/appeals/" + v.id())).body(v);
    }

    @GetMapping
    PageResult<AppealView> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size); // first: a bad page is named with the filters
        return queries.list(queries.parse(status, category, regionCode, overdue, enterpriseId, q), paging);
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String q) {
        return ledger.export(queries.parse(status, category, regionCode, overdue, enterpriseId, q));
    }

    /**
     * A period bound as a date ({@code 2022-05-01}) or an ISO date-time with offset, whose business-time date counts
     * (the API writes times that way); anything else is named as invalid.
     */
    private static LocalDate day(String text, String field, org.sibao.platform.Validation v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return t.length() == 10 ? LocalDate.parse(t)
                    : java.time.OffsetDateTime.parse(t).atZoneSameInstant(org.sibao.platform.BusinessClock.ZONE).toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            v.reject(field, "validation.badValue");
            return null;
        }
    }

    @GetMapping("/metrics")
    Map<String, Object> metrics(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        CurrentUser user = CurrentUser.get();
        org.sibao.platform.Validation v = new org.sibao.platform.Validation();
        LocalDate fromDay = day(from, "from", v);
        LocalDate toDay = day(to, "to", v);
        v.throwIfInvalid();
        String region = queries.metricsRegion(user, regionCode);
        LocalDate[] p = queries.period(fromDay, toDay);
        AppealMetrics m = queries.metrics(user.scope(), region, p[0], p[1]);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("regionCode", region);
        out.put("from", p[0].toString());
        out.put("to", p[1].toString());
        out.put("assigned", m.assigned());
        out.put("respondedOnTime", m.respondedOnTime());
        out.put("responseRate", m.responseRate());
        out.put("callbacks", m.callbacks());
        out.put("solved", m.solved());
        out.put("resolutionRate", m.resolutionRate());
        out.put("satisfied", m.satisfied());
        out.put("satisfactionRate", m.satisfactionRate());
        out.put("overdueOpen", m.overdueOpen());
        return out;
    }

    /** The metrics report: the contract's figures, medians, rates, top categories, trend and rankings. */
    @GetMapping("/metrics/report")
    Map<String, Object> report(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.report(CurrentUser.get(), regionCode, from, to);
    }

    /** Runs the overdue sweep now (ADMIN or HQ_OFFICER); answers how many reminders went out. */
    @PostMapping("/overdue-sweep")
    Map<String, Object> sweep() {
        if (!CurrentUser.get().is(Role.ADMIN, Role.HQ_OFFICER)) {
            throw ApiException.forbidden("error.forbidden");
        }
        return Map.of("reminded", sweep.run());
    }

    @GetMapping("/{id}")
    AppealView get(@PathVariable String id) {
        return queries.detail(id);
    }

    @GetMapping("/{id}/similar")
    List<Map<String, Object>> similar(@PathVariable String id, @RequestParam(required = false) Integer limit) {
        return queries.similar(id, limit == null ? 10 : Math.max(1, Math.min(limit, 50)));
    }

    @PostMapping("/{id}/triage")
    AppealView triage(@PathVariable String id, @RequestBody AppealInputs.Triage in) {
        return queries.view(service.triage(id, in));
    }

    @PostMapping("/{id}/accept")
    AppealView accept(@PathVariable String id, @RequestBody(required = false) AppealInputs.Note in) {
        return queries.view(service.accept(id, in));
    }

    @PostMapping("/{id}/resolve")
    AppealView resolve(@PathVariable String id, @RequestBody(required = false) AppealInputs.Note in) {
        return queries.view(service.resolve(id, in));
    }

    @PostMapping("/{id}/escalate")
    AppealView escalate(@PathVariable String id, @RequestBody(required = false) AppealInputs.Note in) {
        return queries.view(service.escalate(id, in));
    }

    @PostMapping("/{id}/reject")
    AppealView reject(@PathVariable String id, @RequestBody(required = false) AppealInputs.Note in) {
        return queries.view(service.reject(id, in));
    }

    @PostMapping("/{id}/withdraw")
    AppealView withdraw(@PathVariable String id, @RequestBody(required = false) AppealInputs.Note in) {
        return queries.view(service.withdraw(id, in));
    }

    @PostMapping("/{id}/feedback")
    AppealView feedback(@PathVariable String id, @RequestBody AppealInputs.Feedback in) {
        return queries.view(service.feedback(id, in));
    }

    @PostMapping("/{id}/close")
    AppealView close(@PathVariable String id, @RequestBody(required = false) AppealInputs.Note in) {
        return queries.view(service.close(id, in));
    }

    @PostMapping(path = "/{id}/attachments", consumes = "multipart/form-data")
    ResponseEntity<AppealView.AttachmentView> attach(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        AppealRepository.Attachment a = attachments.add(id, file);
        return ResponseEntity.created(URI.create("/api/v1/appeals/" + id + "/attachments/" + a.id()))
                .body(new AppealView.AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(), a.uploadedBy(),
                        a.uploadedAt()));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String attachmentId) {
        return attachments.download(id, attachmentId);
    }
}
