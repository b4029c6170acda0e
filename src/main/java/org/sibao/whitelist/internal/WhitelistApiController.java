package org.sibao.whitelist.internal;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The whitelist's part of the integration API (API.md "Whitelist") plus criteria, objections and recommendations. */
@RestController
@RequestMapping("/api/v1/whitelist")
class WhitelistApiController {

    private final CriteriaService criteria;
    private final Prechecker prechecker;
    private final ApplicationService applications;
    private final EntryService entries;
    private final WhitelistViews views;
    private final WhitelistFilters filters;

    WhitelistApiController(CriteriaService criteria, Prechecker prechecker, ApplicationService applications,
            EntryService entries, WhitelistViews views, WhitelistFilters filters) {
        this.criteria = criteria;
        this.prechecker = prechecker;
        this.applications = applications;
        this.entries = entries;
        this.views = views;
        this.filters = filters;
    }

    // ---- criteria ----

    @GetMapping("/criteria")
    Map<String, Object> criteria(@RequestParam String sector, @RequestParam String level,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) String regionCode) {
        Validation v = new Validation();
        CriteriaService.checkSectorLevel(sector, level, v);
        v.check(regionCode == null || regionCode.matches("\\d{6}"), "regionCode", "validation.badValue");
        v.throwIfInvalid();
        // the criteria in force for subjects of a region: the one asked for, else the caller's own
        String region = regionCode != null ? regionCode : CurrentUser.get().regionCode();
        CriteriaSet set = (version == null ? criteria.current(sector, level, region) : criteria.version(sector, level, version))
                .orElseThrow(() -> org.sibao.platform.ApiException.notFound("criteriaSet", sector + "/" + level));
        Map<String, Object> view = criteria.view(set, prechecker);
        view.put("versions", criteria.versions(sector, level, region));
        return view;
    }

    record CriteriaRequest(List<Map<String, Object>> criteria, String note) {
    }

    @PostMapping("/criteria")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> publishCriteria(@RequestParam String sector, @RequestParam String level,
            @RequestBody CriteriaRequest request) {
        CriteriaSet set = criteria.publish(CurrentUser.get(), sector, level, request.criteria(), request.note());
        return criteria.view(set, prechecker);
    }

    // ---- applications ----

    record ApplicationRequest(String enterpriseId, String level, Map<String, Object> declarations) {
    }

    @PostMapping("/applications")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody ApplicationRequest r) {
        CurrentUser user = CurrentUser.get();
        return views.application(user, applications.create(user, r.enterpriseId(), r.level(), r.declarations()));
    }

    @PostMapping("/applications/precheck")
    Precheck precheck(@RequestBody ApplicationRequest r) {
        return applications.precheck(CurrentUser.get(), r.enterpriseId(), r.level(), r.declarations()).precheck();
    }

    @GetMapping("/applications")
    PageResult<Map<String, Object>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String enterpriseId, @RequestParam(defaultValue = "false") boolean dueForMe,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Validation v = new Validation();
        ApplicationService.Filter filter = filters.applications(status, sector, regionCode, enterpriseId, dueForMe, v);
        PageQuery pageQuery = PageQuery.of(page, size, PageQuery.DEFAULT_SIZE, v);
        v.throwIfInvalid();
        return applications.list(CurrentUser.get(), filter, pageQuery).map(views::applicationSummary);
    }

    @GetMapping("/applications/{id}")
    Map<String, Object> get(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        return views.application(user, applications.find(user, id));
    }

    @PutMapping("/applications/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody ApplicationRequest r) {
        CurrentUser user = CurrentUser.get();
        return views.application(user, applications.update(user, id, r.level(), r.declarations()));
    }

    @PostMapping("/applications/{id}/submit")
    Map<String, Object> submit(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        return views.application(user, applications.submit(user, id));
    }

    record ReviewRequest(String decision, String comment) {
    }

    @PostMapping("/applications/{id}/review")
    Map<String, Object> review(@PathVariable String id, @RequestBody ReviewRequest r) {
        CurrentUser user = CurrentUser.get();
        return views.application(user, applications.review(user, id, r.decision(), r.comment()));
    }

    @PostMapping(path = "/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationService.Attachment attach(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        return applications.attach(CurrentUser.get(), id, file);
    }

    @GetMapping("/applications/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId) {
        return WhitelistViews.download(applications.attachment(CurrentUser.get(), id, attachmentId));
    }

    @GetMapping("/applications/export")
    ResponseEntity<byte[]> exportApplications(@RequestParam(required = false) String status,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String regionCode) {
        Validation v = new Validation();
        ApplicationService.Filter filter = filters.applications(status, sector, regionCode, null, false, v);
        v.throwIfInvalid();
        return views.applicationsXlsx(CurrentUser.get(), filter);
    }

    // ---- batches ----

    record BatchRequest(String name, String sector, String regionCode, List<String> applicationIds,
            Integer publicityDays) {
    }

    @PostMapping("/batches")
    @ResponseStatus(HttpStatus.CREATED)
    EntryService.Batch createBatch(@RequestBody BatchRequest r) {
        return entries.createBatch(CurrentUser.get(), r.name(), r.sector(), r.regionCode(), r.applicationIds(),
                r.publicityDays());
    }

    /** Newest first; without {@code size} up to 500 in one page (lists that answered whole before paging). */
    @GetMapping("/batches")
    PageResult<EntryService.Batch> batches(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return entries.batches(CurrentUser.get(), PageQuery.of(page, size, PageQuery.MAX_SIZE));
    }

    @GetMapping("/batches/{id}")
    EntryService.Batch batch(@PathVariable String id) {
        return entries.batch(CurrentUser.get(), id);
    }

    @PostMapping("/batches/{id}/publish")
    EntryService.Batch publish(@PathVariable String id) {
        return entries.publish(CurrentUser.get(), id);
    }

    // ---- entries ----

    @GetMapping("/entries")
    PageResult<Map<String, Object>> entries(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Validation v = new Validation();
        EntryService.EntryFilter filter = filters.entries(regionCode, sector, status, v);
        PageQuery pageQuery = PageQuery.of(page, size, PageQuery.DEFAULT_SIZE, v);
        v.throwIfInvalid();
        return entries.entries(CurrentUser.get(), filter, pageQuery).map(entries::entryView);
    }

    @GetMapping("/entries/{id}")
    Map<String, Object> entry(@PathVariable String id) {
        Map<String, Object> view = entries.entryView(entries.entry(CurrentUser.get(), id));
        view.put("history", entries.entryHistory(id));
        return view;
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping("/entries/{id}/remove")
    Map<String, Object> remove(@PathVariable String id, @RequestBody ReasonRequest r) {
        Map<String, Object> view = entries.entryView(entries.remove(CurrentUser.get(), id, r.reason()));
        view.put("history", entries.entryHistory(id));
        return view;
    }

    @GetMapping("/entries/export")
    ResponseEntity<byte[]> exportEntries(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String status) {
        Validation v = new Validation();
        EntryService.EntryFilter filter = filters.entries(regionCode, sector, status, v);
        v.throwIfInvalid();
        return views.entriesXlsx(CurrentUser.get(), filter);
    }

    // ---- objections and recommendations ----

    /** Any status unless {@code status} is given; newest first; without {@code size} up to 500 in one page. */
    @GetMapping("/objections")
    PageResult<EntryService.Objection> objections(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return byStatus(WhitelistFilters.OBJECTION_STATUSES, status, page, size,
                (s, q) -> entries.objections(CurrentUser.get(), s, q));
    }

    record CommentRequest(String comment) {
    }

    @PostMapping("/objections/{id}/sustain")
    EntryService.Objection sustain(@PathVariable String id, @RequestBody CommentRequest r) {
        return entries.decide(CurrentUser.get(), id, true, r.comment());
    }

    @PostMapping("/objections/{id}/dismiss")
    EntryService.Objection dismiss(@PathVariable String id, @RequestBody(required = false) CommentRequest r) {
        return entries.decide(CurrentUser.get(), id, false, r == null ? null : r.comment());
    }

    /** OPEN ones unless {@code status} is given; newest first; without {@code size} up to 500 in one page. */
    @GetMapping("/recommendations")
    PageResult<EntryService.Recommendation> recommendations(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return byStatus(WhitelistFilters.RECOMMENDATION_STATUSES, status, page, size,
                (s, q) -> entries.recommendations(CurrentUser.get(), s, q));
    }

    /** A list filtered by status alone, up to 500 a page without {@code size}; bad values named together (400). */
    private static <T> PageResult<T> byStatus(List<String> accepted, String status, Integer page, Integer size,
            BiFunction<String, PageQuery, PageResult<T>> list) {
        Validation v = new Validation();
        String s = v.oneOf(accepted, status, "status");
        PageQuery pageQuery = PageQuery.of(page, size, PageQuery.MAX_SIZE, v);
        v.throwIfInvalid();
        return list.apply(s, pageQuery);
    }

    @PostMapping("/recommendations/{id}/dismiss")
    EntryService.Recommendation dismissRecommendation(@PathVariable String id) {
        return entries.decideRecommendation(CurrentUser.get(), id, false);
    }

    @PostMapping("/recommendations/{id}/invite")
    EntryService.Recommendation invite(@PathVariable String id) {
        return entries.decideRecommendation(CurrentUser.get(), id, true);
    }
}
