package org.sibao.whitelist.internal;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.Messages;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.RegionService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** JSON views and Excel exports shared by the API and the pages. */
@Component
class WhitelistViews {

    private final ApplicationService applications;
    private final EntryService entries;
    private final CriteriaService criteria;
    private final Messages messages;
    private final RegionService regions;

    WhitelistViews(ApplicationService applications, EntryService entries, CriteriaService criteria, Messages messages,
            RegionService regions) {
        this.regions = regions;
        this.applications = applications;
        this.entries = entries;
        this.criteria = criteria;
        this.messages = messages;
    }

    Map<String, Object> applicationSummary(ApplicationService.App a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("enterpriseId", a.enterpriseId());
        m.put("enterpriseName", a.enterpriseName());
        m.put("regionCode", a.regionCode());
        m.put("sector", a.sector());
        m.put("level", a.level());
        m.put("status", a.status());
        m.put("precheckOutcome", a.precheck().outcome());
        m.put("dueLevel", a.dueLevel());
        m.put("dueRegionCode", a.dueRegion());
        m.put("batchId", a.batchId());
        m.put("createdAt", a.createdAt());
        m.put("submittedAt", a.submittedAt());
        return m;
    }

    Map<String, Object> application(CurrentUser user, ApplicationService.App a) {
        Map<String, Object> m = applicationSummary(a);
        CriteriaSet set = criteria.get(a.criteriaSetId());
        m.put("criteriaSetId", set.id());
        m.put("criteriaVersion", set.version());
        m.put("declarations", a.declarations());
        // an open application shows the precheck on today's facts; a decided one the precheck it was decided on
        boolean open = ApplicationService.EDITABLE.contains(a.status()) || ApplicationService.IN_REVIEW.contains(a.status());
        m.put("precheck", open ? applications.freshPrecheck(a) : a.precheck());
        m.put("decisionReason", a.decisionReason());
        m.put("reviewSteps", applications.steps(a));
        m.put("reviews", applications.reviews(a.id()));
        m.put("history", applications.history(a.id()));
        m.put("attachments", applications.attachments(a.id()));
        m.put("canReview", applications.isDueReviewer(user, a));
        m.put("canEdit", applications.mayEdit(user, a));
        return m;
    }

    void exportApplications(CurrentUser user, ApplicationService.Filter filter, OutputStream out) {
        Iterable<ApplicationService.App> all = ExcelExport.allPages(page -> applications.list(user, filter, page),
                ExcelExport.MAX_ROWS);
        ExcelWorkbook.create().sheet(messages.get("whitelist.export.applications"), ExcelExport.headers(messages,
                "whitelist.field.", "enterprise", "region", "sector", "level", "status", "precheck", "dueRegion",
                "createdAt"), ExcelExport.rows(all, a -> List.of(a.enterpriseName(), regions.name(a.regionCode()),
                        label("Sector", a.sector()), label("WlLevel", a.level()), label("WlApplicationStatus", a.status()),
                        label("WlOutcome", a.precheck().outcome()), regions.name(a.dueRegion()),
                        ExcelExport.time(a.createdAt())))).write(out);
    }

    void exportEntries(CurrentUser user, EntryService.EntryFilter filter, OutputStream out) {
        Iterable<EntryService.Entry> all = ExcelExport.allPages(page -> entries.entries(user, filter, page),
                ExcelExport.MAX_ROWS);
        ExcelWorkbook.create().sheet(messages.get("whitelist.export.entries"), ExcelExport.headers(messages,
                "whitelist.field.", "enterprise", "uscc", "region", "sector", "level", "status", "batch", "activeSince",
                "reason"), ExcelExport.rows(all, e -> Arrays.asList(e.name(), e.uscc(), regions.name(e.regionCode()),
                        label("Sector", e.sector()), label("WlLevel", e.level()), label("WlEntryStatus", e.status()),
                        e.batchName(), ExcelExport.time(e.activeSince()), e.statusReason()))).write(out);
    }

    private String label(String enumName, String value) {
        return value == null ? "" : messages.get("enum." + enumName + "." + value);
    }

    static ResponseEntity<byte[]> download(ApplicationService.AttachmentContent a) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(a.content());
    }

    /** The applications a user may see, filtered, as an Excel download (API and pages alike). */
    ResponseEntity<byte[]> applicationsXlsx(CurrentUser user, ApplicationService.Filter filter) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        exportApplications(user, filter, out);
        return xlsx(out.toByteArray(), "whitelist-applications.xlsx");
    }

    /** The entries a user may see, filtered, as an Excel download (API and pages alike). */
    ResponseEntity<byte[]> entriesXlsx(CurrentUser user, EntryService.EntryFilter filter) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        exportEntries(user, filter, out);
        return xlsx(out.toByteArray(), "whitelist-entries.xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
