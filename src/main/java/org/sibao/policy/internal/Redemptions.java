package org.sibao.policy.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.SqlFilter;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.audit.AuditLog;
import org.sibao.policy.RedemptionState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Push and redemption (兑现) of policy versions per subject in {@code policy_redemption}: a push when a subject is
 * first found ELIGIBLE for a version, then VIEWED, APPLIED, GRANTED (with the amount) or DECLINED (with a reason).
 */
@Component
class Redemptions {

    static final String ENTITY = "policyRedemption";

    record Redemption(String subjectId, String policyId, String regionCode, RedemptionState state,
            OffsetDateTime pushedAt, OffsetDateTime appliedAt, OffsetDateTime decidedAt, BigDecimal grantedYuan,
            String declineReason, String applicantNote) {
    }

    /** A row of a department's queue. */
    record QueueItem(String subjectId, String subjectName, String regionCode, String policyId, String policyCode,
            String policyTitle, String mode, RedemptionState state, String outcome, BigDecimal benefitYuan,
            OffsetDateTime appliedAt, String applicantNote, BigDecimal grantedYuan, String declineReason) {
    }

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final BusinessClock clock;
    private final AuditLog audit;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final org.sibao.identity.UserDirectory users;
    private final org.sibao.region.RegionService regions;

    Redemptions(JdbcClient jdbc, Notifications notifications, BusinessClock clock, AuditLog audit,
            org.springframework.context.ApplicationEventPublisher events, org.sibao.identity.UserDirectory users,
            org.sibao.region.RegionService regions) {
        this.events = events;
        this.users = users;
        this.regions = regions;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Pushes every ELIGIBLE match of a subject (or of a policy) that was never pushed: one row and one notice per
     * subject and policy version. Runs in the caller's transaction.
     */
    void pushNew(String subjectId, String policyId) {
        String where = subjectId != null ? "m.subject_id = ?" : "m.policy_id = ?";
        List<String[]> fresh = jdbc.sql("SELECT m.subject_id, m.policy_id, m.region_code, p.title FROM policy_match m"
                + " JOIN policy p ON p.id = m.policy_id WHERE " + where + " AND m.outcome = 'ELIGIBLE'"
                + " AND NOT EXISTS (SELECT 1 FROM policy_redemption r WHERE r.subject_id = m.subject_id"
                + " AND r.policy_id = m.policy_id) AND NOT " + claimedUnderAnotherVersion("m.subject_id", "m.policy_id"))
                .param(subjectId != null ? subjectId : policyId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        OffsetDateTime now = clock.nowOffset();
        for (String[] f : fresh) {
            jdbc.sql("INSERT INTO policy_redemption (subject_id, policy_id, region_code, state, pushed_at)"
                    + " VALUES (?, ?, ?, 'PUSHED', ?)").params(f[0], f[1], f[2], now).update();
            notifications.send(Notice.of("policy.pushed", "policy.notice.pushed", "/policies/mine", f[3]),
                    Recipients.enterprise(f[0]));
        }
    }

    /**
     * SQL: the subject (column {@code subject}) applied for or was granted another version of the policy (column
     * {@code policy})'s code. A new version of a measure is the same benefit: it is not pushed, applied for or
     * granted twice. Column names come from code.
     */
    static String claimedUnderAnotherVersion(String subject, String policy) {
        return "EXISTS (SELECT 1 FROM policy_redemption o JOIN policy op ON op.id = o.policy_id JOIN policy np ON np.id = "
                + policy + " WHERE o.subject_id = " + subject + " AND op.code = np.code AND o.policy_id <> np.id"
                + " AND o.state IN ('APPLIED', 'GRANTED'))";
    }

    /** Whether any redemption went past its push (viewed, applied or decided): the demo seeds only before any. */
    boolean anyTaken() {
        return jdbc.sql("SELECT COUNT(*) FROM policy_redemption WHERE state <> 'PUSHED'").query(Long.class).single() > 0;
    }

    /** The subject's redemption rows by policy id. */
    Map<String, Redemption> ofSubject(String subjectId) {
        Map<String, Redemption> out = new HashMap<>();
        jdbc.sql("SELECT subject_id, policy_id, region_code, state, pushed_at, applied_at, decided_at, granted_yuan,"
                + " decline_reason, applicant_note FROM policy_redemption WHERE subject_id = ?").param(subjectId)
                .query((rs, n) -> new Redemption(rs.getString(1), rs.getString(2), rs.getString(3),
                        RedemptionState.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                        rs.getBigDecimal(8), rs.getString(9), rs.getString(10)))
                .list().forEach(r -> out.put(r.policyId(), r));
        return out;
    }

    /** The subject's applied or granted redemptions by policy code (of whichever version; the latest decided). */
    Map<String, Redemption> claimedByCode(String subjectId) {
        Map<String, Redemption> out = new HashMap<>();
        jdbc.sql("SELECT r.subject_id, r.policy_id, r.region_code, r.state, r.pushed_at, r.applied_at, r.decided_at,"
                + " r.granted_yuan, r.decline_reason, r.applicant_note, p.code FROM policy_redemption r"
                + " JOIN policy p ON p.id = r.policy_id WHERE r.subject_id = ? AND r.state IN ('APPLIED', 'GRANTED')"
                + " ORDER BY p.version_no").param(subjectId)
                .query((rs, n) -> Map.entry(rs.getString(11), new Redemption(rs.getString(1), rs.getString(2),
                        rs.getString(3), RedemptionState.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                        rs.getBigDecimal(8), rs.getString(9), rs.getString(10))))
                .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Marks the subject's pushed policies VIEWED (its own user has seen them). */
    @Transactional
    void markViewed(String subjectId) {
        jdbc.sql("UPDATE policy_redemption SET state = 'VIEWED', viewed_at = ? WHERE subject_id = ? AND state = 'PUSHED'")
                .params(clock.nowOffset(), subjectId).update();
    }

    /** The enterprise applies: PUSHED or VIEWED (or no push yet) → APPLIED. */
    @Transactional
    Redemption apply(String subjectId, String regionCode, PolicyRow policy, String note) {
        Redemption before = ofSubject(subjectId).get(policy.id());
        OffsetDateTime now = clock.nowOffset();
        // the fragment binds the policy (np.id = ?) before the subject (o.subject_id = ?)
        boolean claimed = jdbc.sql("SELECT CASE WHEN " + claimedUnderAnotherVersion("?", "?") + " THEN 1 ELSE 0 END")
                .params(policy.id(), subjectId).query(Integer.class).single() == 1;
        if (claimed) {
            throw ApiException.conflict("policy.error.claimedEarlierVersion", policy.code());
        }
        if (before == null) {
            jdbc.sql("INSERT INTO policy_redemption (subject_id, policy_id, region_code, state, pushed_at, applied_at,"
                    + " applicant_note) VALUES (?, ?, ?, 'APPLIED', ?, ?, ?)")
                    .params(subjectId, policy.id(), regionCode, now, now, note).update();
        } else if (before.state() == RedemptionState.PUSHED || before.state() == RedemptionState.VIEWED) {
            jdbc.sql("UPDATE policy_redemption SET state = 'APPLIED', applied_at = ?, applicant_note = ?"
                    + " WHERE subject_id = ? AND policy_id = ?").params(now, note, subjectId, policy.id()).update();
        } else {
            throw ApiException.conflict("policy.error.state", before.state());
        }
        audit.record("policy.apply", ENTITY, subjectId + "/" + policy.id(), regionCode,
                before == null ? null : Map.of("state", before.state()), Map.of("state", RedemptionState.APPLIED,
                        "policy", policy.code()));
        notifications.send(Notice.of("policy.applied", "policy.notice.applied", "/policies/applications",
                policy.title()), deciders(policy, regionCode));
        return ofSubject(subjectId).get(policy.id());
    }

    /**
     * Who is told of an application: the policy's department nearest the subject (its county's, else its city's,
     * else the province's handlers of that department); the county's HQ office when the policy names none.
     */
    private Recipients deciders(PolicyRow policy, String countyCode) {
        if (policy.departmentCode() == null) {
            return Recipients.roleAt(org.sibao.identity.Role.HQ_OFFICER, countyCode);
        }
        for (org.sibao.region.Region region : regions.upwards(countyCode)) {
            List<String> ids = users.departmentUserIds(region.code(), policy.departmentCode());
            if (!ids.isEmpty()) {
                return Recipients.users(ids);
            }
        }
        return Recipients.roleAt(org.sibao.identity.Role.HQ_OFFICER, countyCode);
    }

    /** The department grants (APPLIED, or PUSHED/VIEWED for AUTO policies) or declines an application. */
    @Transactional
    Redemption decide(String subjectId, PolicyRow policy, boolean grant, BigDecimal grantedYuan, String reason) {
        Redemption before = ofSubject(subjectId).get(policy.id());
        if (before == null) {
            throw ApiException.notFound(ENTITY, subjectId);
        }
        boolean open = before.state() == RedemptionState.APPLIED
                || (policy.mode() == org.sibao.policy.PolicyMode.AUTO && (before.state() == RedemptionState.PUSHED
                        || before.state() == RedemptionState.VIEWED));
        if (!open) {
            throw ApiException.conflict("policy.error.state", before.state());
        }
        OffsetDateTime now = clock.nowOffset();
        String by = CurrentUser.find().map(CurrentUser::id).orElse(null);
        jdbc.sql("UPDATE policy_redemption SET state = ?, decided_at = ?, decided_by = ?, granted_yuan = ?,"
                + " decline_reason = ? WHERE subject_id = ? AND policy_id = ?")
                .params(grant ? "GRANTED" : "DECLINED", now, by, grant ? grantedYuan : null, grant ? null : reason,
                        subjectId, policy.id())
                .update();
        RedemptionState after = grant ? RedemptionState.GRANTED : RedemptionState.DECLINED;
        audit.record(grant ? "policy.grant" : "policy.decline", ENTITY, subjectId + "/" + policy.id(),
                before.regionCode(), Map.of("state", before.state()), grant
                        ? Map.of("state", after, "grantedYuan", grantedYuan)
                        : Map.of("state", after, "reason", reason));
        notifications.send(Notice.of(grant ? "policy.granted" : "policy.declined",
                grant ? "policy.notice.granted" : "policy.notice.declined", "/policies/mine", policy.title()),
                Recipients.enterprise(subjectId));
        events.publishEvent(new org.sibao.policy.PolicyReachChanged(policy.id()));
        return ofSubject(subjectId).get(policy.id());
    }

    /**
     * Of the listed subjects, those that cannot be confirmed for the policy: unknown, outside the scope, or neither
     * ELIGIBLE and waiting (pushed, viewed) nor already granted (a re-sent confirmation changes nothing).
     */
    List<String> notConfirmable(PolicyRow policy, DataScope scope, List<String> subjectIds) {
        if (subjectIds == null || subjectIds.isEmpty()) {
            return List.of();
        }
        SqlFilter filter = scope.regions("r.region_code");
        List<Object> params = new ArrayList<>();
        params.add(policy.id());
        params.addAll(filter.params());
        params.addAll(subjectIds);
        List<String> ok = jdbc.sql("SELECT r.subject_id FROM policy_redemption r WHERE r.policy_id = ? AND " + filter.sql()
                + " AND r.subject_id IN (" + String.join(", ", java.util.Collections.nCopies(subjectIds.size(), "?")) + ")"
                + " AND (r.state = 'GRANTED' OR r.state IN ('PUSHED', 'VIEWED') AND EXISTS (SELECT 1 FROM policy_match m"
                + " WHERE m.subject_id = r.subject_id AND m.policy_id = r.policy_id AND m.outcome = 'ELIGIBLE'))")
                .params(params).query(String.class).list();
        return subjectIds.stream().filter(id -> !ok.contains(id)).toList();
    }

    /**
     * AUTO (免申即享) confirmation: every pushed or viewed ELIGIBLE subject of the policy within {@code scope} (or the
     * listed ones) → GRANTED with the computed benefit (0 when unknown), in one statement. Returns how many.
     */
    @Transactional
    int confirmAuto(PolicyRow policy, DataScope scope, List<String> subjectIds) {
        SqlFilter filter = scope.regions("r.region_code");
        List<Object> params = new ArrayList<>();
        OffsetDateTime now = clock.nowOffset();
        String by = CurrentUser.find().map(CurrentUser::id).orElse(null);
        params.add(now);
        params.add(by);
        params.add(policy.id());
        params.addAll(filter.params());
        String only = "";
        if (subjectIds != null && !subjectIds.isEmpty()) {
            only = " AND r.subject_id IN (" + String.join(", ", java.util.Collections.nCopies(subjectIds.size(), "?")) + ")";
            params.addAll(subjectIds);
        }
        String where = "r.policy_id = ? AND r.state IN ('PUSHED', 'VIEWED') AND " + filter.sql() + only
                + " AND NOT " + claimedUnderAnotherVersion("r.subject_id", "r.policy_id")
                + " AND EXISTS (SELECT 1 FROM policy_match m WHERE m.subject_id = r.subject_id"
                + " AND m.policy_id = r.policy_id AND m.outcome = 'ELIGIBLE')";
        List<Object> selectParams = new ArrayList<>(params.subList(2, params.size()));
        List<String> ids = jdbc.sql("SELECT r.subject_id FROM policy_redemption r WHERE " + where)
                .params(selectParams).query(String.class).list();
        int n = jdbc.sql("UPDATE policy_redemption r SET state = 'GRANTED', decided_at = ?, decided_by = ?,"
                + " granted_yuan = COALESCE((SELECT m.benefit_yuan FROM policy_match m WHERE m.subject_id = r.subject_id"
                + " AND m.policy_id = r.policy_id), 0) WHERE " + where).params(params).update();
        audit.record("policy.confirmAuto", ENTITY, policy.id(), policy.regionCode(), null,
                Map.of("policy", policy.code(), "granted", n));
        for (String id : ids) {
            notifications.send(Notice.of("policy.granted", "policy.notice.granted", "/policies/mine", policy.title()),
                    Recipients.enterprise(id));
        }
        if (n > 0) {
            events.publishEvent(new org.sibao.policy.PolicyReachChanged(policy.id()));
        }
        return n;
    }

    /** The queue of redemptions within the caller's region for policies of the given department (null: all). */
    PageResult<QueueItem> queue(DataScope scope, String departmentCode, RedemptionState state, PageQuery page) {
        SqlFilter filter = scope.regions("r.region_code");
        List<Object> params = new ArrayList<>(filter.params());
        StringBuilder where = new StringBuilder(filter.sql());
        if (departmentCode != null) {
            where.append(" AND p.department_code = ?");
            params.add(departmentCode);
        }
        if (state != null) {
            where.append(" AND r.state = ?");
            params.add(state.name());
        }
        String from = " FROM policy_redemption r JOIN policy p ON p.id = r.policy_id JOIN subject s ON s.id = r.subject_id"
                + " LEFT JOIN policy_match m ON m.subject_id = r.subject_id AND m.policy_id = r.policy_id WHERE " + where;
        long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<QueueItem> items = jdbc.sql("SELECT r.subject_id, s.name, r.region_code, r.policy_id, p.code, p.title,"
                + " p.apply_mode, r.state, m.outcome, m.benefit_yuan, r.applied_at, r.applicant_note, r.granted_yuan,"
                + " r.decline_reason" + from + " ORDER BY CASE r.state WHEN 'APPLIED' THEN 0 ELSE 1 END, r.applied_at,"
                + " p.code, r.subject_id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> new QueueItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), RedemptionState.valueOf(rs.getString(8)),
                        rs.getString(9) == null ? "INELIGIBLE" : rs.getString(9), rs.getBigDecimal(10),
                        rs.getObject(11, OffsetDateTime.class), rs.getString(12), rs.getBigDecimal(13),
                        rs.getString(14)))
                .list();
        return page.result(items, total);
    }
}
