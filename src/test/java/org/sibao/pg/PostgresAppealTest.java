package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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

/** The appeal loop, clusters, similar suggestions, the sweep and the metrics SQL on PostgreSQL. */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresAppealTest {

    private static final String PASSWORD = "Appeal2022pw";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresSchema.productionSettings(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient user(ApiClient admin, String role, String region, Map<String, String> extra) {
        String name = "pg_" + role.toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new HashMap<>(Map.of("username", name, "password", PASSWORD, "displayName", name,
                "role", role, "regionCode", region));
        body.putAll(extra);
        assertThat(admin.post("/api/v1/admin/users", body).status()).isEqualTo(201);
        return new ApiClient(port).as(name, PASSWORD);
    }

    @Test
    void theAppealLoopRunsOnPostgres() {
        String adminName = "pg_admin_" + UUID.randomUUID().toString().substring(0, 6);
        PostgresSchema.administrator(jdbc, adminName, PASSWORD, "管理员");
        ApiClient admin = new ApiClient(port).as(adminName, PASSWORD);
        ApiClient hq = user(admin, "HQ_OFFICER", "410184", Map.of());
        ApiClient tax = user(admin, "DEPT_HANDLER", "410184", Map.of("departmentCode", "TAX"));
        ApiClient sup = user(admin, "SUPERVISOR", "410184", Map.of());
        ApiClient.Response subject = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc("410184"), "新郑PG诉求测试有限公司", "410184", "INDUSTRY"));
        String subjectId = subject.text("id");

        String id = hq.post("/api/v1/appeals", Map.of("enterpriseId", subjectId, "category", "FINANCE", "title", "贷款审批慢",
                "description", "流动资金贷款审批慢", "urgency", "NORMAL")).text("id");
        String other = hq.post("/api/v1/appeals", Map.of("enterpriseId", subjectId, "category", "FINANCE", "title", "贷款审批太慢",
                "description", "流动资金贷款审批周期长", "urgency", "URGENT")).text("id");
        assertThat(hq.get("/api/v1/appeals/" + id + "/similar").body().get(0).get("id").asString()).isEqualTo(other);

        hq.post("/api/v1/appeals/" + id + "/triage", Map.of("kind", "INDIVIDUAL", "departmentCode", "TAX", "regionCode", "410184"));
        tax.post("/api/v1/appeals/" + id + "/accept", Map.of());
        tax.post("/api/v1/appeals/" + id + "/resolve", Map.of("result", "已放款"));
        sup.post("/api/v1/appeals/" + id + "/feedback", Map.of("solved", true, "satisfaction", "SATISFIED"));
        ApiClient.Response closed = sup.post("/api/v1/appeals/" + id + "/close", Map.of("note", "销号"));
        assertThat(closed.text("status")).isEqualTo("CLOSED");

        ApiClient.Response merged = hq.post("/api/v1/appeals/" + other + "/triage", Map.of("kind", "COMMON", "clusterTitle", "贷款审批"));
        String cluster = merged.text("clusterId");
        assertThat(hq.post("/api/v1/appeal-clusters/" + cluster + "/resolve", Map.of("result", "出台贷款绿色通道")).text("status"))
                .isEqualTo("RESOLVED");
        assertThat(hq.get("/api/v1/appeals/" + other).text("status")).isEqualTo("RESOLVED");

        assertThat(admin.post("/api/v1/appeals/overdue-sweep", Map.of()).status()).isEqualTo(200);
        assertThat(hq.get("/api/v1/appeals?overdue=false&status=CLOSED").body().get("total").asLong()).isEqualTo(1);
        ApiClient.Response m = hq.get("/api/v1/appeals/metrics/report");
        assertThat(m.status()).as(m.raw()).isEqualTo(200);
        assertThat(m.body().get("assigned").asLong()).isEqualTo(1);
        assertThat(m.body().get("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(m.body().get("satisfactionRate").asDouble()).isEqualTo(1.0);
        assertThat(m.body().get("onTimeClosureRate").asDouble()).isEqualTo(1.0);
        assertThat(m.body().get("medianHoursToClose").isNumber()).isTrue();
        assertThat(m.body().get("trend").size()).isEqualTo(30);
    }
}
