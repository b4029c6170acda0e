package org.sibao.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.tasking.IsoWeek;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Weekly production reports over the API: filing, replacing, validation, scope, and the summary figures. */
@FullStackTest
class ProductionApiTest {

    private static final String XINZHENG = "410184";
    /** 中牟县: no demo subjects, so the summary's figures are this test's alone. */
    private static final String ZHONGMU = "410122";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ProductionFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ProductionFixture(port, subjects);
    }

    private static String path(String id) {
        return "/api/v1/enterprises/" + id + "/production-reports";
    }

    @Test
    void enterpriseFilesAndReplacesItsWeeklyReportAudited() {
        String id = fx.subject(XINZHENG, "INDUSTRY", WhitelistStatus.ACTIVE);
        ApiClient ent = fx.as(fx.enterpriseUser(id, XINZHENG));

        Map<String, Object> body = ProductionFixture.report(null, 1234.5);
        body.put("problems", List.of(Map.of("text", "原材料运输受阻，库存仅够5天", "fileAsAppeal", true,
                "category", "RAW_MATERIALS"), Map.of("text", "部分员工无法返岗")));
        ApiClient.Response created = ent.post(path(id), body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String week = created.text("week");
        assertThat(IsoWeek.parse(week)).isPresent();
        assertThat(created.body().get("revision").asInt()).isEqualTo(1);
        assertThat(created.body().get("outputValue").decimalValue()).isEqualByComparingTo("1234.5");
        JsonNode problems = created.body().get("problems");
        assertThat(problems).hasSize(2);
        String appealId = problems.get(0).get("appealId").asString();
        assertThat(appealId).isNotBlank();
        assertThat(problems.get(1).get("appealId").isNull()).isTrue();
        assertThat(ent.get("/api/v1/appeals/" + appealId).text("category")).isEqualTo("RAW_MATERIALS");

        Map<String, Object> again = ProductionFixture.report(week, 1100);
        again.put("operatingState", "REDUCED");
        again.put("problems", List.of(Map.of("text", "原材料运输受阻，库存仅够5天", "fileAsAppeal", true)));
        ApiClient.Response replaced = ent.post(path(id), again);
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        assertThat(replaced.body().get("revision").asInt()).isEqualTo(2);
        assertThat(replaced.body().get("problems").get(0).get("appealId").asString())
                .as("the same problem is not filed twice").isEqualTo(appealId);

        ApiClient.Response history = ent.get(path(id));
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("total").asLong()).isEqualTo(1);
        assertThat(history.body().get("items").get(0).get("operatingState").asString()).isEqualTo("REDUCED");
        assertThat(history.body().get("items").get(0).get("outputValue").decimalValue()).isEqualByComparingTo("1100");

        List<String> actions = jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'production_report'"
                + " AND entity_id = ? ORDER BY id").param(created.text("id")).query(String.class).list();
        assertThat(actions).containsExactly("production.report.submit", "production.report.replace");
        long appeals = jdbc.sql("SELECT COUNT(*) FROM appeal WHERE enterprise_id = ?").param(id).query(Long.class)
                .single();
        assertThat(appeals).isEqualTo(1);
    }

    @Test
    void invalidFiguresAreRejectedNamingTheFields() {
        String id = fx.subject(XINZHENG, "COMMERCE", WhitelistStatus.ACTIVE);
        ApiClient ent = fx.as(fx.enterpriseUser(id, XINZHENG));
        Map<String, Object> body = new HashMap<>(ProductionFixture.report("2026-47", -1));
        body.put("capacityUtilisation", 120);
        body.put("staffOnDuty", -3);
        body.put("operatingState", "PAUSED");
        body.remove("ordersOnHand");
        body.put("problems", List.of(Map.of("text", "x".repeat(1001))));
        ApiClient.Response bad = ent.post(path(id), body);
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
        assertThat(bad.contentType()).contains("problem+json");
        assertThat(fields(bad)).containsExactlyInAnyOrder("week", "outputValue", "capacityUtilisation", "staffOnDuty",
                "ordersOnHand", "operatingState", "problems[0].text");
        assertThat(bad.raw()).contains("应在0到100之间");

        IsoWeek current = IsoWeek.parse(ent.post(path(id), ProductionFixture.report(null, 10)).text("week")).orElseThrow();
        IsoWeek next = IsoWeek.of(current.monday().plusDays(7));
        ApiClient.Response future = ent.post(path(id), ProductionFixture.report(next.toString(), 10));
        assertThat(future.status()).isEqualTo(400);
        assertThat(fields(future)).containsExactly("week");
    }

    @Test
    void onlyTheEnterpriseOrItsLiaisonFilesAndOthersSeeNothing() {
        String mine = fx.subject(XINZHENG, "INDUSTRY", WhitelistStatus.ACTIVE);
        String other = fx.subject(XINZHENG, "INDUSTRY", WhitelistStatus.ACTIVE);
        ApiClient ent = fx.as(fx.enterpriseUser(mine, XINZHENG));
        assertThat(ent.post(path(other), ProductionFixture.report(null, 10)).status()).isEqualTo(404);
        assertThat(ent.get(path(other)).status()).isEqualTo(404);

        ApiClient kaifeng = new ApiClient(port).as("hq_kf", "Demo@2022");
        assertThat(kaifeng.get(path(mine)).status()).isEqualTo(404);
        assertThat(kaifeng.get("/api/v1/production/summary?regionCode=" + XINZHENG).status()).isEqualTo(404);
        assertThat(ent.get("/api/v1/production/summary").status()).isEqualTo(403);

        ApiClient hq = new ApiClient(port).as("hq_xz", "Demo@2022");
        assertThat(hq.post(path(mine), ProductionFixture.report(null, 10)).status()).isEqualTo(403);
        assertThat(hq.get(path(mine)).status()).isEqualTo(200);

        String pending = fx.subject(XINZHENG, "INDUSTRY", null);
        ApiClient pendingUser = fx.as(fx.enterpriseUser(pending, XINZHENG));
        assertThat(pendingUser.post(path(pending), ProductionFixture.report(null, 10)).status()).isEqualTo(409);
    }

    @Test
    void summaryAggregatesTwoWeeksAndFlagsDropsOverTwentyPercent() {
        String falling = fx.subject(ZHONGMU, "INDUSTRY", WhitelistStatus.ACTIVE);
        String growing = fx.subject(ZHONGMU, "COMMERCE", WhitelistStatus.ACTIVE);
        String silent = fx.subject(ZHONGMU, "INDUSTRY", WhitelistStatus.ACTIVE);
        fx.subject(ZHONGMU, "INDUSTRY", null);
        ApiClient a = fx.as(fx.enterpriseUser(falling, ZHONGMU));
        ApiClient b = fx.as(fx.enterpriseUser(growing, ZHONGMU));

        ApiClient.Response now = a.post(path(falling), ProductionFixture.report(null, 70));
        IsoWeek week = IsoWeek.parse(now.text("week")).orElseThrow();
        String previous = week.previous().toString();
        assertThat(a.post(path(falling), ProductionFixture.report(previous, 100)).status()).isEqualTo(201);
        assertThat(b.post(path(growing), ProductionFixture.report(previous, 200)).status()).isEqualTo(201);
        Map<String, Object> growingNow = ProductionFixture.report(null, 210);
        growingNow.put("capacityUtilisation", 90);
        assertThat(b.post(path(growing), growingNow).status()).isEqualTo(201);

        JsonNode latest = a.get(path(falling)).body().get("items").get(0);
        assertThat(latest.get("week").asString()).isEqualTo(week.toString());
        assertThat(latest.get("drop").asBoolean()).isTrue();
        assertThat(latest.get("changePercent").decimalValue()).isEqualByComparingTo("-30.0");
        assertThat(a.get(path(falling)).body().get("items").get(1).get("drop").asBoolean()).isFalse();

        ApiClient.Response county = fx.admin.get("/api/v1/production/summary?regionCode=" + ZHONGMU);
        assertThat(county.status()).as(county.raw()).isEqualTo(200);
        JsonNode total = county.body().get("total");
        assertThat(county.text("week")).isEqualTo(week.toString());
        assertThat(total.get("expected").asLong()).isEqualTo(3);
        assertThat(total.get("received").asLong()).isEqualTo(2);
        assertThat(total.get("missing").asLong()).isEqualTo(1);
        assertThat(total.get("outputValue").decimalValue()).isEqualByComparingTo("280");
        assertThat(total.get("previousOutputValue").decimalValue()).isEqualByComparingTo("300");
        assertThat(total.get("changePercent").decimalValue()).isEqualByComparingTo("-6.7");
        assertThat(total.get("index").decimalValue()).isEqualByComparingTo("93.3");
        assertThat(total.get("averageUtilisation").decimalValue()).isEqualByComparingTo("85.0");
        assertThat(total.get("drops").asLong()).isEqualTo(1);
        assertThat(county.body().get("drops")).hasSize(1);
        assertThat(county.body().get("drops").get(0).get("enterpriseId").asString()).isEqualTo(falling);
        assertThat(county.body().get("missing")).hasSize(1);
        assertThat(county.body().get("missing").get(0).get("enterpriseId").asString()).isEqualTo(silent);
        Map<String, BigDecimal> bySector = new HashMap<>();
        county.body().get("bySector").forEach(s -> bySector.put(s.get("sector").asString(),
                s.get("figures").get("outputValue").decimalValue()));
        assertThat(bySector.get("INDUSTRY")).isEqualByComparingTo("70");
        assertThat(bySector.get("COMMERCE")).isEqualByComparingTo("210");

        ApiClient.Response lastWeek = fx.admin.get("/api/v1/production/summary?regionCode=" + ZHONGMU + "&week="
                + previous);
        assertThat(lastWeek.body().get("total").get("received").asLong()).isEqualTo(2);
        assertThat(lastWeek.body().get("total").get("drops").asLong()).isZero();

        ApiClient.Response city = fx.admin.get("/api/v1/production/summary?regionCode=410100");
        JsonNode zhongmu = null;
        for (JsonNode r : city.body().get("byRegion")) {
            if (r.get("regionCode").asString().equals(ZHONGMU)) {
                zhongmu = r;
            }
        }
        assertThat(zhongmu).isNotNull();
        assertThat(zhongmu.get("figures").get("outputValue").decimalValue()).isEqualByComparingTo("280");
        assertThat(fx.admin.get("/api/v1/production/summary?week=W47").status()).isEqualTo(400);

        JsonNode production = fx.admin.get("/api/v1/dashboard?regionCode=" + ZHONGMU).body().get("production");
        assertThat(production.get("week").asString()).isEqualTo(week.toString());
        assertThat(production.get("reportsThisWeek").asLong()).isEqualTo(2);
        assertThat(production.get("expected").asLong()).isEqualTo(3);
        assertThat(production.get("outputValue").decimalValue()).isEqualByComparingTo("280");
        assertThat(production.get("index").decimalValue()).isEqualByComparingTo("93.3");
    }

    private static List<String> fields(ApiClient.Response r) {
        List<String> out = new ArrayList<>();
        r.body().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }
}
