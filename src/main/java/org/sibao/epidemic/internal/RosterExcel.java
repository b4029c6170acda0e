package org.sibao.epidemic.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.subject.SubjectFacts;
import org.sibao.platform.excel.ExcelReader;
import org.sibao.platform.excel.ExcelReader.ExcelRow;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.platform.job.BackgroundJobs;
import org.sibao.platform.job.JobError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Roster import from Excel: a template with six columns (the last, a zone of the subject by name, optional;
 * Chinese headers, English headers read too), and
 * an import that validates the file at once (unreadable or empty: 400) and saves it in chunks in a background job
 * with progress and the rejected rows (Excel row numbers and reasons).
 */
@Component
class RosterExcel {

    static final String JOB_TYPE = "epidemic.roster.import";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int CHUNK = 1_000;
    private static final List<String> FIELDS = List.of("name", "idNumber", "phone", "postType", "unit", "zone");

    private final RosterService rosters;
    private final EpidemicAccess access;
    private final BackgroundJobs jobs;
    private final Messages messages;

    RosterExcel(RosterService rosters, EpidemicAccess access, BackgroundJobs jobs, Messages messages) {
        this.rosters = rosters;
        this.access = access;
        this.jobs = jobs;
        this.messages = messages;
    }

    private String header(Locale locale, String field) {
        return messages.get(locale, "epidemic.field." + field);
    }

    /**
     * The import template of a subject in the caller's scope (404 otherwise): the roster sheet holds the headings
     * only (an untouched template imports nothing); the second sheet, 填写说明, shows an example row (naming one of
     * the subject's own zones, or none) and the accepted values.
     */
    ResponseEntity<StreamingResponseBody> template(String enterpriseId) {
        SubjectFacts subject = access.readable(enterpriseId);
        List<String> zones = rosters.zoneNames(subject.id());
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        List<String> headers = FIELDS.stream().map(f -> header(zh, f)).toList();
        String postTypes = java.util.Arrays.stream(PostType.values())
                .map(t -> messages.get(zh, "enum.PostType." + t.name()))
                .collect(java.util.stream.Collectors.joining(" / "));
        List<List<?>> guide = List.of(
                List.of(messages.get(zh, "epidemic.template.example"), String.join(" | ", List.of("张三", "11010519491231002X",
                        "13812345678", messages.get(zh, "enum.PostType.FIXED"), "一车间", zones.isEmpty() ? "" : zones.get(0)))),
                List.of(header(zh, "postType"), postTypes),
                List.of(header(zh, "zone"), zones.isEmpty() ? "—" : String.join(" / ", zones)));
        StreamingResponseBody body = out -> ExcelWorkbook.create().sheet(messages.get(zh, "epidemic.enterprise.roster"),
                headers, List.of()).sheet(messages.get(zh, "epidemic.template.guide"),
                List.of(messages.get(zh, "epidemic.template.item"), messages.get(zh, "epidemic.template.values")), guide)
                .write(out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-template.xlsx\"")
                .header(HttpHeaders.CONTENT_TYPE, XLSX).body(body);
    }

    /** Reads the file now and processes it in a background job; returns the job id. */
    String startImport(String enterpriseId, MultipartFile file) {
        access.writable(enterpriseId);
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", "validation.required");
        }
        List<ExcelRow> rows;
        try (InputStream in = file.getInputStream()) {
            rows = ExcelReader.read(in, RosterService.MAX_ROWS);
        } catch (IOException e) {
            throw ApiException.invalid("file", "excel.unreadable");
        }
        if (rows.isEmpty()) {
            throw ApiException.invalid("file", "excel.empty");
        }
        Map<String, String> byHeader = new LinkedHashMap<>();
        for (String f : FIELDS) {
            byHeader.put(f, f);
            byHeader.put(header(Locale.SIMPLIFIED_CHINESE, f), f);
            byHeader.put(header(Locale.ENGLISH, f), f);
        }
        return jobs.submit(JOB_TYPE, progress -> {
            progress.total(rows.size());
            // an ID number twice in the file: the later row is an error, across chunks too
            Map<String, String> seen = new java.util.HashMap<>();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<ExcelRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                List<RosterService.EmployeeInput> inputs = new ArrayList<>();
                for (ExcelRow row : chunk) {
                    Map<String, String> v = new LinkedHashMap<>();
                    row.values().forEach((h, value) -> {
                        String field = byHeader.get(h == null ? "" : h.trim());
                        if (field != null && value != null && !value.isBlank()) {
                            v.put(field, value.trim());
                        }
                    });
                    inputs.add(new RosterService.EmployeeInput(v.get("name"), v.get("idNumber"), v.get("phone"),
                            v.get("postType"), v.get("unit"), v.get("zone")));
                }
                RosterService.RosterResult result = rosters.upsert(enterpriseId, inputs, seen,
                        i -> messages.get("epidemic.roster.rowNumber", String.valueOf(chunk.get(i).rowNumber())));
                Map<Integer, List<String>> reasons = new LinkedHashMap<>();
                for (RosterService.RowError e : result.errors()) {
                    reasons.computeIfAbsent(chunk.get(e.index()).rowNumber(), k -> new ArrayList<>())
                            .add(messages.get("epidemic.field." + e.field()) + ": " + e.message());
                }
                List<JobError> errors = reasons.entrySet().stream().map(e -> new JobError(e.getKey(), e.getValue())).toList();
                progress.advance(chunk.size(), result.accepted(), errors);
            }
        });
    }
}
