package org.sibao.epidemic.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Words;
import org.sibao.platform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 转临时留观: a sentinel alert about a person turned, in one step, into an incident under temporary observation —
 * seed 001 "一旦在厂区或宿舍区发现发热、咳嗽等可疑症状人员或初筛阳性，立即转移至临时留观点或观察宿舍", seed 004
 * "疑似症状人员,应暂时安置到临时观察点". A SYMPTOM alert opens a SUSPECTED incident, a POSITIVE_RESULT alert (the
 * sweep opens none by itself) a FIRST_POSITIVE one, for the alert's employee and subject, in the employee's zone
 * unless another is given; the alert is linked to the incident ({@code incidentId}) and acknowledged.
 *
 * <p>Outside the reader's scope the alert is not found (404); only epidemic officers and administrators take the
 * step (403); 409 for another type of alert, a resolved one, one without an employee (someone with symptoms who is
 * not on the roster: the subject's page reports an incident for them instead) and an employee who already has an
 * incident under observation or confirmed.
 */
@Service
@Transactional
class AlertObservation {

    record ObserveInput(String note, String zoneId) {
    }

    private static final Map<AlertType, String> KIND = Map.of(AlertType.SYMPTOM, "SUSPECTED",
            AlertType.POSITIVE_RESULT, "FIRST_POSITIVE");

    private final AlertService alerts;
    private final IncidentService incidents;
    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditLog audit;

    AlertObservation(AlertService alerts, IncidentService incidents, JdbcClient jdbc, BusinessClock clock, AuditLog audit) {
        this.alerts = alerts;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Whether the alert can be turned into an observation (the pages' button; the step itself says why not). */
    static boolean observable(AlertService.AlertView a) {
        return KIND.containsKey(a.type()) && a.employeeId() != null && !"RESOLVED".equals(a.status());
    }

    IncidentService.IncidentView observe(String alertId, ObserveInput in) {
        AlertService.AlertView alert = alerts.find(alertId);
        CurrentUser user = CurrentUser.get();
        if (!IncidentService.isOfficer(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        String kind = KIND.get(alert.type());
        if (kind == null) {
            throw ApiException.conflict("epidemic.alert.notObservable",
                    alert.type());
        }
        if ("RESOLVED".equals(alert.status())) {
            throw ApiException.conflict("epidemic.alert.observeResolved");
        }
        if (alert.employeeId() == null) {
            throw ApiException.conflict("epidemic.alert.observeNoEmployee");
        }
        IncidentService.IncidentView incident = incidents.openFromAlert(new IncidentService.IncidentInput(
                alert.enterpriseId(), alert.employeeId(), kind, in == null ? null : in.note(),
                in == null ? null : in.zoneId()), alert.type());
        jdbc.sql("""
                UPDATE epi_alert SET incident_id = ?, status = CASE WHEN status = 'OPEN' THEN 'ACKNOWLEDGED' ELSE status END,
                    acknowledged_at = COALESCE(acknowledged_at, ?), acknowledged_by = COALESCE(acknowledged_by, ?)
                WHERE id = ?""").params(incident.id(), clock.nowOffset(), user.id(), alertId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "OPEN".equals(alert.status()) ? "ACKNOWLEDGED" : alert.status());
        after.put("incidentId", incident.id());
        after.put("kind", kind);
        audit.record("epidemic.alert.observe", "alert", alertId, incident.regionCode(),
                Map.of("status", alert.status()), after);
        return incident;
    }
}
