package org.sibao.epidemic.internal;

import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.platform.personal.IdNumbers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.subject.SubjectFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily health reports (零报告/日报告): staff present and anyone with symptoms; an empty list is a zero report. One
 * report per subject and date: posting again replaces it. Dates may be today or up to 7 days back (late reports),
 * never in the future.
 */
@Service
@Transactional
class HealthReportService {

    static final int BACKDATE_DAYS = 7;

    /** A person with symptoms: by ID number, or by {@code employeeId} when on the subject's roster (as the form picks). */
    record SymptomInput(String idNumber, String symptom, String employeeId) {

        SymptomInput(String idNumber, String symptom) {
            this(idNumber, symptom, null);
        }
    }

    /** The stored identity of a symptomatic person: keyed hash, ciphertext and mask. */
    private record Identity(String hash, String enc, String mask) {
    }

    record ReportInput(String date, Integer present, List<SymptomInput> symptomatic) {
    }

    /** A person with symptoms as shown: the masked ID number, the symptom, and the name when on the roster. */
    record SymptomView(String idNumber, String symptom, String name) {
    }

    record ReportView(String enterpriseId, LocalDate date, int present, boolean zeroReport, List<SymptomView> symptomatic,
            OffsetDateTime reportedAt) {
    }

    /** The report and whether it replaced an earlier one for the same date. */
    record Saved(ReportView report, boolean replaced) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final EpidemicAccess access;
    private final BusinessClock clock;
    private final AuditLog audit;

    HealthReportService(JdbcClient jdbc, PersonalDataCipher cipher, EpidemicAccess access, BusinessClock clock,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
    }

    Saved submit(String enterpriseId, ReportInput in) {
        SubjectFacts subject = access.writable(enterpriseId);
        LocalDate today = clock.today();
        Validation v = new Validation();
        LocalDate date = null;
        if (v.required(in == null ? null : in.date(), "date")) {
            try {
                date = LocalDate.parse(in.date().trim());
                v.check(!date.isAfter(today), "date", "epidemic.report.dateFuture");
                v.check(!date.isBefore(today.minusDays(BACKDATE_DAYS)), "date", "epidemic.report.dateTooOld", BACKDATE_DAYS);
            } catch (DateTimeParseException e) {
                v.reject("date", "epidemic.report.dateFormat");
            }
        }
        if (v.required(in == null ? null : in.present(), "present")) {
            v.nonNegative(in.present(), "present");
        }
        List<SymptomInput> symptoms = in == null || in.symptomatic() == null ? List.of() : in.symptomatic();
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < symptoms.size(); i++) {
            Validation row = v.nested("symptomatic[" + i + "]");
            SymptomInput s = symptoms.get(i);
            Identity identity = null;
            if (s != null && s.employeeId() != null && !s.employeeId().isBlank()
                    && (s.idNumber() == null || s.idNumber().isBlank())) {
                // someone on the roster: their stored identity, never typed again nor decrypted
                identity = jdbc.sql("SELECT id_hash, id_enc, id_mask FROM epi_employee WHERE id = ? AND subject_id = ?")
                        .params(s.employeeId().trim(), subject.id())
                        .query((rs, n) -> new Identity(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                        .orElse(null);
                row.check(identity != null, "employeeId", "epidemic.report.notOnRoster");
            } else if (row.required(s == null ? null : s.idNumber(), "idNumber")) {
                String id = IdNumbers.normalize(s.idNumber());
                if (row.check(IdNumbers.isValid(id, today), "idNumber", "epidemic.idNumber.invalid")) {
                    identity = new Identity(cipher.hash(id), cipher.encrypt(id), IdNumbers.maskId(id));
                }
            }
            identities.add(identity);
            if (row.required(s == null ? null : s.symptom(), "symptom")) {
                row.maxLength(s.symptom().trim(), 100, "symptom");
            }
        }
        v.throwIfInvalid();
        OffsetDateTime now = clock.nowOffset();
        CurrentUser user = CurrentUser.get();
        boolean replaced = jdbc.sql("DELETE FROM epi_health_report WHERE subject_id = ? AND report_date = ?")
                .params(subject.id(), date).update() > 0;
        jdbc.sql("DELETE FROM epi_health_symptom WHERE subject_id = ? AND report_date = ?").params(subject.id(), date).update();
        jdbc.sql("""
                INSERT INTO epi_health_report (subject_id, report_date, region_code, sector, present, symptomatic,
                    reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(subject.id(), date, subject.regionCode(), subject.sector().name(), in.present(), symptoms.size(),
                        user.id(), now).update();
        List<SymptomView> views = new ArrayList<>();
        Map<String, String> names = rosterNames(subject.id(),
                identities.stream().map(Identity::hash).distinct().toList());
        for (int i = 0; i < symptoms.size(); i++) {
            Identity id = identities.get(i);
            String symptom = symptoms.get(i).symptom().trim();
            jdbc.sql("""
                    INSERT INTO epi_health_symptom (subject_id, report_date, seq, id_hash, id_enc, id_mask, symptom)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(subject.id(), date, i, id.hash(), id.enc(), id.mask(), symptom)
                    .update();
            views.add(new SymptomView(id.mask(), symptom, names.get(id.hash())));
        }
        audit.record(replaced ? "epidemic.healthReport.replace" : "epidemic.healthReport.submit", "enterprise",
                subject.id(), subject.regionCode(), null,
                Map.of("date", date.toString(), "present", in.present(), "symptomatic",
                        views.stream().map(x -> new SymptomView(x.idNumber(), x.symptom(), null)).toList()));
        return new Saved(new ReportView(subject.id(), date, in.present(), views.isEmpty(), views, now), replaced);
    }

    /** The names of those of {@code hashes} on the subject's roster, by keyed ID hash (one statement). */
    private Map<String, String> rosterNames(String subjectId, List<String> hashes) {
        Map<String, String> out = new java.util.HashMap<>();
        if (hashes.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>(List.of(subjectId));
        params.addAll(hashes);
        jdbc.sql("SELECT id_hash, name FROM epi_employee WHERE subject_id = ? AND id_hash IN ("
                + String.join(", ", java.util.Collections.nCopies(hashes.size(), "?")) + ")").params(params)
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    @Transactional(readOnly = true)
    List<ReportView> recent(String enterpriseId, int days) {
        SubjectFacts subject = access.readable(enterpriseId);
        LocalDate from = clock.today().minusDays(days);
        return jdbc.sql("""
                SELECT report_date, present, reported_at FROM epi_health_report WHERE subject_id = ? AND report_date >= ?
                ORDER BY report_date DESC""").params(subject.id(), from)
                .query((rs, n) -> {
                    LocalDate d = rs.getObject("report_date", LocalDate.class);
                    // by name when the person is on the roster (matched by the keyed hash, never decrypted)
                    List<SymptomView> s = jdbc.sql("""
                            SELECT h.id_mask, h.symptom, e.name FROM epi_health_symptom h
                            LEFT JOIN epi_employee e ON e.subject_id = h.subject_id AND e.id_hash = h.id_hash
                            WHERE h.subject_id = ? AND h.report_date = ? ORDER BY h.seq""")
                            .params(subject.id(), d)
                            .query((r2, m) -> new SymptomView(r2.getString(1), r2.getString(2), r2.getString(3))).list();
                    return new ReportView(subject.id(), d, rs.getInt("present"), s.isEmpty(), s,
                            rs.getObject("reported_at", OffsetDateTime.class));
                }).list();
    }
}
