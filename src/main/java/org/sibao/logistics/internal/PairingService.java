package org.sibao.logistics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Region;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairing (结对合作): an HQ officer or a sector officer of either side's sector whose region covers both subjects,
 * or the demand enterprise itself, proposes; the supply enterprise or an HQ officer confirms or declines; either
 * enterprise or an HQ officer ends an active pairing. See the module's package documentation for the rules.
 */
@Service
@Transactional
class PairingService {

    static final String PAIRING = "pairing";
    static final int MAX_NOTE = 500;
    static final int DEFAULT_SUGGESTIONS = 10;
    static final int MAX_SUGGESTIONS = 50;

    record ProposeRequest(String demandEnterpriseId, String supplyEnterpriseId, String kind, String note) {
    }

    record Decision(String reason) {
    }

    /** The suggestions for one demand subject and kind, best first. */
    record Suggestions(String demandEnterpriseId, String demandName, String demandRegionCode, PairingKind kind,
            List<PairingRepository.Suggestion> items) {
    }

    private final PairingRepository repository;
    private final Subjects subjects;
    private final AuditLog audit;
    private final Notifications notifications;
    private final BusinessClock clock;

    PairingService(PairingRepository repository, Subjects subjects, AuditLog audit, Notifications notifications,
            BusinessClock clock) {
        this.repository = repository;
        this.subjects = subjects;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    // --- who may do what

    /**
     * The scope in which a proposer looks subjects up: officials their region whatever the sector (a pairing crosses
     * sectors), an enterprise its own subject, a liaison the assigned ones.
     */
    static DataScope proposalScope(CurrentUser u) {
        DataScope s = u.scope();
        return new DataScope(s.role(), s.regionPrefix(), null, s.enterpriseId(), s.liaisonUserId());
    }

    /** Up to {@code limit} demand-side subjects the caller may propose for, matching a part of their name. */
    List<PairingRepository.Candidate> demandCandidates(String q, int limit) {
        CurrentUser u = CurrentUser.get();
        return repository.demandCandidates(proposalScope(u).subjects("s.region_code", "s.sector", "s.id"), q, limit);
    }

    /** Visible when either side lies in the caller's scope. */
    static SqlFilter readScope(CurrentUser u) {
        DataScope s = u.scope();
        SqlFilter demand = s.subjects("demand_region_code", "demand_sector", "demand_id");
        SqlFilter supply = s.subjects("supply_region_code", "supply_sector", "supply_id");
        List<Object> params = new ArrayList<>(demand.params());
        params.addAll(supply.params());
        return new SqlFilter("(" + demand.sql() + ") OR (" + supply.sql() + ")", params);
    }

    static boolean canPropose(CurrentUser u) {
        return u.is(Role.HQ_OFFICER, Role.SECTOR_OFFICER, Role.ENTERPRISE);
    }

    /** Confirming or declining: the supply enterprise's own user or an HQ officer. */
    static boolean mayConfirm(CurrentUser u, Pairing p) {
        return u.role() == Role.HQ_OFFICER || (u.role() == Role.ENTERPRISE && p.supplyEnterpriseId().equals(u.enterpriseId()));
    }

    /** Ending: either enterprise's own user or an HQ officer. */
    static boolean mayEnd(CurrentUser u, Pairing p) {
        return u.role() == Role.HQ_OFFICER || (u.role() == Role.ENTERPRISE
                && (p.supplyEnterpriseId().equals(u.enterpriseId()) || p.demandEnterpriseId().equals(u.enterpriseId())));
    }

    // --- proposing

    Pairing propose(ProposeRequest in) {
        CurrentUser user = CurrentUser.get();
        if (!canPropose(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        Validation v = new Validation();
        String demandId = trim(in.demandEnterpriseId());
        String supplyId = trim(in.supplyEnterpriseId());
        v.required(demandId, "demandEnterpriseId");
        v.required(supplyId, "supplyEnterpriseId");
        PairingKind kind = null;
        if (v.required(trim(in.kind()), "kind")) {
            kind = parseKind(v, in.kind());
        }
        String note = trim(in.note());
        v.maxLength(note, MAX_NOTE, "note");
        v.throwIfInvalid();

        Optional<SubjectFacts> demand = subjects.find(demandId, proposalScope(user));
        if (v.check(demand.isPresent(), "demandEnterpriseId", "pairings.subject.unknown", demandId)) {
            v.check(PairingKind.DEMAND_SECTORS.contains(demand.get().sector()), "demandEnterpriseId",
                    "pairings.demand.sector");
        }
        // an enterprise names its partner platform-wide, as a carrier names the subjects it serves
        DataScope supplyScope = user.role() == Role.ENTERPRISE ? DataScope.system() : proposalScope(user);
        Optional<SubjectFacts> supply = subjects.find(supplyId, supplyScope);
        if (v.check(supply.isPresent(), "supplyEnterpriseId", "pairings.subject.unknown", supplyId)
                && kind != null) {
            v.check(kind.fits(supply.get().sector(), supply.get().industryCode()), "supplyEnterpriseId",
                    "pairings.supply.kind", kind.name());
        }
        v.throwIfInvalid();
        SubjectFacts d = demand.get();
        SubjectFacts s = supply.get();
        if (user.role() == Role.SECTOR_OFFICER && user.sector() != d.sector() && user.sector() != s.sector()) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (repository.openExists(d.id(), s.id(), kind)) {
            throw ApiException.conflict("pairings.duplicate");
        }
        Pairing p = new Pairing(Ids.newId(), kind, PairingStatus.PROPOSED, d.id(), d.name(), d.regionCode(),
                d.sector().name(), s.id(), s.name(), s.regionCode(), s.sector().name(), note, user.id(),
                clock.nowOffset(), null, null, null, null, null, 0);
        repository.insert(p);
        audit.record("pairings.propose", PAIRING, p.id(), p.demandRegionCode(), null, auditView(p));
        notify(p, "pairings.notice.proposed", p.supplyEnterpriseId());
        if (!d.id().equals(user.enterpriseId())) {
            notify(p, "pairings.notice.proposed", p.demandEnterpriseId());
        }
        return p;
    }

    // --- decisions

    Pairing confirm(String id) {
        return answer(id, PairingStatus.ACTIVE, null, "confirm", "confirmed");
    }

    Pairing decline(String id, Decision d) {
        return answer(id, PairingStatus.DECLINED, reason(d), "decline", "declined");
    }

    /** The supply side's (or the HQ's) answer to a proposal; the demand enterprise is told. */
    private Pairing answer(String id, PairingStatus to, String reason, String action, String notice) {
        CurrentUser user = CurrentUser.get();
        Pairing before = stored(id);
        requireAllowed(before, PairingStatus.PROPOSED, mayConfirm(user, before));
        Pairing after = before.decided(to, user.id(), clock.nowOffset(), reason);
        save(before, after, "pairings." + action);
        notify(after, "pairings.notice." + notice, after.demandEnterpriseId());
        return after;
    }

    Pairing end(String id, Decision d) {
        CurrentUser user = CurrentUser.get();
        Pairing before = stored(id);
        String reason = reason(d);
        requireAllowed(before, PairingStatus.ACTIVE, mayEnd(user, before));
        Pairing after = before.ended(user.id(), clock.nowOffset(), reason);
        save(before, after, "pairings.end");
        if (!after.demandEnterpriseId().equals(user.enterpriseId())) {
            notify(after, "pairings.notice.ended", after.demandEnterpriseId());
        }
        if (!after.supplyEnterpriseId().equals(user.enterpriseId())) {
            notify(after, "pairings.notice.ended", after.supplyEnterpriseId());
        }
        return after;
    }

    // --- reading

    @Transactional(readOnly = true)
    Pairing pairing(String id) {
        return stored(id);
    }

    @Transactional(readOnly = true)
    PageResult<Pairing> pairings(String regionCode, String status, String enterpriseId, PageQuery page) {
        return repository.list(filter(regionCode, status, enterpriseId), page);
    }

    /** At most {@code limit} pairings for the export, the same filter as the list. */
    @Transactional(readOnly = true)
    List<Pairing> export(String regionCode, String status, String enterpriseId, int limit) {
        return repository.all(filter(regionCode, status, enterpriseId), limit);
    }

    private SqlFilter filter(String regionCode, String status, String enterpriseId) {
        SqlFilter where = readScope(CurrentUser.get());
        if (regionCode != null && !regionCode.isBlank()) {
            String code = regionCode.trim();
            if (!code.matches("\\d{6}")) {
                throw ApiException.invalid("regionCode", "pairings.regionCode.invalid", code);
            }
            String prefix = Region.prefixOf(code) + "%";
            where = where.and(new SqlFilter("demand_region_code LIKE ? OR supply_region_code LIKE ?", List.of(prefix, prefix)));
        }
        if (status != null && !status.isBlank()) {
            where = where.and(new SqlFilter("status = ?", List.of(parseStatus(status).name())));
        }
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            String e = enterpriseId.trim();
            where = where.and(new SqlFilter("demand_id = ? OR supply_id = ?", List.of(e, e)));
        }
        return where;
    }

    /**
     * Supply subjects for a demand subject the caller may propose for. Officials get candidates under their own
     * region (a proposal needs a region covering both); enterprises and liaisons the whole province.
     */
    @Transactional(readOnly = true)
    Suggestions suggestions(String enterpriseId, String kindText, Integer limit) {
        CurrentUser user = CurrentUser.get();
        SubjectFacts demand = subjects.find(enterpriseId, proposalScope(user))
                .orElseThrow(() -> ApiException.notFound("enterprise", enterpriseId));
        Validation v = new Validation();
        PairingKind kind = v.required(trim(kindText), "kind") ? parseKind(v, kindText) : null;
        v.check(PairingKind.DEMAND_SECTORS.contains(demand.sector()), "enterpriseId", "pairings.demand.sector");
        int n = limit == null ? DEFAULT_SUGGESTIONS : limit;
        v.check(n >= 1 && n <= MAX_SUGGESTIONS, "limit", "pairings.limit.range", MAX_SUGGESTIONS);
        v.throwIfInvalid();
        String province = demand.regionCode().substring(0, 2);
        String prefix = user.regionPrefix() != null && user.regionPrefix().length() > province.length()
                && !user.is(Role.ENTERPRISE, Role.LIAISON) ? user.regionPrefix() : province;
        return new Suggestions(demand.id(), demand.name(), demand.regionCode(), kind,
                repository.suggestions(demand.id(), demand.regionCode(), kind, prefix, n));
    }

    // --- helpers

    private Pairing stored(String id) {
        return repository.find(id, readScope(CurrentUser.get())).orElseThrow(() -> ApiException.notFound(PAIRING, id));
    }

    private static void requireAllowed(Pairing p, PairingStatus expected, boolean allowed) {
        if (!allowed) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (p.status() != expected) {
            throw ApiException.conflict("pairings.wrongStatus", p.status());
        }
    }

    private void save(Pairing before, Pairing after, String action) {
        if (!repository.update(after, before.version())) {
            throw ApiException.conflict("pairings.concurrent");
        }
        audit.record(action, PAIRING, after.id(), after.demandRegionCode(), auditView(before), auditView(after));
    }

    private void notify(Pairing p, String key, String enterpriseId) {
        notifications.send(Notice.of("PAIRINGS", key, "/pairings/" + p.id(), p.demandName(), p.supplyName()),
                Recipients.enterprise(enterpriseId));
    }

    private static String reason(Decision d) {
        String r = d == null ? null : trim(d.reason());
        Validation v = new Validation();
        v.maxLength(r, MAX_NOTE, "reason");
        v.throwIfInvalid();
        return r;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static PairingKind parseKind(Validation v, String value) {
        try {
            return PairingKind.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            v.reject("kind", "pairings.kind.unknown", value);
            return null;
        }
    }

    private static PairingStatus parseStatus(String value) {
        try {
            return PairingStatus.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "pairings.status.unknown", value);
        }
    }

    private static Map<String, Object> auditView(Pairing p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind());
        m.put("status", p.status());
        m.put("demandEnterpriseId", p.demandEnterpriseId());
        m.put("supplyEnterpriseId", p.supplyEnterpriseId());
        m.put("note", String.valueOf(p.note()));
        m.put("reason", String.valueOf(p.reason()));
        return m;
    }
}
