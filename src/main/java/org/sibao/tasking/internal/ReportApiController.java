package org.sibao.tasking.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.tasking.internal.Report.ReportKind;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Weekly briefs and Friday supervision reports: generate on demand, list, read, download as .docx. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ReportService reports;

    ReportApiController(ReportService reports) {
        this.reports = reports;
    }

    @PostMapping("/weekly")
    ResponseEntity<Report> weekly(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String week) {
        return created(reports.generateOnDemand(ReportKind.WEEKLY_BRIEF, regionCode, week));
    }

    @PostMapping("/friday")
    ResponseEntity<Report> friday(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String week) {
        return created(reports.generateOnDemand(ReportKind.FRIDAY_SUPERVISION, regionCode, week));
    }

    @GetMapping
    PageResult<Report.Summary> list(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return reports.list(kind, regionCode, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    Report get(@PathVariable String id) {
        return reports.get(id);
    }

    @GetMapping("/{id}/docx")
    ResponseEntity<byte[]> docx(@PathVariable String id) {
        return docxResponse(reports.get(id));
    }

    static ResponseEntity<byte[]> docxResponse(Report r) {
        byte[] body = ReportDocx.write(r, r.regionName() + " · " + r.from() + " — " + r.to() + " · "
                + ReportDocx.generated(r) + " · " + r.generatedBy());
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ReportDocx.fileName(r), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static ResponseEntity<Report> created(Report r) {
        return ResponseEntity.created(URI.create("/api/v1/reports/" + r.id())).body(r);
    }
}
