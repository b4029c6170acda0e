package org.sibao.whitelist.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.FieldProblem;
import org.sibao.platform.Ids;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.Words;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whitelist applications: creation with an instant precheck, edits while DRAFT or RETURNED, submission, and the
 * level-by-level review. Every read goes through the central scope filter; outside it an application does not
 * exist (404). Every change is audited and recorded in the application's history.
 */
@Service
class ApplicationService {

    static final Set<String> EDITABLE = Set.of("DRAFT", "RETURNED");
    static final Set<String> IN_REVIEW = Set.of("SUBMITTED", "UNDER_REVIEW");
    static final long MAX_ATTACHMENT = 10L * 1024 * 1024;
    private static final Map<String, String> ATTACHMENT_TYPES = Map.of(
            "pdf", "application/pdf", "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Subjects subjects;
    private final CriteriaService criteria;
    private final Prechecker prechecker;
    private final ReviewPath path;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final Notifications notifications;

    ApplicationService(JdbcClient jdbc, JsonMapper json, Subjects subjects, CriteriaService criteria,
            Prechecker prechecker, ReviewPath path, BusinessClock clock, AuditLog audit, Notifications notifications) {
        this.jdbc = jdbc;
        this.json = json;
        this.subjects = subjects;
        this.criteria = criteria;
        this.prechecker = prechecker;
        this.path = path;
        this.clock = clock;
        this.audit = audit;
        this.notifications = notifications;
    }

    /** An application row. */
    record App(String id, String enterpriseId, String enterpriseName, String regionCode, String sector, String level,
            String status, String criteriaSetId, Map<String, Object> declarations, Precheck precheck, String dueLevel,
            String dueRegion, String decisionReason, String batchId, OffsetDateTime createdAt,
            OffsetDateTime submittedAt) {
    }

    record Review(String level, String regionCode, String decision, String comment, String by, OffsetDateTime at) {
    }

    record HistoryItem(String action, String status, String by, OffsetDateTime at, String note) {
    }

    record Attachment(String id, String fileName, String contentType, long size, String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    App find(CurrentUser user, String id) {
        SqlFilter scope = scopeOf(user.scope());
        List<Object> params = new ArrayList<>(scope.params());
        params.add(0, id);
        return jdbc.sql("SELECT * FROM wl_application WHERE id = ? AND " + scope.sql()).params(params)
                .query(this::map).optional().orElseThrow(() -> ApiException.notFound("whitelistApplication", id));
    }

    App findSystem(String id) {
        return jdbc.sql("SELECT * FROM wl_application WHERE id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> ApiException.notFound("whitelistApplication", id));
    }

    static SqlFilter scopeOf(DataScope scope) {
        return scope.subjects("region_code", "sector", "enterprise_id");
    }

    /** Filters of the application list; {@code dueForMe} keeps what waits for the user's own review. */
    record Filter(String status, String sector, String regionCode, String enterpriseId, boolean dueForMe) {
    }

    PageResult<App> list(CurrentUser user, Filter f, PageQuery page) {
        SqlFilter where = scopeOf(user.scope());
        if (f.status() != null && !f.status().isBlank()) {
            where = where.and(new SqlFilter("status = ?", List.of(f.status())));
        }
        if (f.sector() != null && !f.sector().isBlank()) {
            where = where.and(new SqlFilter("sector = ?", List.of(f.sector())));
        }
        if (f.regionCode() != null && !f.regionCode().isBlank()) {
            where = where.and(new SqlFilter("region_code LIKE ?",
                    List.of(org.sibao.region.Region.prefixOf(f.regionCode()) + "%")));
        }
        if (f.enterpriseId() != null && !f.enterpriseId().isBlank()) {
            where = where.and(new SqlFilter("enterprise_id = ?", List.of(f.enterpriseId())));
        }
        if (f.dueForMe()) {
            where = where.and(new SqlFilter("status IN ('SUBMITTED', 'UNDER_REVIEW') AND due_region = ? AND sector = ?",
                    List.of(user.regionCode(), user.sector() == null ? "-" : user.sector().name())));
        }
        long total = jdbc.sql("SELECT count(*) FROM wl_application WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<App> items = jdbc.sql("SELECT * FROM wl_application WHERE " + where.sql()
                + " ORDER BY updated_at DESC, id LIMIT ? OFFSET ?").params(params).query(this::map).list();
        return page.result(items, total);
    }

    long countDueFor(CurrentUser user) {
        if (!user.is(Role.SECTOR_OFFICER) || user.sector() == null) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM wl_application WHERE status IN ('SUBMITTED', 'UNDER_REVIEW') "
                + "AND due_region = ? AND sector = ?").params(user.regionCode(), user.sector().name())
                .query(Long.class).single();
    }

    List<Review> reviews(String id) {
        return jdbc.sql("SELECT * FROM wl_review WHERE application_id = ? ORDER BY at, id").param(id)
                .query((rs, n) -> new Review(rs.getString("wl_level"), rs.getString("region_code"),
                        rs.getString("decision"), rs.getString("review_comment"), rs.getString("by_name"),
                        rs.getObject("at", OffsetDateTime.class)))
                .list();
    }

    List<HistoryItem> history(String id) {
        return jdbc.sql("SELECT * FROM wl_application_event WHERE application_id = ? ORDER BY id").param(id)
                .query((rs, n) -> new HistoryItem(rs.getString("action"), rs.getString("status"),
                        rs.getString("by_name"), rs.getObject("at", OffsetDateTime.class), rs.getString("note")))
                .list();
    }

    List<Attachment> attachments(String id) {
        return jdbc.sql("SELECT id, file_name, content_type, size_bytes, uploaded_by, uploaded_at FROM wl_attachment "
                + "WHERE application_id = ? ORDER BY uploaded_at, id").param(id)
                .query((rs, n) -> new Attachment(rs.getString("id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }

    /** The review steps of the application, with the reviewers as they are now (see {@link ReviewPath}). */
    List<ReviewPath.Step> steps(App app) {
        return path.steps(app.regionCode(), app.level(), app.sector());
    }

    /** Whether the user is the reviewer of the step now due. */
    boolean isDueReviewer(CurrentUser user, App app) {
        return IN_REVIEW.contains(app.status()) && user.is(Role.SECTOR_OFFICER) && user.sector() != null
                && user.sector().name().equals(app.sector()) && user.regionCode().equals(app.dueRegion());
    }

    /** A sector officer of the application's sector at one of its review steps (due now or not). */
    private boolean isReviewerOnPath(CurrentUser user, App app) {
        return user.is(Role.SECTOR_OFFICER) && user.sector() != null && user.sector().name().equals(app.sector())
                && steps(app).stream().anyMatch(s -> s.regionCode().equals(user.regionCode()));
    }

    boolean mayEdit(CurrentUser user, App app) {
        return EDITABLE.contains(app.status()) && mayApplyFor(user, app.sector());
    }

    private static boolean mayApplyFor(CurrentUser user, String sector) {
        return user.is(Role.ENTERPRISE, Role.LIAISON)
                || (user.is(Role.SECTOR_OFFICER) && user.sector() != null && user.sector().name().equals(sector));
    }

    // ---- precheck without saving (the form's live check) --------------------------------------------------------

    record Draft(SubjectFacts subject, String level, Map<String, Object> declarations, CriteriaSet criteria,
            Precheck precheck) {
    }

    Draft precheck(CurrentUser user, String enterpriseId, String level, Map<String, Object> rawDeclarations) {
        Validation v = new Validation();
        v.required(enterpriseId, "enterpriseId");
        v.check(level != null && CriteriaService.LEVELS.contains(level), "level", "validation.badValue");
        Map<String, Object> declarations = Declarations.parse(rawDeclarations, v);
        v.throwIfInvalid();
        // the web form's picker sends "名称 · USCC"; an id, a USCC or an exact name resolve the same way
        String id = subjects.resolve(enterpriseId, user.scope()).orElse(enterpriseId.trim());
        SubjectFacts subject = subjects.find(id, user.scope())
                .orElseThrow(() -> ApiException.notFound("subject", enterpriseId));
        if (!mayApplyFor(user, subject.sector().name())) {
            throw ApiException.forbidden("whitelist.application.notApplicant");
        }
        CriteriaSet set = criteria.current(subject.sector().name(), level, subject.regionCode())
                .orElseThrow(() -> ApiException.conflict("whitelist.criteria.none"));
        return new Draft(subject, level, declarations, set,
                prechecker.check(set, new ApplicationFacts(subject, declarations)));
    }

    // ---- changes -----------------------------------------------------------------------------------------------

    @Transactional
    App create(CurrentUser user, String enterpriseId, String level, Map<String, Object> rawDeclarations) {
        Draft d = precheck(user, enterpriseId, level, rawDeclarations);
        Long open = jdbc.sql("SELECT count(*) FROM wl_application WHERE enterprise_id = ? AND status IN "
                + "('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED')").param(enterpriseId).query(Long.class).single();
        if (open > 0) {
            throw ApiException.conflict("whitelist.application.openExists");
        }
        Long live = jdbc.sql("SELECT count(*) FROM wl_entry WHERE enterprise_id = ? AND status IN "
                + "('PUBLICIZED', 'ACTIVE', 'SUSPENDED')").param(enterpriseId).query(Long.class).single();
        if (live > 0) {
            throw ApiException.conflict("whitelist.application.alreadyListed");
        }
        String id = Ids.newId();
        OffsetDateTime now = clock.nowOffset();
        jdbc.sql("""
                INSERT INTO wl_application (id, enterprise_id, enterprise_name, region_code, sector, wl_level, status,
                    criteria_set_id, declarations_json, precheck_json, precheck_outcome, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, d.subject().id(), d.subject().name(), d.subject().regionCode(), d.subject().sector().name(),
                        level, d.criteria().id(), json.writeValueAsString(d.declarations()),
                        json.writeValueAsString(d.precheck()), d.precheck().outcome(), user.id(), now, now)
                .update();
        event(id, "CREATED", "DRAFT", user.displayName(), null);
        App app = findSystem(id);
        audit.record("WL_APPLICATION_CREATE", "WhitelistApplication", id, app.regionCode(), null, auditView(app));
        return app;
    }

    @Transactional
    App update(CurrentUser user, String id, String level, Map<String, Object> rawDeclarations) {
        App before = find(user, id);
        if (!mayApplyFor(user, before.sector())) {
            throw ApiException.forbidden("whitelist.application.notApplicant");
        }
        if (!EDITABLE.contains(before.status())) {
            throw ApiException.conflict("whitelist.application.notEditable", Words.label("WlApplicationStatus", before.status()));
        }
        String newLevel = level == null || level.isBlank() ? before.level() : level;
        Draft d = precheck(user, before.enterpriseId(), newLevel, rawDeclarations);
        // the application keeps the version it was checked against unless it now applies for another level
        CriteriaSet set = newLevel.equals(before.level()) ? criteria.get(before.criteriaSetId()) : d.criteria();
        Precheck precheck = prechecker.check(set, new ApplicationFacts(d.subject(), d.declarations()));
        jdbc.sql("UPDATE wl_application SET wl_level = ?, criteria_set_id = ?, declarations_json = ?, precheck_json = ?, "
                + "precheck_outcome = ?, updated_at = ? WHERE id = ?")
                .params(newLevel, set.id(), json.writeValueAsString(d.declarations()), json.writeValueAsString(precheck),
                        precheck.outcome(), clock.nowOffset(), id)
                .update();
        event(id, "UPDATED", before.status(), user.displayName(), null);
        App after = findSystem(id);
        audit.record("WL_APPLICATION_UPDATE", "WhitelistApplication", id, after.regionCode(), auditView(before),
                auditView(after));
        return after;
    }

    @Transactional
    App submit(CurrentUser user, String id) {
        App before = find(user, id);
        if (!mayApplyFor(user, before.sector())) {
            throw ApiException.forbidden("whitelist.application.notApplicant");
        }
        if (!EDITABLE.contains(before.status())) {
            throw ApiException.conflict("whitelist.application.notSubmittable", Words.label("WlApplicationStatus", before.status()));
        }
        SubjectFacts subject = subjects.find(before.enterpriseId(), DataScope.system())
                .orElseThrow(() -> ApiException.notFound("subject", before.enterpriseId()));
        Precheck precheck = prechecker.check(criteria.get(before.criteriaSetId()),
                new ApplicationFacts(subject, before.declarations()));
        refuseIfFailed(precheck);
        ReviewPath.Step first = steps(before).get(0);
        OffsetDateTime now = clock.nowOffset();
        jdbc.sql("UPDATE wl_application SET status = 'SUBMITTED', precheck_json = ?, precheck_outcome = ?, due_level = ?, "
                + "due_region = ?, decision_reason = NULL, submitted_at = ?, updated_at = ? WHERE id = ?")
                .params(json.writeValueAsString(precheck), precheck.outcome(), first.level(), first.regionCode(), now,
                        now, id)
                .update();
        event(id, before.status().equals("RETURNED") ? "RESUBMITTED" : "SUBMITTED", "SUBMITTED", user.displayName(),
                null);
        App after = findSystem(id);
        audit.record("WL_APPLICATION_SUBMIT", "WhitelistApplication", id, after.regionCode(), auditView(before),
                auditView(after));
        notifyReviewers(after);
        return after;
    }

    /**
     * A FAIL precheck refuses the step (409): {@code errors} name each failed criterion as {@code criteria.<code>},
     * and {@code criteria} lists them as the precheck does ({@code code}, {@code outcome}, {@code detail}).
     */
    private static void refuseIfFailed(Precheck precheck) {
        if (!"FAIL".equals(precheck.outcome())) {
            return;
        }
        List<FieldProblem> failed = new ArrayList<>();
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (Precheck.CriterionResult c : precheck.failed()) {
            failed.add(new FieldProblem("criteria." + c.code(), "whitelist.precheck.failedCriterion", c.title(), c.detail()));
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("code", c.code());
            item.put("outcome", "FAIL");
            item.put("detail", c.detail());
            criteria.add(item);
        }
        throw ApiException.conflict("whitelist.application.precheckFailed", failed).with("criteria", criteria);
    }

    /** The precheck of an open application against the subject's facts as they are now (with its kept criteria). */
    Precheck freshPrecheck(App a) {
        SubjectFacts subject = subjects.find(a.enterpriseId(), DataScope.system())
                .orElseThrow(() -> ApiException.notFound("subject", a.enterpriseId()));
        return prechecker.check(criteria.get(a.criteriaSetId()), new ApplicationFacts(subject, a.declarations()));
    }

    @Transactional
    App review(CurrentUser user, String id, String decision, String comment) {
        App before = find(user, id);
        Validation v = new Validation();
        if (v.required(decision, "decision")) {
            v.check(Set.of("APPROVE", "REJECT", "RETURN").contains(decision), "decision", "validation.badValue");
        }
        if ("RETURN".equals(decision) || "REJECT".equals(decision)) {
            v.required(comment, "comment");
        }
        v.maxLength(comment, 1000, "comment");
        v.throwIfInvalid();
        if (!isReviewerOnPath(user, before)) {
            throw ApiException.forbidden("whitelist.application.notDueReviewer");
        }
        if (!IN_REVIEW.contains(before.status())) {
            throw ApiException.conflict("whitelist.application.notInReview", Words.label("WlApplicationStatus", before.status()));
        }
        if (!isDueReviewer(user, before)) {
            throw ApiException.forbidden("whitelist.application.notDueReviewer");
        }
        if ("APPROVE".equals(decision)) {
            // the facts may have changed since submission (an accident, a fraud finding): approve on today's facts
            Precheck now = freshPrecheck(before);
            refuseIfFailed(now);
            jdbc.sql("UPDATE wl_application SET precheck_json = ?, precheck_outcome = ? WHERE id = ?")
                    .params(json.writeValueAsString(now), now.outcome(), id).update();
        }
        OffsetDateTime now = clock.nowOffset();
        jdbc.sql("INSERT INTO wl_review (id, application_id, wl_level, region_code, decision, review_comment, by_user, "
                + "by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), id, before.dueLevel(), before.dueRegion(), decision, comment, user.id(),
                        user.displayName(), now)
                .update();
        String status;
        ReviewPath.Step next = null;
        switch (decision) {
            case "APPROVE" -> {
                next = path.next(steps(before), before.dueLevel());
                status = next == null ? "APPROVED" : "UNDER_REVIEW";
            }
            case "REJECT" -> status = "REJECTED";
            default -> status = "RETURNED";
        }
        jdbc.sql("UPDATE wl_application SET status = ?, due_level = ?, due_region = ?, decision_reason = ?, "
                + "updated_at = ? WHERE id = ?")
                .params(status, next == null ? null : next.level(), next == null ? null : next.regionCode(),
                        "APPROVE".equals(decision) ? null : comment, now, id)
                .update();
        event(id, decision, status, user.displayName(), comment);
        App after = findSystem(id);
        audit.record("WL_APPLICATION_REVIEW", "WhitelistApplication", id, after.regionCode(), auditView(before),
                auditView(after));
        if (next != null) {
            notifyReviewers(after);
        } else {
            notifications.send(Notice.of("WHITELIST_APPLICATION", "whitelist.notice.decided",
                    "/whitelist/applications/" + id, after.enterpriseName(), "enum.WlApplicationStatus." + status),
                    Recipients.enterprise(after.enterpriseId()));
        }
        return after;
    }

    @Transactional
    Attachment attach(CurrentUser user, String id, MultipartFile file) {
        App app = find(user, id);
        if (!mayApplyFor(user, app.sector())) {
            throw ApiException.forbidden("whitelist.application.notApplicant");
        }
        if (!EDITABLE.contains(app.status())) {
            throw ApiException.conflict("whitelist.application.notEditable", Words.label("WlApplicationStatus", app.status()));
        }
        Validation v = new Validation();
        String name = file == null ? null : file.getOriginalFilename();
        if (file == null || file.isEmpty()) {
            v.reject("file", "validation.required");
            v.throwIfInvalid();
        }
        String ext = name == null || name.lastIndexOf('.') < 0 ? ""
                : name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = ATTACHMENT_TYPES.get(ext);
        v.check(type != null, "file", "whitelist.attachment.type");
        v.check(file.getSize() <= MAX_ATTACHMENT, "file", "whitelist.attachment.size");
        v.throwIfInvalid();
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        v.check(matchesMagic(ext, bytes), "file", "whitelist.attachment.type");
        v.throwIfInvalid();
        String attId = Ids.newId();
        String safeName = name.replaceAll("[\\\\/\\r\\n\"]", "_");
        if (safeName.length() > 200) {
            safeName = safeName.substring(safeName.length() - 200);
        }
        jdbc.sql("INSERT INTO wl_attachment (id, application_id, file_name, content_type, size_bytes, content, "
                + "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(attId, id, safeName, type, (long) bytes.length, bytes, user.displayName(), clock.nowOffset())
                .update();
        event(id, "ATTACHED", app.status(), user.displayName(), safeName);
        audit.record("WL_ATTACHMENT_ADD", "WhitelistApplication", id, app.regionCode(), null,
                Map.of("attachment", attId, "fileName", safeName, "size", bytes.length));
        return attachments(id).stream().filter(a -> a.id().equals(attId)).findFirst().orElseThrow();
    }

    record AttachmentContent(String fileName, String contentType, byte[] content) {
    }

    AttachmentContent attachment(CurrentUser user, String id, String attachmentId) {
        find(user, id);
        return jdbc.sql("SELECT file_name, content_type, content FROM wl_attachment WHERE id = ? AND application_id = ?")
                .params(attachmentId, id)
                .query((rs, n) -> new AttachmentContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional().orElseThrow(() -> ApiException.notFound("attachment", attachmentId));
    }

    private static boolean matchesMagic(String ext, byte[] b) {
        return switch (ext) {
            case "pdf" -> b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
            case "png" -> b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case "jpg", "jpeg" -> b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
            case "docx", "xlsx" -> b.length > 4 && b[0] == 'P' && b[1] == 'K';
            default -> false;
        };
    }

    // ---- used by batches and objections ------------------------------------------------------------------------

    void event(String id, String action, String status, String by, String note) {
        jdbc.sql("INSERT INTO wl_application_event (application_id, action, status, by_name, at, note) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(id, action, status, by, clock.nowOffset(), note).update();
    }

    private void notifyReviewers(App app) {
        notifications.send(Notice.of("WHITELIST_REVIEW", "whitelist.notice.reviewDue",
                "/whitelist/applications/" + app.id(), app.enterpriseName()),
                Recipients.roleAt(Role.SECTOR_OFFICER, app.dueRegion(), Sector.valueOf(app.sector())));
    }

    Map<String, Object> auditView(App a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status());
        m.put("level", a.level());
        m.put("criteriaSetId", a.criteriaSetId());
        m.put("precheck", a.precheck().outcome());
        m.put("declarations", a.declarations());
        m.put("dueLevel", a.dueLevel());
        m.put("dueRegion", a.dueRegion());
        return m;
    }

    private App map(ResultSet rs, int row) throws SQLException {
        return new App(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("sector"), rs.getString("wl_level"), rs.getString("status"),
                rs.getString("criteria_set_id"),
                json.readValue(rs.getString("declarations_json"), new TypeReference<LinkedHashMap<String, Object>>() {
                }),
                json.readValue(rs.getString("precheck_json"), Precheck.class), rs.getString("due_level"),
                rs.getString("due_region"), rs.getString("decision_reason"), rs.getString("batch_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class));
    }
}
