package org.sibao.epidemic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.platform.personal.IdNumbers;
import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo rosters: three subjects per demo area with 5–20 employees each (valid ID numbers and phones, every post
 * type), test results and reports, and the first sweep's alerts of each kind; a second start seeds none. Other tests
 * share the context and may move the clock, so alerts are judged by those the seeding's sweep opened.
 */
@FullStackTest
class EpidemicDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EpidemicDemoData demo;

    @Autowired
    PersonalDataCipher cipher;

    private record Employee(String subjectId, String idEnc, String phoneEnc, String postType, OffsetDateTime rosteredAt) {
    }

    @Test
    void rostersWithResultsReportsAndAlertsOfEveryKind() {
        List<EpidemicDemoData.Target> targets = demo.targets();
        assertThat(targets).hasSizeBetween(10, 15);
        assertThat(targets.stream().filter(EpidemicDemoData.Target::active).count()).isEqualTo(10);
        List<Employee> staff = employees(targets);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(1);
        for (EpidemicDemoData.Target t : targets) {
            assertThat(staff.stream().filter(e -> e.subjectId().equals(t.subjectId())).count()).isBetween(5L, 20L);
        }
        assertThat(staff).allSatisfy(e -> {
            assertThat(IdNumbers.isValid(cipher.decrypt(e.idEnc()), today)).isTrue();
            assertThat(IdNumbers.isMobile(cipher.decrypt(e.phoneEnc()))).isTrue();
        });
        assertThat(staff.stream().map(Employee::postType).distinct()).containsExactlyInAnyOrder("FIXED", "MOBILE", "CITY_SUPPLY");

        assertThat(count("SELECT COUNT(*) FROM epi_test_result t JOIN epi_employee e ON e.seq = t.employee_seq "
                + "WHERE t.result = 'POSITIVE' AND e.subject_id IN (" + in(targets) + ")", targets)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM epi_test_result t JOIN epi_employee e ON e.seq = t.employee_seq "
                + "WHERE e.subject_id IN (" + in(targets) + ")", targets)).isGreaterThan(staff.size());
        for (EpidemicDemoData.Target t : targets) {
            long reports = jdbc.sql("SELECT COUNT(*) FROM epi_health_report WHERE subject_id = ?").param(t.subjectId())
                    .query(Long.class).single();
            assertThat(reports).isEqualTo(t.part() == EpidemicDemoData.Part.NO_REPORTS ? 0 : 3);
        }

        OffsetDateTime seededAt = staff.stream().map(Employee::rosteredAt).min(OffsetDateTime::compareTo).orElseThrow();
        List<Object> params = new java.util.ArrayList<>(ids(targets));
        params.add(seededAt.plusMinutes(5));
        List<String> opened = jdbc.sql("SELECT DISTINCT type FROM epi_alert WHERE subject_id IN (" + in(targets)
                + ") AND opened_at <= ?").params(params).query(String.class).list();
        assertThat(opened).contains("POSITIVE_RESULT", "SYMPTOM", "HEALTH_REPORT_MISSING", "TEST_OVERDUE");
        // 新县: a HIGH-risk arrival in isolation and a LOW-risk visitor whose landing test the seeding's sweep missed
        String xinxian = targets.stream().filter(t -> t.active() && t.regionCode().startsWith("411523")).findFirst()
                .orElseThrow().subjectId();
        assertThat(jdbc.sql("SELECT risk_level || ':' || status || ':' || CASE WHEN isolation_ends_on IS NULL THEN 'free'"
                + " ELSE 'isolated' END FROM epi_arrival WHERE subject_id = ? ORDER BY risk_level").param(xinxian)
                .query(String.class).list()).containsExactly("HIGH:REGISTERED:isolated", "LOW:BACKFILLED:free");
        assertThat(jdbc.sql("SELECT r.name FROM epi_alert a JOIN epi_arrival r ON r.id = a.arrival_id"
                + " WHERE a.subject_id = ? AND a.type = 'TEST_OVERDUE' AND a.opened_at <= ?")
                .params(xinxian, seededAt.plusMinutes(5)).query(String.class).list()).containsExactly("孙立新");
        // other tests of this context open incidents too: the demo's is the one with its note
        assertThat(jdbc.sql("SELECT kind || ':' || status FROM epi_incident WHERE note = ?")
                .param("抗原自测阳性，已单独隔离，等待核酸复检").query(String.class).list())
                .as("the positive result in temporary observation").containsExactly("FIRST_POSITIVE:OBSERVATION");
        assertThat(jdbc.sql("""
                SELECT a.type || ':' || a.status FROM epi_alert a JOIN epi_incident i ON i.id = a.incident_id
                WHERE i.note = ? AND a.employee_id = i.employee_id""").param("抗原自测阳性，已单独隔离，等待核酸复检")
                .query(String.class).list()).as("opened from its alert (转临时留观), which it acknowledged")
                .containsExactly("POSITIVE_RESULT:ACKNOWLEDGED");
    }

    @Test
    void aSecondStartSeedsNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM epi_employee").query(Long.class).single();
        long results = jdbc.sql("SELECT COUNT(*) FROM epi_test_result").query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_employee").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_test_result").query(Long.class).single()).isEqualTo(results);
    }

    private List<Employee> employees(List<EpidemicDemoData.Target> targets) {
        return jdbc.sql("SELECT subject_id, id_enc, phone_enc, post_type, rostered_at FROM epi_employee WHERE subject_id IN ("
                + in(targets) + ")").params(ids(targets))
                .query((rs, i) -> new Employee(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
    }

    private long count(String sql, List<EpidemicDemoData.Target> targets) {
        return jdbc.sql(sql).params(ids(targets)).query(Long.class).single();
    }

    private static List<Object> ids(List<EpidemicDemoData.Target> targets) {
        return targets.stream().map(t -> (Object) t.subjectId()).toList();
    }

    private static String in(List<EpidemicDemoData.Target> targets) {
        return String.join(",", targets.stream().map(t -> "?").toList());
    }
}
