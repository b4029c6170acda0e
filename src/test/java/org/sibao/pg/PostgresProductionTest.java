package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.production.ProductionFixture;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.tasking.IsoWeek;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/** The weekly production summary's grouped query on PostgreSQL: totals, week on week, index, drops and missing. */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresProductionTest {

    private static final String ADMIN_PASSWORD = "Admin@" + UUID.randomUUID().toString().substring(0, 8) + "9";
    private static final String XINZHENG = "410184";

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
    void summaryOnPostgres() {
        PostgresSchema.administrator(jdbc, "admin", ADMIN_PASSWORD, "管理员");
        ProductionFixture fx = new ProductionFixture(port, subjects, ADMIN_PASSWORD);
        String falling = fx.subject(XINZHENG, "INDUSTRY", WhitelistStatus.ACTIVE);
        String steady = fx.subject(XINZHENG, "TRANSPORT", WhitelistStatus.ACTIVE);
        String silent = fx.subject(XINZHENG, "INDUSTRY", WhitelistStatus.ACTIVE);
        ApiClient a = fx.as(fx.enterpriseUser(falling, XINZHENG));
        ApiClient b = fx.as(fx.enterpriseUser(steady, XINZHENG));
        String path = "/api/v1/enterprises/%s/production-reports";

        ApiClient.Response now = a.post(path.formatted(falling), ProductionFixture.report(null, 60));
        assertThat(now.status()).as(now.raw()).isEqualTo(201);
        String previous = IsoWeek.parse(now.text("week")).orElseThrow().previous().toString();
        assertThat(a.post(path.formatted(falling), ProductionFixture.report(previous, 100)).status()).isEqualTo(201);
        assertThat(b.post(path.formatted(steady), ProductionFixture.report(previous, 50)).status()).isEqualTo(201);
        assertThat(b.post(path.formatted(steady), ProductionFixture.report(null, 55)).status()).isEqualTo(201);
        assertThat(b.post(path.formatted(steady), ProductionFixture.report(null, 40)).status())
                .as("a replacement").isEqualTo(200);

        ApiClient.Response summary = fx.admin.get("/api/v1/production/summary?regionCode=" + XINZHENG);
        assertThat(summary.status()).as(summary.raw()).isEqualTo(200);
        JsonNode total = summary.body().get("total");
        assertThat(total.get("expected").asLong()).isEqualTo(3);
        assertThat(total.get("received").asLong()).isEqualTo(2);
        assertThat(total.get("outputValue").decimalValue()).isEqualByComparingTo("100");
        assertThat(total.get("previousOutputValue").decimalValue()).isEqualByComparingTo("150");
        assertThat(total.get("index").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(total.get("drops").asLong()).as("exactly -20 % is no drop").isEqualTo(1);
        assertThat(summary.body().get("drops")).hasSize(1);
        assertThat(summary.body().get("drops").get(0).get("enterpriseId").asString()).isEqualTo(falling);
        assertThat(summary.body().get("missing").get(0).get("enterpriseId").asString()).isEqualTo(silent);

        ApiClient.Response city = fx.admin.get("/api/v1/production/summary?regionCode=410100");
        assertThat(city.body().get("total").get("outputValue").decimalValue()).isEqualByComparingTo("100");
    }
}
