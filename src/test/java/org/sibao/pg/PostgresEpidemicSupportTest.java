package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.epidemicsupport.SupportFixture;
import org.sibao.production.ProductionFixture;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
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

/** The epidemic-support board's statement and the encrypted phones on PostgreSQL. */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresEpidemicSupportTest {

    private static final String ADMIN_PASSWORD = "Admin@" + UUID.randomUUID().toString().substring(0, 8) + "9";
    private static final String FANXIAN = "410926";

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
    void boardAndPhonesOnPostgres() {
        PostgresSchema.administrator(jdbc, "admin", ADMIN_PASSWORD, "管理员");
        ProductionFixture fx = new ProductionFixture(port, subjects, ADMIN_PASSWORD);
        String covered = fx.subject(FANXIAN, "INDUSTRY", WhitelistStatus.ACTIVE);
        String partly = fx.subject(FANXIAN, "TRANSPORT", WhitelistStatus.ACTIVE);
        fx.subject(FANXIAN, "INDUSTRY", WhitelistStatus.ACTIVE);

        ApiClient.Response saved = SupportFixture.put(fx.admin, covered, SupportFixture.support(
                List.of(SupportFixture.staff("周静", "范县疾病预防控制中心", "13903935678"),
                        SupportFixture.staff("吴敏", null, "0393-5321234")),
                SupportFixture.institution("范县人民医院", "吴主任", "0393-5329999")));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.text("status")).isEqualTo("COVERED");
        SupportFixture.ok(SupportFixture.put(fx.admin, partly, SupportFixture.support(
                List.of(SupportFixture.staff("孙敏", null, "13703930001")), null)));
        assertThat(fx.admin.get("/api/v1/enterprises/" + covered + "/epidemic-support").body().get("staff").get(1)
                .get("phone").asString()).isEqualTo("0393-5321234");
        assertThat(jdbc.sql("SELECT phone_enc FROM epidemic_support_staff WHERE enterprise_id = ? ORDER BY ordinal")
                .param(covered).query(String.class).list()).as("stored encrypted").hasSize(2)
                .doesNotContain("13903935678", "0393-5321234");

        JsonNode summary = fx.admin.get("/api/v1/epidemic-support/coverage/summary?regionCode=" + FANXIAN).body();
        assertThat(summary.get("active").asLong()).isEqualTo(3);
        assertThat(summary.get("withStaff").asLong()).isEqualTo(2);
        assertThat(summary.get("withInstitution").asLong()).isEqualTo(1);
        assertThat(summary.get("covered").asLong()).isEqualTo(1);
        assertThat(summary.get("coverageRate").decimalValue()).isEqualByComparingTo("0.3333");
        JsonNode board = fx.admin.get("/api/v1/epidemic-support/coverage?regionCode=" + FANXIAN + "&sector=INDUSTRY").body();
        assertThat(board.get("total").asLong()).isEqualTo(2);
        assertThat(board.get("items").get(0).get("status").asString()).isEqualTo("NO_STAFF");
        assertThat(board.get("items").get(1).get("staff").toString()).isEqualTo("[\"周静\",\"吴敏\"]");
        assertThat(fx.admin.get("/api/v1/epidemic-support/coverage?regionCode=" + FANXIAN + "&status=NO_INSTITUTION")
                .body().get("items").get(0).get("enterpriseId").asString()).isEqualTo(partly);

        SupportFixture.ok(fx.admin.put("/api/v1/epidemic-support/experts/" + FANXIAN + "/EPIDEMIC",
                Map.of("name", "冯建华", "phone", "13603936666")));
        assertThat(fx.admin.get("/api/v1/epidemic-support/experts?regionCode=" + FANXIAN).body().get("missing").asInt())
                .isEqualTo(7);
    }
}
