package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.JointDecision;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Coverage refresh (ON CONFLICT, FOR UPDATE) and escort writes — joint decisions and their consents — on PostgreSQL. */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresEscortCoverageTest {

    private static final String ADMIN_PASSWORD = "Admin@" + UUID.randomUUID().toString().substring(0, 8) + "9";

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

    @Test
    void refreshesCoverageAndRecordsEscortDecisionsOnPostgres() throws InterruptedException {
        PostgresSchema.administrator(jdbc, "pg_admin", ADMIN_PASSWORD, "管理员");
        ApiClient admin = new ApiClient(port).as("pg_admin", ADMIN_PASSWORD);
        ApiClient.Response created = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc("410184"), "PG护航测试", "410184", "INDUSTRY"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        subjects.setWhitelistStatus(id, WhitelistStatus.ACTIVE, "COUNTY");

        BigDecimal covered = BigDecimal.ZERO;
        for (int i = 0; i < 200 && covered.signum() == 0; i++) {
            Thread.sleep(50);
            covered = admin.get("/api/v1/whitelist/coverage?regionCode=410184&sector=INDUSTRY").body().get("coveredValue").decimalValue();
        }
        assertThat(covered).isEqualByComparingTo("2600");
        assertThat(admin.post("/api/v1/whitelist/coverage/refresh", Map.of()).status()).isEqualTo(200);

        TestUsers.create(admin, "pg_hq_xz", "HQ_OFFICER", "410184", Map.of("departmentCode", "NDRC"));
        ApiClient hq = new ApiClient(port).as("pg_hq_xz", TestUsers.PASSWORD);
        ApiClient.Response filed = hq.post("/api/v1/escort/shutdowns", Map.of("enterpriseId", id, "reason", "检修", "days", 2));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        // decided jointly at 新郑's city (郑州): its HQ office and epidemic command
        TestUsers.create(admin, "pg_hq_zz", "HQ_OFFICER", "410100", Map.of("departmentCode", "NDRC"));
        TestUsers.create(admin, "pg_epi_zz", "EPIDEMIC_OFFICER", "410100", Map.of());
        ApiClient cityHq = new ApiClient(port).as("pg_hq_zz", TestUsers.PASSWORD);
        ApiClient cityEpi = new ApiClient(port).as("pg_epi_zz", TestUsers.PASSWORD);
        JointDecision.approve(cityEpi, cityHq, filed.text("id"), null);
        ApiClient.Response inspection = hq.post("/api/v1/escort/inspections", Map.of("enterpriseId", id,
                "kind", "FIRE", "reason", "消防检查", "plannedDate", "2099-01-01"));
        assertThat(inspection.status()).as(inspection.raw()).isEqualTo(201);
        assertThat(inspection.text("approvalRegionCode")).isEqualTo("410100");
        assertThat(cityHq.post("/api/v1/escort/inspections/" + inspection.text("id") + "/approve", Map.of()).text("status"))
                .isEqualTo("APPROVED");
        assertThat(hq.get("/api/v1/escort/shutdowns?enterpriseId=" + id).body().get("total").asLong()).isEqualTo(1);

        // a renewal proposed by one side and agreed by the other, consents read back in round order
        String shutdown = filed.text("id");
        assertThat(cityHq.post("/api/v1/escort/shutdowns/" + shutdown + "/renew", Map.of("days", 1, "comment", "延期一天"))
                .body().get("pendingRenewal").get("side").asString()).isEqualTo("HQ");
        ApiClient.Response renewed = cityEpi.post("/api/v1/escort/shutdowns/" + shutdown + "/renewal/approve", Map.of());
        assertThat(renewed.body().get("renewals").asInt()).as(renewed.raw()).isEqualTo(1);
        List<String> words = new ArrayList<>();
        renewed.body().get("consents").forEach(c -> words.add(c.get("round").asInt() + ":" + c.get("side").asString()
                + ":" + c.get("decision").asString()));
        assertThat(words).containsExactly("0:EPIDEMIC:AGREE", "0:HQ:AGREE", "1:HQ:AGREE", "1:EPIDEMIC:AGREE");
    }

    /** Two requests of the same side at once: the consent's key lets one count; the other is a 409, nothing half-done. */
    @Test
    void oneSidesConcurrentConsentsCountOnceOnPostgres() throws Exception {
        PostgresSchema.administrator(jdbc, "pg_admin", ADMIN_PASSWORD, "管理员");
        ApiClient admin = new ApiClient(port).as("pg_admin", ADMIN_PASSWORD);
        String id = admin.post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc("411621"), "PG会商测试",
                "411621", "INDUSTRY")).text("id");
        subjects.setWhitelistStatus(id, WhitelistStatus.ACTIVE, "COUNTY");
        TestUsers.create(admin, "pg_hq_zk", "HQ_OFFICER", "411600", Map.of("departmentCode", "NDRC"));
        TestUsers.create(admin, "pg_epi_zk", "EPIDEMIC_OFFICER", "411600", Map.of());
        ApiClient cityHq = new ApiClient(port).as("pg_hq_zk", TestUsers.PASSWORD);
        ApiClient cityEpi = new ApiClient(port).as("pg_epi_zk", TestUsers.PASSWORD);
        for (int round = 0; round < 3; round++) {
            ApiClient.Response filed = cityHq.post("/api/v1/escort/shutdowns", Map.of("enterpriseId", id, "reason", "会商并发" + round,
                    "days", 1));
            assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
            String path = "/api/v1/escort/shutdowns/" + filed.text("id") + "/approve";
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = pool.submit(() -> cityEpi.post(path, Map.of()).status());
                Future<Integer> b = pool.submit(() -> cityEpi.post(path, Map.of()).status());
                assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdownNow();
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM escort_shutdown_consent WHERE shutdown_id = ?").param(filed.text("id"))
                    .query(Long.class).single()).isEqualTo(1);
            ApiClient.Response started = cityHq.post(path, Map.of());
            assertThat(started.text("status")).as(started.raw()).isEqualTo("ACTIVE");
            assertThat(cityHq.post("/api/v1/escort/shutdowns/" + filed.text("id") + "/lift", Map.of()).text("status"))
                    .isEqualTo("ENDED");
        }
    }
}
