package org.sibao.subject.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/** Market subjects over the integration API (API.md "Market subjects"), plus Excel import and export. */
@RestController
@RequestMapping("/api/v1/enterprises")
class SubjectApiController {

    private final SubjectService subjects;
    private final SubjectFilters filters;
    private final SubjectExcel excel;
    private final ClearPhoneReads phoneReads;

    SubjectApiController(SubjectService subjects, SubjectFilters filters, SubjectExcel excel, ClearPhoneReads phoneReads) {
        this.phoneReads = phoneReads;
        this.subjects = subjects;
        this.filters = filters;
        this.excel = excel;
    }

    @PostMapping
    ResponseEntity<SubjectView> create(@RequestBody SubjectInput input) {
        SubjectRecord saved = subjects.create(input);
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + saved.id())).body(view(saved));
    }

    @GetMapping("/{id}")
    SubjectView get(@PathVariable String id) {
        SubjectRecord r = subjects.get(id);
        phoneReads.shown(CurrentUser.get(), List.of(r), "api");
        return view(r);
    }

    @PutMapping("/{id}")
    SubjectView update(@PathVariable String id, @RequestBody SubjectInput input) {
        return view(subjects.update(id, input));
    }

    @GetMapping
    PageResult<SubjectView> list(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String sizeClass,
            @RequestParam(required = false) String whitelistStatus, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size); // first: a bad page is named with the filters
        SubjectFilter filter = filters.parse(regionCode, sector, q, kind, sizeClass, whitelistStatus);
        boolean clear = PersonalData.visibleInClear(CurrentUser.get());
        PageResult<SubjectRecord> result = subjects.list(filter, paging);
        phoneReads.shown(CurrentUser.get(), result.items(), "api");
        return result.map(r -> SubjectView.of(r, clear));
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String sizeClass,
            @RequestParam(required = false) String whitelistStatus) {
        return excel.exportResponse(filters.parse(regionCode, sector, q, kind, sizeClass, whitelistStatus));
    }

    @GetMapping("/import/template")
    ResponseEntity<StreamingResponseBody> template() {
        return excel.templateResponse();
    }

    @PostMapping(path = "/import", consumes = "multipart/form-data")
    ResponseEntity<Map<String, String>> importFile(@RequestPart("file") MultipartFile file) {
        String jobId = excel.startImport(file);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/v1/jobs/" + jobId)
                .body(Map.of("jobId", jobId, "id", jobId));
    }

    private static SubjectView view(SubjectRecord r) {
        return SubjectView.of(r, PersonalData.visibleInClear(CurrentUser.get()));
    }
}
