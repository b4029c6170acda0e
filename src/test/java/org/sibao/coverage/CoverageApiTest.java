package org.sibao.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Coverage over the API: arithmetic (output value; investment for key projects), roll-up from county to city to
 * province, incremental refresh after a change, scope, suggestions. Uses 焦作 (4108xx), where neither the demo
 * data nor other tests put subjects, so that county and city figures are exact.
 */
@FullStackTest
class CoverageApiTest {

    private static final String JIAOZUO = "410800";
    private static final String QINYANG = "410882";
    private static final String MENGZHOU = "410883";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
    }

    private String create(String county, String sector, Number outputValue, Number totalInvestment) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc(county), "焦作测试企业" + TestSubjects.token(),
                county, sector);
        body.put("outputValue", outputValue);
        if (totalInvestment != null) {
            body.put("totalInvestment", totalInvestment);
        }
        ApiClient.Response r = admin.post("/api/v1/enterprises", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private JsonNode coverage(ApiClient as, String query) {
        ApiClient.Response r = as.get("/api/v1/whitelist/coverage?" + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static BigDecimal dec(JsonNode n, String field) {
        return n.get(field).decimalValue();
    }

    private static void await(BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 15 s").isLessThan(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private BigDecimal total(String query) {
        return dec(coverage(admin, query), "totalValue");
    }

    /** Covered value of a county per the read model, once the async refresh has landed. */
    private void awaitCovered(String query, String expected) {
        await(() -> dec(coverage(admin, query), "coveredValue").compareTo(new BigDecimal(expected)) == 0);
    }

    @Test
    void computesCoverageFromOutputValueAndInvestmentAndRollsUp() {
        BigDecimal qinyangBefore = total("regionCode=" + QINYANG);
        BigDecimal cityBefore = total("regionCode=" + JIAOZUO);
        BigDecimal coveredCityBefore = dec(coverage(admin, "regionCode=" + JIAOZUO), "coveredValue");

        String a = create(QINYANG, "INDUSTRY", 600, null);
        create(QINYANG, "INDUSTRY", 400, null);
        String p = create(QINYANG, "KEY_PROJECT", 50, 2000); // a project counts with its investment, not output
        create(MENGZHOU, "COMMERCE", 1000, null);
        String noValue = create(MENGZHOU, "COMMERCE", null, null); // missing value counts as 0

        subjects.setWhitelistStatus(a, WhitelistStatus.ACTIVE, "COUNTY");
        subjects.setWhitelistStatus(p, WhitelistStatus.ACTIVE, "COUNTY");
        subjects.setWhitelistStatus(noValue, WhitelistStatus.ACTIVE, "COUNTY");
        await(() -> total("regionCode=" + QINYANG).compareTo(qinyangBefore.add(new BigDecimal("3000"))) == 0);
        await(() -> total("regionCode=" + MENGZHOU + "&sector=COMMERCE").signum() > 0);

        await(() -> dec(coverage(admin, "regionCode=" + QINYANG + "&sector=INDUSTRY"), "coveredValue").signum() > 0);
        JsonNode industry = coverage(admin, "regionCode=" + QINYANG + "&sector=INDUSTRY");
        assertThat(industry.get("regionCode").asString()).isEqualTo(QINYANG);
        assertThat(industry.get("sector").asString()).isEqualTo("INDUSTRY");
        assertThat(dec(industry, "coveredValue")).isEqualByComparingTo("600");
        assertThat(dec(industry, "totalValue")).isEqualByComparingTo("1000");
        assertThat(dec(industry, "ratio")).isEqualByComparingTo("0.6");
        assertThat(dec(industry, "target")).isEqualByComparingTo("0.7");
        assertThat(industry.get("met").asBoolean()).isFalse();
        assertThat(industry.get("deadline").asString()).endsWith("-06-30");
        assertThat(industry.has("daysLeft")).isTrue();

        awaitCovered("regionCode=" + QINYANG + "&sector=KEY_PROJECT", "2000");
        JsonNode project = coverage(admin, "regionCode=" + QINYANG + "&sector=KEY_PROJECT");
        assertThat(dec(project, "totalValue")).isEqualByComparingTo("2000");
        assertThat(dec(project, "ratio")).isEqualByComparingTo("1");
        assertThat(project.get("met").asBoolean()).isTrue();

        JsonNode commerce = coverage(admin, "regionCode=" + MENGZHOU + "&sector=COMMERCE");
        assertThat(dec(commerce, "coveredValue")).isEqualByComparingTo("0");
        assertThat(dec(commerce, "totalValue")).isEqualByComparingTo("1000");
        assertThat(commerce.get("whitelisted").asLong()).isEqualTo(1);
        assertThat(commerce.get("subjects").asLong()).isEqualTo(2);

        JsonNode city = coverage(admin, "regionCode=" + JIAOZUO);
        assertThat(city.get("sector").isNull()).isTrue();
        assertThat(dec(city, "totalValue")).isEqualByComparingTo(cityBefore.add(new BigDecimal("4000")));
        assertThat(dec(city, "coveredValue")).isEqualByComparingTo(coveredCityBefore.add(new BigDecimal("2600")));

        // the province is a sum of the read model, which must equal a direct scan of the subject table
        JsonNode province = coverage(admin, "regionCode=410000");
        Map<String, Object> scan = jdbc.sql("""
                SELECT SUM(CASE WHEN whitelist_status = 'ACTIVE' THEN v ELSE 0 END) AS covered, SUM(v) AS total FROM (
                  SELECT whitelist_status, CASE WHEN sector = 'KEY_PROJECT' THEN COALESCE(total_investment, 0)
                         ELSE COALESCE(output_value, 0) END AS v FROM subject) t""").query().singleRow();
        assertThat(dec(province, "totalValue")).isEqualByComparingTo((BigDecimal) scan.get("total"));
        assertThat(dec(province, "coveredValue")).isEqualByComparingTo((BigDecimal) scan.get("covered"));
        assertThat(dec(province, "ratio")).isEqualByComparingTo(
                ((BigDecimal) scan.get("covered")).divide((BigDecimal) scan.get("total"), 4, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void refreshesIncrementallyWhenAStatusChanges() {
        String id = create(MENGZHOU, "TRANSPORT", 777, null);
        await(() -> total("regionCode=" + MENGZHOU + "&sector=TRANSPORT").compareTo(BigDecimal.ZERO) > 0);
        BigDecimal coveredBefore = dec(coverage(admin, "regionCode=" + MENGZHOU + "&sector=TRANSPORT"), "coveredValue");

        subjects.setWhitelistStatus(id, WhitelistStatus.ACTIVE, "COUNTY");
        awaitCovered("regionCode=" + MENGZHOU + "&sector=TRANSPORT", coveredBefore.add(new BigDecimal("777")).toPlainString());

        subjects.setWhitelistStatus(id, WhitelistStatus.SUSPENDED, "COUNTY");
        awaitCovered("regionCode=" + MENGZHOU + "&sector=TRANSPORT", coveredBefore.toPlainString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM coverage_aggregate WHERE county_code = ? AND sector = 'TRANSPORT'")
                .param(MENGZHOU).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unknownRegionCodesAndSectorsAre400NamingEachAtOnce() {
        ApiClient kf = new ApiClient(port).as("hq_kf", "Demo@2022");
        for (String path : new String[] {"/api/v1/whitelist/coverage", "/api/v1/whitelist/coverage/suggestions"}) {
            ApiClient.Response both = kf.get(path + "?regionCode=999999&sector=X");
            assertThat(both.status()).as(path + " " + both.raw()).isEqualTo(400);
            assertThat(both.contentType()).startsWith("application/problem+json");
            assertThat(fields(both)).as(path).containsExactlyInAnyOrder("regionCode", "sector");
            ApiClient.Response region = kf.get(path + "?regionCode=999999");
            assertThat(region.status()).as(path).isEqualTo(400);
            assertThat(fields(region)).as(path).containsExactly("regionCode");
            assertThat(fields(kf.get(path + "?regionCode=abc"))).as(path).containsExactly("regionCode");
        }
        // a sector officer: a bad region is named even with another sector (which alone is 404)
        ApiClient industry = new ApiClient(port).as("sector_industry_kf", "Demo@2022");
        assertThat(fields(industry.get("/api/v1/whitelist/coverage?regionCode=999999&sector=COMMERCE")))
                .containsExactly("regionCode");
    }

    private static List<String> fields(ApiClient.Response r) {
        List<String> out = new ArrayList<>();
        if (r.body() != null && r.body().has("errors")) {
            r.body().get("errors").forEach(e -> out.add(e.get("field").asString()));
        }
        return out;
    }

    @Test
    void answers404OutsideTheCallersScopeAndKeepsSectorOfficersToTheirSector() {
        ApiClient kf = new ApiClient(port).as("hq_kf", "Demo@2022");
        assertThat(kf.get("/api/v1/whitelist/coverage?regionCode=" + JIAOZUO).status()).isEqualTo(404);
        assertThat(kf.get("/api/v1/whitelist/coverage?regionCode=410000").status()).isEqualTo(404);
        JsonNode own = coverage(kf, "");
        assertThat(own.get("regionCode").asString()).isEqualTo("410200");
        assertThat(coverage(kf, "regionCode=410202").get("regionCode").asString()).isEqualTo("410202");
        assertThat(kf.get("/api/v1/whitelist/coverage?sector=NOPE").status()).isEqualTo(400);

        ApiClient industry = new ApiClient(port).as("sector_industry_kf", "Demo@2022");
        assertThat(coverage(industry, "regionCode=410200").get("sector").asString()).isEqualTo("INDUSTRY");
        assertThat(industry.get("/api/v1/whitelist/coverage?sector=COMMERCE").status()).isEqualTo(404);
        assertThat(industry.get("/api/v1/whitelist/coverage/suggestions?sector=COMMERCE").status()).isEqualTo(404);

        assertThat(new ApiClient(port).as("ent_kf", "Demo@2022").get("/api/v1/whitelist/coverage").status()).isEqualTo(403);
        assertThat(new ApiClient(port).get("/api/v1/whitelist/coverage").status()).isEqualTo(401);
        assertThat(kf.post("/api/v1/whitelist/coverage/refresh", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void suggestsTheUnlistedSubjectsWithTheHighestValueFirst() {
        String small = create(QINYANG, "CULTURE_TOURISM", 100, null);
        String big = create(QINYANG, "CULTURE_TOURISM", 900, null);
        String listed = create(QINYANG, "CULTURE_TOURISM", 5000, null);
        String mid = create(QINYANG, "CULTURE_TOURISM", 300, null);
        subjects.setWhitelistStatus(listed, WhitelistStatus.ACTIVE, "COUNTY");
        awaitCovered("regionCode=" + QINYANG + "&sector=CULTURE_TOURISM", "5000");
        BigDecimal total = total("regionCode=" + QINYANG + "&sector=CULTURE_TOURISM");

        ApiClient.Response r = admin.get("/api/v1/whitelist/coverage/suggestions?regionCode=" + QINYANG
                + "&sector=CULTURE_TOURISM&limit=3");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.body().get("items").forEach(i -> ids.add(i.get("enterpriseId").asString()));
        assertThat(ids).containsExactly(big, mid, small);
        JsonNode first = r.body().get("items").get(0);
        assertThat(dec(first, "value")).isEqualByComparingTo("900");
        assertThat(dec(first, "ratioIfAdded")).isEqualByComparingTo(
                new BigDecimal("5900").divide(total, 4, java.math.RoundingMode.HALF_UP));
        assertThat(dec(r.body().get("items").get(2), "cumulativeRatio")).isEqualByComparingTo(
                new BigDecimal("6300").divide(total, 4, java.math.RoundingMode.HALF_UP));
        assertThat(admin.get("/api/v1/whitelist/coverage/suggestions?limit=0").status()).isEqualTo(400);
    }
}
