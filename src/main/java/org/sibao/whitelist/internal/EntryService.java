package org.sibao.whitelist.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.SubjectLink;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.whitelist.EntryActivated;
import org.sibao.whitelist.EntryRemoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batches, publication, entries and their life cycle (PUBLICIZED → ACTIVE ⇄ SUSPENDED, REMOVED, WITHDRAWN),
 * objections and chain-protection recommendations. The subject's whitelist standing follows every change.
 */
@Service
class EntryService {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final JdbcClient jdbc;
    private final ApplicationService applications;
    private final Subjects subjects;
    private final RegionService regions;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;

    EntryService(JdbcClient jdbc, ApplicationService applications, Subjects subjects, RegionService regions,
            BusinessClock clock, AuditLog audit, Notifications notifications, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.subjects = subjects;
        this.regions = regions;
        this.clock = clock;
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
    }

    record Batch(String id, String name, String sector, String regionCode, int publicityDays, String status,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime publishedAt, List<String> applicationIds) {
    }

    record Entry(String id, String enterpriseId, String name, String uscc, String regionCode, String sector,
            String level, String status, String batchId, String batchName, String applicationId,
            OffsetDateTime publicityEndsAt, OffsetDateTime activeSince, String statusReason) {
    }

    record EntryEvent(String fromStatus, String toStatus, String by, OffsetDateTime at, String reason) {
    }

    record Objection(String id, String entryId, String enterpriseName, String contactName, String contactPhone,
            String reason, String status, OffsetDateTime lodgedAt, String decidedBy, OffsetDateTime decidedAt,
            String decisionNote) {
    }

    record Recommendation(String id, String enterpriseId, String enterpriseName, String regionCode, String sector,
            String sourceId, String sourceName, String relation, String status, OffsetDateTime createdAt) {
    }

    // ---- batches -----------------------------------------------------------------------------------------------

    private boolean isSectorOfficerOver(CurrentUser user, String sector, String regionCode) {
        return user.is(Role.SECTOR_OFFICER) && user.sector() != null && user.sector().name().equals(sector)
                && regionCode != null && regionCode.startsWith(user.regionPrefix());
    }

    @Transactional
    Batch createBatch(CurrentUser user, String name, String sector, String regionCode, List<String> ids,
            Integer publicityDays) {
        Validation v = new Validation();
        if (v.required(name, "name")) {
            v.maxLength(name, 100, "name");
        }
        v.check(Sector.parse(sector).isPresent(), "sector", "validation.badValue");
        v.check(regionCode != null && regions.find(regionCode).isPresent(), "regionCode", "validation.badValue");
        v.check(publicityDays == null || (publicityDays >= 0 && publicityDays <= 30), "publicityDays",
                "whitelist.batch.publicityDays");
        v.check(ids != null && !ids.isEmpty(), "applicationIds", "validation.required");
        v.throwIfInvalid();
        if (!isSectorOfficerOver(user, sector, regionCode)) {
            throw ApiException.forbidden("whitelist.batch.notOfficer");
        }
        String prefix = Region.prefixOf(regionCode);
        List<FieldProblem> invalid = new ArrayList<>();
        List<FieldProblem> conflicts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String appId = ids.get(i);
            String field = "applicationIds[" + i + "]";
            ApplicationService.App app;
            try {
                app = applications.find(user, appId);
            } catch (ApiException e) {
                invalid.add(new FieldProblem(field, "whitelist.batch.unknownApplication", appId));
                continue;
            }
            if (!app.sector().equals(sector) || !app.regionCode().startsWith(prefix)) {
                invalid.add(new FieldProblem(field, "whitelist.batch.outsideBatch", appId));
            } else if (!"APPROVED".equals(app.status())) {
                conflicts.add(new FieldProblem(field, "whitelist.batch.notApproved", appId));
            } else if (app.batchId() != null || ids.indexOf(appId) != i) {
                conflicts.add(new FieldProblem(field, "whitelist.batch.alreadyBatched", appId));
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        if (!conflicts.isEmpty()) {
            throw ApiException.conflict("whitelist.batch.conflict", conflicts);
        }
        String id = Ids.newId();
        jdbc.sql("INSERT INTO wl_batch (id, name, sector, region_code, publicity_days, status, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?)")
                .params(id, name.trim(), sector, regionCode, publicityDays == null ? 0 : publicityDays,
                        user.displayName(), clock.nowOffset())
                .update();
        for (String appId : ids) {
            int n = jdbc.sql("UPDATE wl_application SET batch_id = ? WHERE id = ? AND batch_id IS NULL")
                    .params(id, appId).update();
            if (n != 1) {
                throw ApiException.conflict("whitelist.batch.conflict");
            }
            applications.event(appId, "BATCHED", "APPROVED", user.displayName(), name);
        }
        Batch batch = batch(user, id);
        audit.record("WL_BATCH_CREATE", "WhitelistBatch", id, regionCode, null, batch);
        return batch;
    }

    Batch batch(CurrentUser user, String id) {
        Batch b = jdbc.sql("SELECT * FROM wl_batch WHERE id = ?").param(id).query(this::mapBatch).optional()
                .filter(x -> user.scope().coversRegion(x.regionCode()) && user.scope().coversSector(Sector.valueOf(x.sector())))
                .orElseThrow(() -> ApiException.notFound("whitelistBatch", id));
        return b;
    }

    PageResult<Batch> batches(CurrentUser user, PageQuery page) {
        SqlFilter f = user.scope().regions("region_code");
        if (user.sector() != null && user.is(Role.SECTOR_OFFICER)) {
            f = f.and(new SqlFilter("sector = ?", List.of(user.sector().name())));
        }
        return page("SELECT *", "FROM wl_batch", f, "created_at DESC, id", page, this::mapBatch);
    }

    @Transactional
    Batch publish(CurrentUser user, String id) {
        Batch before = batch(user, id);
        if (!isSectorOfficerOver(user, before.sector(), before.regionCode())) {
            throw ApiException.forbidden("whitelist.batch.notOfficer");
        }
        if (!"DRAFT".equals(before.status())) {
            throw ApiException.conflict("whitelist.batch.alreadyPublished");
        }
        OffsetDateTime now = clock.nowOffset();
        OffsetDateTime ends = now.plusDays(before.publicityDays());
        jdbc.sql("UPDATE wl_batch SET status = 'PUBLISHED', published_at = ? WHERE id = ?").params(now, id).update();
        for (String appId : before.applicationIds()) {
            ApplicationService.App app = applications.findSystem(appId);
            SubjectFacts subject = subjects.find(app.enterpriseId(), DataScope.system()).orElseThrow();
            String entryId = Ids.newId();
            jdbc.sql("""
                    INSERT INTO wl_entry (id, batch_id, application_id, enterprise_id, name, uscc, region_code, sector,
                        wl_level, status, publicity_ends_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLICIZED', ?, ?)""")
                    .params(entryId, id, appId, app.enterpriseId(), subject.name(), subject.uscc(), app.regionCode(),
                            app.sector(), app.level(), ends, now)
                    .update();
            entryEvent(entryId, null, "PUBLICIZED", user.displayName(), before.name());
            applications.event(appId, "PUBLICIZED", "APPROVED", user.displayName(), before.name());
        }
        Batch after = batch(user, id);
        audit.record("WL_BATCH_PUBLISH", "WhitelistBatch", id, after.regionCode(), before, after);
        activateDue();
        return after;
    }

    // ---- activation --------------------------------------------------------------------------------------------

    /**
     * Activates every entry whose publicity period has ended on the business clock and that has no open objection.
     * Called by the schedule and before reads, so that a drill's clock advance shows at once.
     */
    @Transactional
    int activateDue() {
        List<String> due = jdbc.sql("SELECT id FROM wl_entry e WHERE status = 'PUBLICIZED' AND publicity_ends_at <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM wl_objection o WHERE o.entry_id = e.id AND o.status = 'OPEN') "
                + "ORDER BY publicity_ends_at LIMIT 500").param(clock.nowOffset()).query(String.class).list();
        int n = 0;
        for (String id : due) {
            if (activate(id)) {
                n++;
            }
        }
        return n;
    }

    private boolean activate(String id) {
        OffsetDateTime now = clock.nowOffset();
        // active from the end of publicity (or the end of the objection that held it), not from when a job noticed
        int changed = jdbc.sql("UPDATE wl_entry SET status = 'ACTIVE', active_since = CASE WHEN publicity_ends_at IS NULL"
                + " OR publicity_ends_at > ? OR EXISTS (SELECT 1 FROM wl_objection o WHERE o.entry_id = wl_entry.id)"
                + " THEN ? ELSE publicity_ends_at END, updated_at = ? "
                + "WHERE id = ? AND status = 'PUBLICIZED'").params(now, now, now, id).update();
        if (changed != 1) {
            return false;
        }
        Entry e = entrySystem(id);
        entryEvent(id, "PUBLICIZED", "ACTIVE", "system", null);
        subjects.setWhitelistStatus(e.enterpriseId(), WhitelistStatus.ACTIVE, e.level());
        audit.record("WL_ENTRY_ACTIVATE", "WhitelistEntry", id, e.regionCode(), Map.of("status", "PUBLICIZED"),
                Map.of("status", "ACTIVE", "activeSince", now.toString()));
        Notice notice = Notice.of("WHITELIST_ENTRY", "whitelist.notice.activated", "/whitelist/entries", e.name());
        notifications.send(notice, Recipients.enterprise(e.enterpriseId()));
        notifications.send(notice, Recipients.roleAt(Role.EPIDEMIC_OFFICER, e.regionCode()));
        events.publishEvent(new EntryActivated(id, e.enterpriseId(), e.sector(), e.level()));
        recommendChain(e);
        return true;
    }

    private void recommendChain(Entry e) {
        SubjectFacts source = subjects.find(e.enterpriseId(), DataScope.system()).orElse(null);
        if (source == null || source.links() == null) {
            return;
        }
        for (SubjectLink link : source.links()) {
            SubjectFacts other = subjects.find(link.enterpriseId(), DataScope.system()).orElse(null);
            if (other == null || other.whitelistStatus() == WhitelistStatus.ACTIVE) {
                continue;
            }
            Long existing = jdbc.sql("SELECT count(*) FROM chain_recommendation WHERE enterprise_id = ? AND source_id = ? "
                    + "AND status = 'OPEN'").params(other.id(), source.id()).query(Long.class).single();
            if (existing > 0) {
                continue;
            }
            String id = Ids.newId();
            jdbc.sql("INSERT INTO chain_recommendation (id, enterprise_id, enterprise_name, region_code, sector, "
                    + "source_id, source_name, relation, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
                    .params(id, other.id(), other.name(), other.regionCode(), other.sector().name(), source.id(),
                            source.name(), link.relation().name(), clock.nowOffset())
                    .update();
            notifications.send(Notice.of("WHITELIST_CHAIN", "whitelist.notice.chain", "/whitelist/recommendations",
                    other.name(), source.name()), Recipients.roleAt(Role.SECTOR_OFFICER, other.regionCode(), other.sector()));
        }
    }

    // ---- entries -----------------------------------------------------------------------------------------------

    record EntryFilter(String regionCode, String sector, String status) {
    }

    /** Filters of the entry lists, parsed by {@link WhitelistFilters} (null: any). */
    PageResult<Entry> entries(CurrentUser user, EntryFilter f, PageQuery page) {
        activateDue();
        SqlFilter where = filtered(user.scope().subjects("e.region_code", "e.sector", "e.enterprise_id"), f);
        return page(ENTRY_COLUMNS, ENTRY_FROM, where, "e.updated_at DESC, e.id", page, this::mapEntry);
    }

    private static SqlFilter filtered(SqlFilter where, EntryFilter f) {
        if (f.regionCode() != null) {
            where = where.and(new SqlFilter("e.region_code LIKE ?", List.of(Region.prefixOf(f.regionCode()) + "%")));
        }
        if (f.sector() != null) {
            where = where.and(new SqlFilter("e.sector = ?", List.of(f.sector())));
        }
        if (f.status() != null) {
            where = where.and(new SqlFilter("e.status = ?", List.of(f.status())));
        }
        return where;
    }

    /** One page of {@code columns from WHERE where ORDER BY order} and the count of all rows. */
    private <T> PageResult<T> page(String columns, String from, SqlFilter where, String order, PageQuery page,
            RowMapper<T> mapper) {
        long total = jdbc.sql("SELECT count(*) " + from + " WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<T> items = jdbc.sql(columns + " " + from + " WHERE " + where.sql() + " ORDER BY " + order
                + " LIMIT ? OFFSET ?").params(params).query(mapper).list();
        return page.result(items, total);
    }

    private static final String ENTRY_COLUMNS = "SELECT e.*, b.name AS batch_name";
    private static final String ENTRY_FROM = "FROM wl_entry e JOIN wl_batch b ON b.id = e.batch_id";
    private static final String ENTRY_SELECT = ENTRY_COLUMNS + " " + ENTRY_FROM;

    Entry entry(CurrentUser user, String id) {
        activateDue();
        SqlFilter scope = user.scope().subjects("e.region_code", "e.sector", "e.enterprise_id");
        List<Object> params = new ArrayList<>(scope.params());
        params.add(0, id);
        return jdbc.sql(ENTRY_SELECT + " WHERE e.id = ? AND " + scope.sql()).params(params).query(this::mapEntry)
                .optional().orElseThrow(() -> ApiException.notFound("whitelistEntry", id));
    }

    Entry entrySystem(String id) {
        return jdbc.sql(ENTRY_SELECT + " WHERE e.id = ?").param(id).query(this::mapEntry).optional()
                .orElseThrow(() -> ApiException.notFound("whitelistEntry", id));
    }

    List<EntryEvent> entryHistory(String id) {
        return jdbc.sql("SELECT * FROM wl_entry_event WHERE entry_id = ? ORDER BY id").param(id)
                .query((rs, n) -> new EntryEvent(rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("by_name"), rs.getObject("at", OffsetDateTime.class), rs.getString("reason")))
                .list();
    }

    /** Published entries (in publicity or ACTIVE) for the public page, no login; {@code f}'s status is ignored. */
    PageResult<Entry> published(EntryFilter f, PageQuery page) {
        activateDue();
        SqlFilter where = filtered(new SqlFilter("e.status IN ('PUBLICIZED', 'ACTIVE')", List.of()),
                new EntryFilter(f.regionCode(), f.sector(), null));
        return page(ENTRY_COLUMNS, ENTRY_FROM, where, "e.region_code, e.sector, e.name, e.id", page, this::mapEntry);
    }

    boolean mayRemove(CurrentUser user, Entry e) {
        return isSectorOfficerOver(user, e.sector(), e.regionCode())
                || (user.is(Role.EPIDEMIC_OFFICER) && e.regionCode().startsWith(user.regionPrefix()));
    }

    /** 熔断: by the sector department (subject's region or above) or the epidemic office, with the cause. */
    @Transactional
    Entry remove(CurrentUser user, String id, String reason) {
        Entry before = entry(user, id);
        Validation v = new Validation();
        if (v.required(reason, "reason")) {
            v.maxLength(reason, 1000, "reason");
        }
        v.throwIfInvalid();
        if (!mayRemove(user, before)) {
            throw ApiException.forbidden("whitelist.entry.notRemover");
        }
        if (!List.of("PUBLICIZED", "ACTIVE", "SUSPENDED").contains(before.status())) {
            throw ApiException.conflict("whitelist.entry.notRemovable", Words.label("WlEntryStatus", before.status()));
        }
        changeStatus(before, "REMOVED", user.displayName(), reason.trim());
        subjects.setWhitelistStatus(before.enterpriseId(), WhitelistStatus.REMOVED, before.level());
        Notice notice = Notice.of("WHITELIST_ENTRY", "whitelist.notice.removed", "/whitelist/entries", before.name(),
                reason.trim());
        notifications.send(notice, Recipients.enterprise(before.enterpriseId()));
        notifications.send(notice, Recipients.roleAt(Role.EPIDEMIC_OFFICER, before.regionCode()));
        events.publishEvent(new EntryRemoved(id, before.enterpriseId(), reason.trim()));
        return entrySystem(id);
    }

    /** A shutdown of the subject (escort) suspends its ACTIVE entry; its end restores it. */
    @Transactional
    void suspendOrResume(String enterpriseId, boolean suspend, String reason) {
        String from = suspend ? "ACTIVE" : "SUSPENDED";
        String to = suspend ? "SUSPENDED" : "ACTIVE";
        List<String> ids = jdbc.sql("SELECT id FROM wl_entry WHERE enterprise_id = ? AND status = ?")
                .params(enterpriseId, from).query(String.class).list();
        for (String id : ids) {
            Entry e = entrySystem(id);
            changeStatus(e, to, "system", reason);
            subjects.setWhitelistStatus(enterpriseId, WhitelistStatus.valueOf(to), e.level());
        }
    }

    private void changeStatus(Entry before, String to, String by, String reason) {
        int n = jdbc.sql("UPDATE wl_entry SET status = ?, status_reason = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(to, reason, clock.nowOffset(), before.id(), before.status()).update();
        if (n != 1) {
            throw ApiException.conflict("whitelist.entry.changed");
        }
        entryEvent(before.id(), before.status(), to, by, reason);
        audit.record("WL_ENTRY_" + to, "WhitelistEntry", before.id(), before.regionCode(),
                Map.of("status", before.status()), reason == null ? Map.of("status", to) : Map.of("status", to, "reason", reason));
    }

    private void entryEvent(String entryId, String from, String to, String by, String reason) {
        jdbc.sql("INSERT INTO wl_entry_event (entry_id, from_status, to_status, by_name, at, reason) VALUES (?, ?, ?, ?, ?, ?)")
                .params(entryId, from, to, by, clock.nowOffset(), reason).update();
    }

    // ---- objections --------------------------------------------------------------------------------------------

    @Transactional
    Objection lodge(String entryId, String contactName, String contactPhone, String reason) {
        Validation v = new Validation();
        v.required(entryId, "entryId");
        if (v.required(contactName, "contactName")) {
            v.maxLength(contactName, 60, "contactName");
        }
        if (v.required(contactPhone, "contactPhone")) {
            v.check(MOBILE.matcher(contactPhone.trim()).matches(), "contactPhone", "whitelist.objection.phone");
        }
        if (v.required(reason, "reason")) {
            v.maxLength(reason, 2000, "reason");
        }
        v.throwIfInvalid();
        Entry e = jdbc.sql(ENTRY_SELECT + " WHERE e.id = ? AND e.status IN ('PUBLICIZED', 'ACTIVE')").param(entryId)
                .query(this::mapEntry).optional().orElseThrow(() -> ApiException.notFound("whitelistEntry", entryId));
        // objections belong to the publicity period (公示期); afterwards a problem goes to the department, whose
        // remedy is 熔断 with its recorded cause, not a withdrawal by objection
        if (!"PUBLICIZED".equals(e.status()) || (e.publicityEndsAt() != null && !clock.nowOffset().isBefore(e.publicityEndsAt()))) {
            throw ApiException.conflict("whitelist.objection.publicityOver");
        }
        String id = Ids.newId();
        jdbc.sql("INSERT INTO wl_objection (id, entry_id, region_code, sector, enterprise_id, contact_name, contact_phone, "
                + "reason, status, lodged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
                .params(id, entryId, e.regionCode(), e.sector(), e.enterpriseId(), contactName.trim(),
                        contactPhone.trim(), reason.trim(), clock.nowOffset())
                .update();
        audit.record("WL_OBJECTION_LODGE", "WhitelistObjection", id, e.regionCode(), null,
                Map.of("entryId", entryId, "contactPhone", mask(contactPhone.trim())));
        notifications.send(Notice.of("WHITELIST_OBJECTION", "whitelist.notice.objection", "/whitelist/objections",
                e.name()), Recipients.roleAt(Role.SECTOR_OFFICER, e.regionCode(), Sector.valueOf(e.sector())));
        return objection(id);
    }

    /** {@code status} one of {@link WhitelistFilters#OBJECTION_STATUSES} or null (any). */
    PageResult<Objection> objections(CurrentUser user, String status, PageQuery page) {
        SqlFilter where = user.scope().subjects("o.region_code", "o.sector", "o.enterprise_id");
        if (status != null) {
            where = where.and(new SqlFilter("o.status = ?", List.of(status)));
        }
        return page(OBJECTION_COLUMNS, OBJECTION_FROM, where, "o.lodged_at DESC, o.id", page, this::mapObjection);
    }

    long countOpenObjections(CurrentUser user) {
        SqlFilter where = user.scope().subjects("region_code", "sector", "enterprise_id")
                .and(new SqlFilter("status = 'OPEN'", List.of()));
        return jdbc.sql("SELECT count(*) FROM wl_objection WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    private static final String OBJECTION_COLUMNS = "SELECT o.*, e.name AS enterprise_name";
    private static final String OBJECTION_FROM = "FROM wl_objection o JOIN wl_entry e ON e.id = o.entry_id";
    private static final String OBJECTION_SELECT = OBJECTION_COLUMNS + " " + OBJECTION_FROM;

    Objection objection(String id) {
        return jdbc.sql(OBJECTION_SELECT + " WHERE o.id = ?").param(id).query(this::mapObjection).optional()
                .orElseThrow(() -> ApiException.notFound("whitelistObjection", id));
    }

    /** Sustained: the entry is withdrawn and the application goes back to REJECTED with the reason. */
    @Transactional
    Objection decide(CurrentUser user, String id, boolean sustain, String note) {
        Objection o = objection(id);
        Entry e = entry(user, o.entryId());
        Validation v = new Validation();
        if (sustain) {
            v.required(note, "comment");
        }
        v.maxLength(note, 1000, "comment");
        v.throwIfInvalid();
        if (!isSectorOfficerOver(user, e.sector(), e.regionCode())) {
            throw ApiException.forbidden("whitelist.objection.notOfficer");
        }
        if (!"OPEN".equals(o.status())) {
            throw ApiException.conflict("whitelist.objection.decided");
        }
        String status = sustain ? "SUSTAINED" : "DISMISSED";
        jdbc.sql("UPDATE wl_objection SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?")
                .params(status, user.displayName(), clock.nowOffset(), note, id).update();
        audit.record("WL_OBJECTION_" + status, "WhitelistObjection", id, e.regionCode(), Map.of("status", "OPEN"),
                note == null ? Map.of("status", status) : Map.of("status", status, "note", note));
        if (sustain && List.of("PUBLICIZED", "ACTIVE").contains(e.status())) {
            String reason = note.trim();
            changeStatus(e, "WITHDRAWN", user.displayName(), reason);
            if ("ACTIVE".equals(e.status())) {
                subjects.setWhitelistStatus(e.enterpriseId(), WhitelistStatus.NONE, null);
            }
            jdbc.sql("UPDATE wl_application SET status = 'REJECTED', decision_reason = ?, updated_at = ? WHERE id = ?")
                    .params(reason, clock.nowOffset(), e.applicationId()).update();
            applications.event(e.applicationId(), "OBJECTION_SUSTAINED", "REJECTED", user.displayName(), reason);
            notifications.send(Notice.of("WHITELIST_ENTRY", "whitelist.notice.withdrawn", "/whitelist/applications/"
                    + e.applicationId(), e.name(), reason), Recipients.enterprise(e.enterpriseId()));
        } else {
            activateDue();
        }
        return objection(id);
    }

    // ---- chain protection --------------------------------------------------------------------------------------

    /** {@code status} one of {@link WhitelistFilters#RECOMMENDATION_STATUSES}, or null for OPEN. */
    PageResult<Recommendation> recommendations(CurrentUser user, String status, PageQuery page) {
        SqlFilter where = user.scope().subjects("region_code", "sector", "enterprise_id");
        where = where.and(new SqlFilter("status = ?", List.of(status == null ? "OPEN" : status)));
        return page("SELECT *", "FROM chain_recommendation", where, "created_at DESC, id", page,
                this::mapRecommendation);
    }

    @Transactional
    Recommendation decideRecommendation(CurrentUser user, String id, boolean invite) {
        SqlFilter scope = user.scope().subjects("region_code", "sector", "enterprise_id");
        List<Object> params = new ArrayList<>(scope.params());
        params.add(0, id);
        Recommendation r = jdbc.sql("SELECT * FROM chain_recommendation WHERE id = ? AND " + scope.sql()).params(params)
                .query(this::mapRecommendation).optional()
                .orElseThrow(() -> ApiException.notFound("chainRecommendation", id));
        if (!isSectorOfficerOver(user, r.sector(), r.regionCode())) {
            throw ApiException.forbidden("whitelist.recommendation.notOfficer");
        }
        if (!"OPEN".equals(r.status())) {
            throw ApiException.conflict("whitelist.recommendation.decided");
        }
        String status = invite ? "INVITED" : "DISMISSED";
        jdbc.sql("UPDATE chain_recommendation SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?")
                .params(status, user.displayName(), clock.nowOffset(), id).update();
        audit.record("WL_CHAIN_" + status, "ChainRecommendation", id, r.regionCode(), Map.of("status", "OPEN"),
                Map.of("status", status));
        if (invite) {
            notifications.send(Notice.of("WHITELIST_INVITE", "whitelist.notice.invited",
                    "/whitelist/applications/new?enterpriseId=" + r.enterpriseId(), r.enterpriseName(), r.sourceName()),
                    Recipients.enterprise(r.enterpriseId()));
        }
        return jdbc.sql("SELECT * FROM chain_recommendation WHERE id = ?").param(id).query(this::mapRecommendation)
                .single();
    }

    long countActive(CurrentUser user) {
        SqlFilter where = user.scope().subjects("region_code", "sector", "enterprise_id")
                .and(new SqlFilter("status = 'ACTIVE'", List.of()));
        return jdbc.sql("SELECT count(*) FROM wl_entry WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    static String mask(String phone) {
        return phone == null || phone.length() < 11 ? phone : phone.substring(0, 3) + "****" + phone.substring(7);
    }

    // ---- mapping -----------------------------------------------------------------------------------------------

    private Batch mapBatch(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        List<String> apps = jdbc.sql("SELECT id FROM wl_application WHERE batch_id = ? ORDER BY enterprise_name")
                .param(id).query(String.class).list();
        return new Batch(id, rs.getString("name"), rs.getString("sector"), rs.getString("region_code"),
                rs.getInt("publicity_days"), rs.getString("status"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class),
                apps);
    }

    private Entry mapEntry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("name"), rs.getString("uscc"),
                rs.getString("region_code"), rs.getString("sector"), rs.getString("wl_level"), rs.getString("status"),
                rs.getString("batch_id"), rs.getString("batch_name"), rs.getString("application_id"),
                rs.getObject("publicity_ends_at", OffsetDateTime.class),
                rs.getObject("active_since", OffsetDateTime.class), rs.getString("status_reason"));
    }

    private Objection mapObjection(ResultSet rs, int row) throws SQLException {
        return new Objection(rs.getString("id"), rs.getString("entry_id"), rs.getString("enterprise_name"),
                rs.getString("contact_name"), mask(rs.getString("contact_phone")), rs.getString("reason"),
                rs.getString("status"), rs.getObject("lodged_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_note"));
    }

    private Recommendation mapRecommendation(ResultSet rs, int row) throws SQLException {
        return new Recommendation(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("sector"), rs.getString("source_id"),
                rs.getString("source_name"), rs.getString("relation"), rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    Map<String, Object> entryView(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("enterpriseId", e.enterpriseId());
        m.put("name", e.name());
        m.put("uscc", e.uscc());
        m.put("regionCode", e.regionCode());
        m.put("sector", e.sector());
        m.put("level", e.level());
        m.put("status", e.status());
        m.put("batchId", e.batchId());
        m.put("batchName", e.batchName());
        m.put("applicationId", e.applicationId());
        m.put("publicityEndsAt", e.publicityEndsAt());
        m.put("activeSince", e.activeSince());
        m.put("statusReason", e.statusReason());
        return m;
    }
}
