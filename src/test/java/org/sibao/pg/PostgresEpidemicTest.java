package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.counts;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.epidemic.EpidemicFixtures;
import org.sibao.epidemic.TestIds;
import org.sibao.identity.DataScope;
import org.sibao.subject.OperationMode;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The epidemic module on PostgreSQL: test results through the COPY path (duplicates, unknown ID numbers, the
 * latest result), the sweep's set-based SQL, and the emergency switch's one UPDATE.
 */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresEpidemicTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresSchema.productionSettings(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Subjects subjects;

    @Autowired
    ApplicationContext context;

    private ApiClient user(String username, String role, String region) {
        jdbc.sql("""
                INSERT INTO app_user (id, username, password_hash, display_name, role, region_code, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), username, new BCryptPasswordEncoder().encode("Pg@test2022"),
                        username, role, region, OffsetDateTime.now())
                .update();
        return new ApiClient(port).as(username, "Pg@test2022");
    }

    @Test
    void ingestsThroughCopySweepsAndSwitchesOnPostgres() {
        assertThat(context.getBean("testResultIngest").getClass().getSimpleName()).isEqualTo("PostgresTestResultIngest");
        ApiClient admin = user("pg_epi_admin", "ADMIN", "410000");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        String subject = fx.activeSubject("410184");
        String fixed = TestIds.next();
        String mobile = TestIds.next();
        Map<String, Object> first = EpidemicFixtures.employee("固定", fixed, "FIXED");
        Map<String, Object> second = EpidemicFixtures.employee("流动", mobile, "MOBILE");
        fx.roster(subject, first, second);
        // stored encrypted: neither the ID number nor the phone appears in clear (ciphertext is Base64, so it may
        // well start with a digit: compare with the values themselves)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_employee WHERE id_enc LIKE ? OR phone_enc IN (?, ?)")
                .params("%" + fixed + "%", first.get("phone"), second.get("phone")).query(Long.class).single()).isZero();

        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String old = now.minusHours(50).toString();
        String csv = fixed + "," + old + ",PCR,NEGATIVE\n"
                + fixed + "," + old + ",PCR,NEGATIVE\n"          // twice in one request
                + mobile + "," + now.minusHours(1) + ",ANTIGEN,NEGATIVE\n"
                + TestIds.next() + "," + old + ",PCR,NEGATIVE\n"  // on no roster
                + mobile + ",not-a-time,PCR,NEGATIVE\n";
        ApiClient.Response r = fx.results(csv);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(r.body().get("duplicates").asInt()).isEqualTo(1);
        assertThat(r.body().get("rejected").asInt()).isEqualTo(2);
        ApiClient.Response again = fx.results(csv);
        assertThat(again.body().get("accepted").asInt()).isZero();
        assertThat(again.body().get("duplicates").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_test_result r JOIN epi_employee e ON e.seq = r.employee_seq WHERE e.subject_id = ?")
                .param(subject).query(Long.class).single()).isEqualTo(2);

        ApiClient.Response swept = fx.sweep();
        assertThat(swept.body().get("opened").asInt()).isPositive();
        String fixedId = jdbc.sql("SELECT id FROM epi_employee WHERE name = '固定'").query(String.class).single();
        String mobileId = jdbc.sql("SELECT id FROM epi_employee WHERE name = '流动'").query(String.class).single();
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", fixedId)).containsExactly("OPEN");
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", mobileId)).isEmpty();
        assertThat(fx.alertStatuses(subject, "HEALTH_REPORT_MISSING", null)).containsExactly("OPEN");
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", fixedId)).containsExactly("OPEN");

        fx.results(fixed + "," + now.minusMinutes(30) + ",PCR,NEGATIVE\n" + mobile + "," + now.minusMinutes(30) + ",PCR,POSITIVE\n");
        Map<String, Object> latest = jdbc.sql("SELECT last_result, last_negative_at FROM epi_latest_result WHERE employee_seq = (SELECT seq FROM epi_employee WHERE id = ?)").param(mobileId)
                .query().singleRow();
        assertThat(latest.get("last_result")).isEqualTo("POSITIVE");
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", fixedId)).containsExactly("RESOLVED");
        assertThat(fx.alertStatuses(subject, "POSITIVE_RESULT", mobileId)).containsExactly("OPEN");

        ApiClient hq = user("pg_hq_xz", "HQ_OFFICER", "410184");
        assertThat(user("pg_hq_kf", "HQ_OFFICER", "410200").put("/api/v1/regions/410184/mode",
                Map.of("mode", "EMERGENCY", "reason", "x")).status()).as("another city's region: forbidden").isEqualTo(403);
        ApiClient.Response on = hq.put("/api/v1/regions/410184/mode", Map.of("mode", "EMERGENCY", "reason", "本土病例"));
        assertThat(on.status()).as(on.raw()).isEqualTo(200);
        assertThat(on.body().get("affectedEnterprises").asInt()).isEqualTo(1);
        assertThat(subjects.find(subject, DataScope.system()).orElseThrow().operationMode()).isEqualTo(OperationMode.CLOSED_LOOP);
        assertThat(admin.get("/api/v1/regions/410184/mode").text("mode")).isEqualTo("EMERGENCY");
        ApiClient.Response off = hq.put("/api/v1/regions/410184/mode", Map.of("mode", "NORMAL", "reason", "解除"));
        assertThat(off.body().get("affectedEnterprises").asInt()).isEqualTo(1);
        assertThat(subjects.find(subject, DataScope.system()).orElseThrow().operationMode()).isEqualTo(OperationMode.NORMAL);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_mode_switch").query(Long.class).single()).isEqualTo(2);
        assertThat(List.of(on.text("mode"), off.text("mode"))).containsExactly("EMERGENCY", "NORMAL");
    }

    @Test
    void arrivalsIsolationAndLandingTestsOnPostgres() {
        ApiClient admin = user("pg_epi_arrivals", "ADMIN", "410000");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        String subject = fx.activeSubject("410721");
        String returnee = TestIds.next();
        fx.roster(subject, EpidemicFixtures.employee("返岗", returnee, "FIXED"));
        String employeeId = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ?").param(subject).query(String.class).single();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        // the clock stands still here: arrived two days ago, unregistered, so the landing tests are overdue now
        String back = admin.post("/api/v1/enterprises/" + subject + "/arrivals/unregistered", Map.of("name", "返岗",
                "idNumber", returnee, "arrivalDate", today.minusDays(2).toString())).text("id");
        String visitor = admin.post("/api/v1/enterprises/" + subject + "/arrivals/unregistered", Map.of("name", "访客",
                "idNumber", TestIds.next(), "arrivalDate", today.minusDays(2).toString())).text("id");
        ApiClient.Response high = admin.post("/api/v1/enterprises/" + subject + "/arrivals", Map.of("name", "隔离",
                "idNumber", TestIds.next(), "origin", "上海市", "riskLevel", "HIGH", "arrivalDate", today.toString()));
        assertThat(high.body().get("entryAllowed").asBoolean()).as(high.raw()).isFalse();
        assertThat(admin.get("/api/v1/enterprises/" + subject + "/epidemic-risk").text("riskLevel")).isEqualTo("HIGH");

        fx.sweep();
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", back)).containsExactly("OPEN:" + employeeId);
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", visitor)).containsExactly("OPEN");
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", high.text("id"))).isEmpty();

        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        counts(fx.results(returnee + "," + now.minusHours(1) + ",PCR,NEGATIVE\n"), 1, 0, 0);
        assertThat(admin.post("/api/v1/epidemic/arrivals/" + visitor + "/landing-test", Map.of("result", "POSITIVE",
                "sampledAt", now.minusHours(2).toString())).status()).isEqualTo(200);
        fx.sweep();
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", back)).containsExactly("RESOLVED:" + employeeId);
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", visitor)).containsExactly("RESOLVED");
        assertThat(fx.arrivalAlertStatuses(subject, "POSITIVE_RESULT", visitor)).containsExactly("OPEN");
    }

    @Test
    void codeProtectionAndNamedDailyReportsOnPostgres() {
        ApiClient admin = user("pg_epi_codes", "ADMIN", "410000");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        // 中原区: the other tests count the subjects of 新郑
        String subject = fx.activeSubject("410102");
        String id = TestIds.next();
        fx.roster(subject, EpidemicFixtures.employee("赋码员工", id, "FIXED"));
        ApiClient.Response listed = admin.get("/api/v1/epidemic/code-protection?regionCode=410102&reveal=true&size=500");
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.raw()).contains("赋码员工", id);
        assertThat(admin.getBytes("/api/v1/epidemic/code-protection/export?regionCode=410102").statusCode()).isEqualTo(200);

        String employeeId = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ?").param(subject).query(String.class).single();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        ApiClient.Response report = admin.post("/api/v1/enterprises/" + subject + "/health-reports", Map.of("date", today,
                "present", 1, "symptomatic", List.of(Map.of("employeeId", employeeId, "symptom", "咳嗽"))));
        assertThat(report.status()).as(report.raw()).isIn(200, 201);
        assertThat(admin.get("/api/v1/enterprises/" + subject + "/health-reports").raw()).contains("赋码员工", "咳嗽");
    }

    @Test
    void sampleTimesAreStoredToTheMicrosecondAndKeyedByTheirInstantOnPostgres() {
        ApiClient admin = user("pg_epi_clock", "ADMIN", "410000");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        String subject = fx.activeSubject("410184");
        String idNumber = TestIds.next();
        fx.roster(subject, EpidemicFixtures.employee("微秒", idNumber, "FIXED"));
        // written in binary by the COPY: microseconds since 2000-01-01, whatever offset the sender wrote
        OffsetDateTime sampled = OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusHours(3)
                .withNano(123_456_789);
        ApiClient.Response first = fx.results(idNumber + "," + sampled + ",PCR,NEGATIVE\n");
        assertThat(first.body().get("accepted").asInt()).as(first.raw()).isEqualTo(1);
        OffsetDateTime stored = jdbc.sql("""
                SELECT r.sampled_at FROM epi_test_result r JOIN epi_employee e ON e.seq = r.employee_seq
                WHERE e.subject_id = ?""").param(subject).query(OffsetDateTime.class).single();
        assertThat(stored.toInstant()).isEqualTo(sampled.toInstant().truncatedTo(ChronoUnit.MICROS));
        ApiClient.Response inUtc = fx.results(idNumber + ","
                + sampled.withOffsetSameInstant(java.time.ZoneOffset.UTC).withNano(123_456_000) + ",PCR,NEGATIVE\n");
        assertThat(inUtc.body().get("accepted").asInt()).as(inUtc.raw()).isZero();
        assertThat(inUtc.body().get("duplicates").asInt()).isEqualTo(1);
        ApiClient.Response aMicrosecondLater = fx.results(idNumber + ","
                + sampled.withNano(123_457_000) + ",PCR,NEGATIVE\n");
        assertThat(aMicrosecondLater.body().get("accepted").asInt()).as(aMicrosecondLater.raw()).isEqualTo(1);
    }

    @Test
    void aDifferentResultForAStoredSampleIsACorrectionOnPostgres() {
        ApiClient admin = user("pg_epi_corrector", "ADMIN", "410000");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        // not in 新郑, whose subjects the other test counts
        String subject = fx.activeSubject("410203");
        String a = TestIds.next();
        String b = TestIds.next();
        fx.roster(subject, EpidemicFixtures.employee("更正甲", a, "FIXED"), EpidemicFixtures.employee("更正乙", b, "FIXED"));
        String aId = jdbc.sql("SELECT id FROM epi_employee WHERE name = '更正甲'").query(String.class).single();
        String bId = jdbc.sql("SELECT id FROM epi_employee WHERE name = '更正乙'").query(String.class).single();
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String at = now.minusHours(2).toString();
        String early = now.minusHours(10).toString();

        counts(fx.results(a + "," + at + ",PCR,PENDING\n" + b + "," + early + ",PCR,NEGATIVE\n" + b + "," + at + ",ANTIGEN,NEGATIVE\n"),
                3, 0, 0);
        ApiClient.Response corrected = fx.results(a + "," + at + ",PCR,POSITIVE\n" + b + "," + at + ",ANTIGEN,PENDING\n"
                + b + "," + early + ",PCR,NEGATIVE\n");
        counts(corrected, 2, 1, 0);
        assertThat(corrected.body().get("corrected").asInt()).isEqualTo(2);
        Map<String, Object> latestA = jdbc.sql("SELECT last_result, last_kind FROM epi_latest_result WHERE employee_seq = (SELECT seq FROM epi_employee WHERE id = ?)")
                .param(aId).query().singleRow();
        assertThat(latestA.get("last_result")).isEqualTo("POSITIVE");
        Map<String, Object> latestB = jdbc.sql("SELECT last_result, last_negative_at FROM epi_latest_result WHERE employee_seq = (SELECT seq FROM epi_employee WHERE id = ?)")
                .param(bId).query().singleRow();
        assertThat(latestB.get("last_result")).isEqualTo("PENDING");
        assertThat(((java.sql.Timestamp) latestB.get("last_negative_at")).toInstant())
                .as("the corrected negative no longer counts; the earlier one does").isEqualTo(OffsetDateTime.parse(early).toInstant());
        assertThat(jdbc.sql("SELECT previous_result FROM epi_test_result WHERE employee_seq = (SELECT seq FROM epi_employee WHERE id = ?) AND kind = 'PCR'").param(aId)
                .query(String.class).single()).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'epidemic.testResults.correct' AND after_json LIKE ?")
                .param("%" + aId + "%").query(Long.class).single()).isEqualTo(1);
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "POSITIVE_RESULT", aId)).containsExactly("OPEN");

        counts(fx.results(a + "," + at + ",PCR,POSITIVE\n"), 0, 1, 0);
        // one request: the rows of one sample in order, the last one stored
        String third = now.minusHours(1).toString();
        counts(fx.results(b + "," + third + ",PCR,PENDING\n" + b + "," + third + ",PCR,NEGATIVE\n" + b + "," + third + ",PCR,NEGATIVE\n"),
                2, 1, 0);
        assertThat(jdbc.sql("SELECT last_result FROM epi_latest_result WHERE employee_seq = (SELECT seq FROM epi_employee WHERE id = ?)").param(bId).query(String.class).single())
                .isEqualTo("NEGATIVE");
        counts(fx.results(b + "," + third + ",PCR,POSITIVE\n" + b + "," + third + ",PCR,NEGATIVE\n"), 2, 0, 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_test_result WHERE employee_seq IN (SELECT seq FROM epi_employee WHERE id IN (?, ?))").params(aId, bId)
                .query(Long.class).single()).isEqualTo(4);
    }
}
