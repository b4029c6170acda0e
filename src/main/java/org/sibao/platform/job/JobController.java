package org.sibao.platform.job;

import java.util.List;

import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.platform.excel.ExcelWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Progress of a background job and the Excel report of its rejected rows (API and web session alike). */
@RestController
class JobController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BackgroundJobs jobs;
    private final Messages messages;

    JobController(BackgroundJobs jobs, Messages messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/api/v1/jobs/{id}")
    JobView get(@PathVariable String id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("job", id));
    }

    @GetMapping({"/api/v1/jobs/{id}/report", "/jobs/{id}/report"})
    ResponseEntity<StreamingResponseBody> report(@PathVariable String id) {
        JobView job = jobs.find(id).orElseThrow(() -> ApiException.notFound("job", id));
        List<String> headers = List.of(messages.get("job.report.row"), messages.get("job.report.reasons"));
        List<List<Object>> rows = job.errors().stream()
                .map(e -> List.<Object>of(e.row(), String.join("；", e.reasons()))).toList();
        String sheet = messages.get("job.report.sheet");
        StreamingResponseBody body = out -> ExcelWorkbook.create().sheet(sheet, headers, rows).write(out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"job-" + id + "-errors.xlsx\"")
                .header(HttpHeaders.CONTENT_TYPE, XLSX)
                .body(body);
    }
}
