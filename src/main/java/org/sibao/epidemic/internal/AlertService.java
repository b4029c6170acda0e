package org.sibao.epidemic.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.Words;
import org.sibao.platform.audit.AuditLog;
import org.sibao.subject.SubjectFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sentinel alerts as users see them (scoped like subjects), acknowledgement, and a subject's risk level from its
 * unresolved alerts: HIGH with a POSITIVE_RESULT or SYMPTOM alert, MEDIUM with TEST_OVERDUE or ARRIVAL_UNREGISTERED,
 * LOW otherwise (no alert, or only a missing daily report); and at least the area's risk level while an arrival
 * from a MEDIUM or HIGH risk area is in centralised isolation (arrival date ≤ today &lt; isolation end).
 */
@Service
@Transactional
class AlertService {

    enum RiskLevel {
        LOW, MEDIUM, HIGH
    }

    /**
     * The contract's alert item plus names for the UI; {@code arrivalId} and {@code arrivalName} for an alert about
     * an arrival (its landing test); the incident it was turned into ({@link AlertObservation}).
     */
    record AlertView(String id, AlertType type, String enterpriseId, String enterpriseName, String employeeId,
            String employeeName, OffsetDateTime openedAt, String status, OffsetDateTime acknowledgedAt,
            OffsetDateTime resolvedAt, String arrivalId, String arrivalName, String incidentId) {
    }

    /** @param arrivalsInIsolation arrivals from MEDIUM or HIGH risk areas in isolation today, by area risk level */
    record SubjectRisk(String enterpriseId, RiskLevel riskLevel, Map<AlertType, Integer> openAlerts,
            Map<RiskLevel, Integer> arrivalsInIsolation) {
    }

    private static final String SELECT_VIEW = """
            SELECT a.id, a.type, a.subject_id, s.name AS subject_name, a.employee_id, e.name AS employee_name,
                a.opened_at, a.status, a.acknowledged_at, a.resolved_at, a.arrival_id, r.name AS arrival_name, a.incident_id
            FROM epi_alert a JOIN subject s ON s.id = a.subject_id LEFT JOIN epi_employee e ON e.id = a.employee_id
                LEFT JOIN epi_arrival r ON r.id = a.arrival_id
            WHERE""";

    private final JdbcClient jdbc;
    private final EpidemicAccess access;
    private final BusinessClock clock;
    private final AuditLog audit;

    private final org.sibao.region.RegionService regions;

    AlertService(JdbcClient jdbc, EpidemicAccess access, BusinessClock clock, AuditLog audit,
            org.sibao.region.RegionService regions) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
    }

    static SqlFilter scope(CurrentUser user) {
        return user.scope().subjects("a.region_code", "a.sector", "a.subject_id");
    }

    @Transactional(readOnly = true)
    PageResult<AlertView> list(String enterpriseId, String type, String status, PageQuery page) {
        return list(enterpriseId, type, status, null, page);
    }

    /** As above, narrowed to a region and everything under it ({@code regionCode} six digits, or null). */
    PageResult<AlertView> list(String enterpriseId, String type, String status, String regionCode, PageQuery page) {
        Validation v = new Validation();
        if (regionCode != null && !regionCode.isBlank()) {
            v.check(regionCode.trim().matches("\\d{6}") && regions.find(regionCode.trim()).isPresent(), "regionCode",
                    "validation.badValue");
        }
        if (type != null && !type.isBlank()) {
            v.check(parse(type) != null, "type", "epidemic.alert.type.invalid", type);
        }
        if (status != null && !status.isBlank()) {
            v.check(List.of("OPEN", "ACKNOWLEDGED", "RESOLVED").contains(status.trim()), "status",
                    "epidemic.alert.status.invalid", status);
        }
        v.throwIfInvalid();
        SqlFilter filter = scope(CurrentUser.get());
        StringBuilder where = new StringBuilder(filter.sql());
        List<Object> params = new ArrayList<>(filter.params());
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            where.append(" AND a.subject_id = ?");
            params.add(enterpriseId.trim());
        }
        if (regionCode != null && !regionCode.isBlank()) {
            where.append(" AND a.region_code LIKE ?");
            params.add(org.sibao.region.Region.prefixOf(regionCode.trim()) + "%");
        }
        if (type != null && !type.isBlank()) {
            where.append(" AND a.type = ?");
            params.add(type.trim());
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND a.status = ?");
            params.add(status.trim());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM epi_alert a WHERE " + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<AlertView> items = jdbc.sql(SELECT_VIEW + " " + where + " ORDER BY a.opened_at DESC, a.id LIMIT ? OFFSET ?")
                .params(pageParams).query((rs, n) -> view(rs)).list();
        return page.result(items, total);
    }

    private static AlertView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AlertView(rs.getString("id"), AlertType.valueOf(rs.getString("type")), rs.getString("subject_id"),
                rs.getString("subject_name"), rs.getString("employee_id"), rs.getString("employee_name"),
                rs.getObject("opened_at", OffsetDateTime.class), rs.getString("status"),
                rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getString("arrival_id"), rs.getString("arrival_name"), rs.getString("incident_id"));
    }

    static AlertType parse(String type) {
        try {
            return AlertType.valueOf(type.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Officials who watch alerts acknowledge them: epidemic officers, HQ officers, administrators (others 403). */
    AlertView acknowledge(String id) {
        CurrentUser user = CurrentUser.get();
        AlertView before = find(id);
        if (!user.is(Role.EPIDEMIC_OFFICER, Role.HQ_OFFICER, Role.ADMIN)) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (!"OPEN".equals(before.status())) {
            throw ApiException.conflict("epidemic.alert.notOpen", Words.label("AlertStatus", before.status()));
        }
        jdbc.sql("UPDATE epi_alert SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND status = 'OPEN'")
                .params(clock.nowOffset(), user.id(), id).update();
        AlertView after = find(id);
        String region = jdbc.sql("SELECT region_code FROM epi_alert WHERE id = ?").param(id).query(String.class).single();
        audit.record("epidemic.alert.acknowledge", "alert", id, region, Map.of("status", before.status()),
                Map.of("status", after.status()));
        return after;
    }

    @Transactional(readOnly = true)
    AlertView find(String id) {
        SqlFilter filter = scope(CurrentUser.get());
        List<Object> params = new ArrayList<>(filter.params());
        params.add(id);
        return jdbc.sql(SELECT_VIEW + " " + filter.sql() + " AND a.id = ?").params(params).query((rs, n) -> view(rs)).optional()
                .orElseThrow(() -> ApiException.notFound("alert", id));
    }

    @Transactional(readOnly = true)
    SubjectRisk risk(String enterpriseId) {
        SubjectFacts subject = access.readable(enterpriseId);
        Map<AlertType, Integer> open = new EnumMap<>(AlertType.class);
        jdbc.sql("SELECT type, COUNT(*) AS n FROM epi_alert WHERE subject_id = ? AND status IN ('OPEN', 'ACKNOWLEDGED') GROUP BY type")
                .param(subject.id())
                .query((rs, n) -> open.put(AlertType.valueOf(rs.getString("type")), rs.getInt("n"))).list();
        Map<RiskLevel, Integer> isolated = new EnumMap<>(RiskLevel.class);
        java.time.LocalDate today = clock.today();
        jdbc.sql("""
                SELECT risk_level, COUNT(*) AS n FROM epi_arrival
                WHERE subject_id = ? AND isolation_ends_on > ? AND arrival_date <= ? GROUP BY risk_level""")
                .params(subject.id(), today, today)
                .query((rs, n) -> isolated.put(RiskLevel.valueOf(rs.getString("risk_level")), rs.getInt("n"))).list();
        return new SubjectRisk(subject.id(), riskOf(open, isolated.keySet()), open, isolated);
    }

    /** From the open alerts, raised to the highest risk level of an area whose arrivals are in isolation. */
    static RiskLevel riskOf(Map<AlertType, Integer> open, java.util.Set<RiskLevel> isolatedFrom) {
        RiskLevel byAlerts = RiskLevel.LOW;
        if (open.containsKey(AlertType.POSITIVE_RESULT) || open.containsKey(AlertType.SYMPTOM)) {
            byAlerts = RiskLevel.HIGH;
        } else if (open.containsKey(AlertType.TEST_OVERDUE) || open.containsKey(AlertType.ARRIVAL_UNREGISTERED)) {
            byAlerts = RiskLevel.MEDIUM;
        }
        return isolatedFrom.stream().reduce(byAlerts, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    /** Unresolved alerts in the user's scope, for the home page. */
    @Transactional(readOnly = true)
    long countOpen(CurrentUser user) {
        SqlFilter filter = scope(user);
        return jdbc.sql("SELECT COUNT(*) FROM epi_alert a WHERE " + filter.sql() + " AND a.status = 'OPEN'")
                .params(filter.params()).query(Long.class).single();
    }
}
