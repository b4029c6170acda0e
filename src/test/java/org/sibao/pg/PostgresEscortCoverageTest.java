package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Coverage refresh (ON CONFLICT, FOR UPDATE) and escort writes on PostgreSQL. */
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
        ApiClient.Response approved = hq.post("/api/v1/escort/shutdowns/" + filed.text("id") + "/approve", Map.of());
        assertThat(approved.text("status")).isEqualTo("ACTIVE");
        ApiClient.Response inspection = hq.post("/api/v1/escort/inspections", Map.of("enterpriseId", id,
                "kind", "FIRE", "reason", "消防检查", "plannedDate", "2099-01-01"));
        assertThat(inspection.status()).as(inspection.raw()).isEqualTo(201);
        assertThat(hq.get("/api/v1/escort/shutdowns?enterpriseId=" + id).body().get("total").asLong()).isEqualTo(1);
    }
}
