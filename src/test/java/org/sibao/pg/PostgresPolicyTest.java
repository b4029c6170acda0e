package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.subject.TestSubjects;
import org.sibao.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The policy module on PostgreSQL in production mode: the seeded library is loaded, a policy is published,
 * matched (multi-row inserts), confirmed as AUTO (UPDATE with alias and sub-select) and counted in reach.
 */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresPolicyTest {

    private static final String ADMIN = "it_policy_admin";
    private static final String ADMIN_PASSWORD = "Admin@" + UUID.randomUUID().toString().substring(0, 8) + "9";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresSchema.productionSettings(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient admin;

    @BeforeEach
    void firstAdministrator() {
        PostgresSchema.administrator(jdbc, ADMIN, ADMIN_PASSWORD, "集成测试管理员");
        admin = new ApiClient(port).as(ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void seededLibraryMatchingConfirmationAndReachOnPostgres() throws InterruptedException {
        ApiClient.Response library = admin.get("/api/v1/policies?status=PUBLISHED&size=100");
        List<String> codes = new ArrayList<>();
        library.body().get("items").forEach(i -> codes.add(i.get("code").stringValue()));
        assertThat(codes).contains("NY40-20", "HN-BOOTH");

        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc("411303"), "PG政策" + TestSubjects.token(),
                "411303", "INDUSTRY");
        body.put("flags", new ArrayList<>(List.of("ABOVE_SCALE")));
        body.put("attributes", Map.of("fullCapacityQ2", true, "revenueGrowthPct", 15, "boothCostYuan", 77123));
        ApiClient.Response subject = admin.post("/api/v1/enterprises", body);
        assertThat(subject.status()).as(subject.raw()).isEqualTo(201);
        String id = subject.text("id");

        Map<String, Object> policy = Map.of("code", "PG-AUTO", "title", "PG 免申即享", "category", "OTHER", "mode", "AUTO",
                "effectiveFrom", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
                "departmentCode", "FINANCE",
                "eligibility", Map.of("fact", "attributes.boothCostYuan", "op", "eq", "value", 77123),
                "benefit", Map.of("text", "补助", "formula", Map.of("amount", Map.of("percent", 10, "of", "attributes.boothCostYuan"))));
        ApiClient.Response created = admin.post("/api/v1/policies", policy);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String policyId = created.text("id");
        assertThat(admin.post("/api/v1/policies/" + policyId + "/publish", Map.of()).status()).isEqualTo(200);
        ApiClient.Response rematch = admin.post("/api/v1/policies/rematch", Map.of());
        assertThat(rematch.status()).as(rematch.raw()).isEqualTo(200);

        JsonNode match = null;
        for (JsonNode m : admin.get("/api/v1/enterprises/" + id + "/policy-matches").body().get("items")) {
            if (m.get("policyCode").stringValue().equals("NY40-20")) {
                match = m;
            }
        }
        assertThat(match).isNotNull();
        assertThat(match.get("benefitYuan").decimalValue()).isEqualByComparingTo("200000");
        // publishing also starts an asynchronous sweep that rewrites the new policy's rows and pushes them, and the
        // subject's own listener rewrites its rows: the stored match and push settle once those have run
        assertThat(eventually("SELECT outcome FROM policy_match WHERE subject_id = ? AND policy_id = ?", id, policyId))
                .isEqualTo("ELIGIBLE");
        assertThat(eventually("SELECT state FROM policy_redemption WHERE subject_id = ? AND policy_id = ?", id, policyId))
                .isEqualTo("PUSHED");

        ApiClient.Response confirmed = admin.post("/api/v1/policies/" + policyId + "/confirm", Map.of());
        assertThat(confirmed.body().get("granted").asInt()).isEqualTo(1);
        ApiClient.Response reach = admin.get("/api/v1/policies/reach?regionCode=411303");
        assertThat(reach.status()).as(reach.raw()).isEqualTo(200);
        JsonNode fig = null;
        for (JsonNode f : reach.body().get("byPolicy")) {
            if (f.get("key").stringValue().equals("PG-AUTO")) {
                fig = f;
            }
        }
        assertThat(fig).isNotNull();
        assertThat(fig.get("granted").asLong()).isEqualTo(1);
        assertThat(fig.get("grantedYuan").decimalValue()).isEqualByComparingTo("7712.30");
    }

    /** The single value the query finds, waiting up to 10 s for a row to appear. */
    private String eventually(String sql, Object... params) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            java.util.Optional<String> value = jdbc.sql(sql).params(params).query(String.class).optional();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(100);
        }
        return null;
    }
}
