package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.TestUsers;
import org.sibao.whitelist.EntryRemoved;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vehicle passes on PostgreSQL in production mode: filing, approval with the configured signing key, verification,
 * and the revocation when the only served subject leaves the whitelist.
 */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresPassTest {

    private static final String ADMIN_PASSWORD = "Admin@" + UUID.randomUUID().toString().substring(0, 8) + "9";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

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
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private static String idNumber(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** A pass from today for 3 days, one driver, filed by {@code officer}. */
    private static ApiClient.Response file(ApiClient officer, String carrier, String plate, String served) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return officer.post("/api/v1/passes", Map.of("carrierEnterpriseId", carrier, "plateNumber", plate,
                "drivers", List.of(Map.of("name", "王师傅", "idNumber", idNumber("41018419800101123"),
                        "phone", "13700001111")),
                "origin", "郑州", "destination", "新郑", "validFrom", today.toString(),
                "validTo", today.plusDays(3).toString(), "servedEnterpriseIds", List.of(served)));
    }

    @Test
    void passesAreFiledApprovedListedAndVerifiedOnPostgres() throws InterruptedException {
        PostgresSchema.administrator(jdbc, "pg_admin", ADMIN_PASSWORD, "管理员");
        ApiClient admin = new ApiClient(port).as("pg_admin", ADMIN_PASSWORD);
        ApiClient.Response carrier = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc("410184"), "PG承运企业", "410184", "TRANSPORT"));
        assertThat(carrier.status()).as(carrier.raw()).isEqualTo(201);
        ApiClient.Response served = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc("410184"), "PG服务企业", "410184", "INDUSTRY"));
        subjects.setWhitelistStatus(served.text("id"), WhitelistStatus.ACTIVE, "COUNTY");
        TestUsers.create(admin, "pg_transport_xz", "SECTOR_OFFICER", "410184", Map.of("sector", "TRANSPORT"));
        ApiClient officer = new ApiClient(port).as("pg_transport_xz", TestUsers.PASSWORD);

        ApiClient.Response filed = file(officer, carrier.text("id"), "豫AD12345", served.text("id"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        ApiClient.Response approved = officer.post("/api/v1/passes/" + filed.text("id") + "/approve", Map.of());
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        String code = approved.text("code");
        ApiClient.Response verified = admin.anonymous()
                .get("/public/passes/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        assertThat(verified.body().get("valid").asBoolean()).isTrue();
        assertThat(officer.get("/api/v1/passes?status=APPROVED").body().get("total").asLong()).isEqualTo(1);
        assertThat(officer.get("/api/v1/passes/drivers?regionCode=410184").raw()).contains("137****1111");
        assertThat(verified.text("carrierName")).isEqualTo("PG承运企业");
        assertThat(verified.body().get("drivers").get(0).asString()).isEqualTo("王**");
        assertThat(verified.raw()).doesNotContain("13700001111", "137****1111");
        assertThat(officer.post("/api/v1/passes/" + filed.text("id") + "/revoke", Map.of()).text("status")).isEqualTo("REVOKED");
        assertThat(admin.anonymous().get("/public/passes/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8))
                .body().get("valid").asBoolean()).isFalse();

        // 熔断 of the only served subject: the listener locks and revokes the pass set-wise on PostgreSQL
        String id = file(officer, carrier.text("id"), "豫AD12346", served.text("id")).text("id");
        assertThat(officer.post("/api/v1/passes/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        subjects.setWhitelistStatus(served.text("id"), WhitelistStatus.REMOVED, null);
        transactions.executeWithoutResult(t -> events.publishEvent(new EntryRemoved(UUID.randomUUID().toString(),
                served.text("id"), "熔断")));
        long until = System.currentTimeMillis() + 10_000;
        while (!"REVOKED".equals(officer.get("/api/v1/passes/" + id).text("status"))
                && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        ApiClient.Response revoked = officer.get("/api/v1/passes/" + id);
        assertThat(revoked.text("status")).as(revoked.raw()).isEqualTo("REVOKED");
        assertThat(revoked.text("revokedBy")).isEqualTo("system");
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_id = ? AND action = 'passes.revoke'").param(id)
                .query(String.class).list()).containsExactly("system");
    }
}
