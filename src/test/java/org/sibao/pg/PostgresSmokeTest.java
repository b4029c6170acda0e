package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in production mode ({@code postgres} profile: no demo users, drill mode off) on a fresh
 * PostgreSQL schema, exercised over real HTTP. Production creates no users, so the test seeds the first
 * administrator itself, the way an operator would.
 */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off",
        "logging.level.root=WARN",
        "logging.level.org.sibao=INFO"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresSmokeTest {

    private static final String ADMIN = "it_admin";
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
    void runsOnPostgresInProductionMode() {
        String product = jdbc.sql("SELECT version()").query(String.class).single();
        assertThat(product).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single())
                .isEqualTo(PostgresSchema.current().name());
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'admin'").query(Long.class).single())
                .as("production mode creates no demo users").isZero();
        assertThat(new ApiClient(port).get("/actuator/health").text("status")).isEqualTo("UP");
    }

    @Test
    void listsArePagedFiltersCheckedAndThePassCheckIsPublicUnderTheApiPath() {
        for (String path : new String[] {"/api/v1/whitelist/batches", "/api/v1/whitelist/objections",
                "/api/v1/whitelist/recommendations", "/api/v1/whitelist/entries", "/api/v1/whitelist/applications"}) {
            ApiClient.Response page = admin.get(path + "?size=2&page=1");
            assertThat(page.status()).as(path + " " + page.raw()).isEqualTo(200);
            assertThat(page.body().get("size").asInt()).as(path).isEqualTo(2);
            assertThat(page.body().get("page").asInt()).as(path).isEqualTo(1);
            assertThat(admin.get(path + "?size=501").status()).as(path).isEqualTo(400);
        }
        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response pub = anonymous.get("/public/whitelist?size=2");
        assertThat(pub.status()).as(pub.raw()).isEqualTo(200);
        assertThat(pub.body().get("size").asInt()).isEqualTo(2);
        ApiClient.Response bad = anonymous.get("/public/whitelist?sector=BAD&regionCode=999999");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"sector\"", "\"regionCode\"");
        ApiClient.Response entries = admin.get("/api/v1/whitelist/entries?status=BOGUS&sector=X&regionCode=999999");
        assertThat(entries.status()).isEqualTo(400);
        assertThat(entries.raw()).contains("\"status\"", "\"sector\"", "\"regionCode\"");
        ApiClient.Response verify = anonymous.get("/api/v1/public/passes/verify?code=nope");
        assertThat(verify.status()).as(verify.raw()).isEqualTo(200);
        assertThat(verify.body().get("valid").asBoolean()).isFalse();
    }

    @Test
    void anAdministratorCreatesAUserWhoCanSignIn() {
        String username = "it_hq_" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = admin.post("/api/v1/admin/users", Map.of(
                "username", username,
                "password", "Zhengzhou2022",
                "displayName", "郑州市指挥部办公室",
                "role", "HQ_OFFICER",
                "regionCode", "410100",
                "departmentCode", "NDRC"));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("username")).isEqualTo(username);
        assertThat(created.text("regionCode")).isEqualTo("410100");
        assertThat(created.raw()).doesNotContain("Zhengzhou2022");

        ApiClient.Response me = new ApiClient(port).as(username, "Zhengzhou2022").get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("role")).isEqualTo("HQ_OFFICER");
        assertThat(me.text("displayName")).isEqualTo("郑州市指挥部办公室");
    }

    @Test
    void amountsBeyondTheirColumnAreNamedAndACreationAnswersWhatWasStored() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(org.sibao.subject.TestSubjects.enterprise(
                org.sibao.subject.TestSubjects.uscc("410184"), "新郑市集成测试金额有限公司", "410184", "INDUSTRY"));
        body.put("annualRevenue", new java.math.BigDecimal("1e20"));
        body.put("totalAssets", new java.math.BigDecimal("1999.999"));
        body.put("employees", new java.math.BigDecimal("1.5"));
        ApiClient.Response bad = admin.post("/api/v1/enterprises", body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"annualRevenue\"", "\"totalAssets\"", "\"employees\"");

        body.put("annualRevenue", new java.math.BigDecimal("9999999999999999.99"));
        body.put("totalAssets", new java.math.BigDecimal("1999.990"));
        body.put("employees", 12);
        ApiClient.Response created = admin.post("/api/v1/enterprises", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.raw()).contains("\"annualRevenue\":9999999999999999.99", "\"totalAssets\":1999.99,");
        assertThat(jdbc.sql("SELECT total_assets FROM subject WHERE id = ?").param(created.text("id"))
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1999.99");
    }

    @Test
    void readsRegionsFromTheReferenceData() {
        ApiClient.Response zhengzhou = admin.get("/api/v1/regions/410100");
        assertThat(zhengzhou.status()).isEqualTo(200);
        assertThat(zhengzhou.text("name")).isEqualTo("郑州市");
        assertThat(zhengzhou.text("parentCode")).isEqualTo("410000");

        ApiClient.Response children = admin.get("/api/v1/regions/410100/children");
        assertThat(children.status()).isEqualTo(200);
        assertThat(children.raw()).contains("410184", "新郑市");
        assertThat(admin.get("/api/v1/regions/999999").status()).isEqualTo(404);
    }

    @Test
    void theAuditLogIsAppendOnly() {
        String username = "it_audit_" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = admin.post("/api/v1/admin/users", Map.of("username", username,
                "password", "Kaifeng2022", "displayName", "开封市防疫保障组", "role", "EPIDEMIC_OFFICER",
                "regionCode", "410200"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'USER_CREATE' AND entity_id = ?")
                .param(id).query(String.class).list()).containsExactly(ADMIN);

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'nobody' WHERE entity_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE entity_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_id = ? AND actor = ?").params(id, ADMIN)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDrillClockDoesNotExistInProduction() {
        ApiClient.Response advance = admin.post("/api/v1/admin/clock/advance", Map.of("hours", 24));
        assertThat(advance.status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/clock").status()).isEqualTo(404);
    }
}
