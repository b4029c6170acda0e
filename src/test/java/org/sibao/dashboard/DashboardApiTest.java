package org.sibao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/dashboard}: the contract's shape and types, roll-up, scope, the sector officer's view. */
@FullStackTest
class DashboardApiTest {

    private static final String PASSWORD = "Demo@2022";
    private static final String XINZHENG = "410184";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    private JsonNode dashboard(ApiClient as, String query) {
        ApiClient.Response r = as.get("/api/v1/dashboard" + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static void assertCount(JsonNode parent, String field) {
        assertThat(parent.has(field)).as(field).isTrue();
        assertThat(parent.get(field).isIntegralNumber()).as(field + " is an integer").isTrue();
        assertThat(parent.get(field).longValue()).as(field).isGreaterThanOrEqualTo(0);
    }

    private static void assertRate(JsonNode parent, String field) {
        assertThat(parent.has(field)).as(field).isTrue();
        assertThat(parent.get(field).isNumber()).as(field + " is a number").isTrue();
        assertThat(parent.get(field).doubleValue()).as(field).isBetween(0.0, 1.0);
    }

    @Test
    void answersTheContractShapeWithNumbers() {
        JsonNode d = dashboard(new ApiClient(port).as("hq_hn", PASSWORD), "");
        assertThat(d.get("regionCode").asString()).isEqualTo("410000");

        JsonNode w = d.get("whitelist");
        assertCount(w, "active");
        assertThat(w.get("bySector").isObject()).isTrue();
        assertThat(w.get("bySector").propertyNames()).containsExactlyInAnyOrder("INDUSTRY", "COMMERCE", "TRANSPORT",
                "CULTURE_TOURISM", "KEY_PROJECT");
        long sum = 0;
        for (String s : w.get("bySector").propertyNames()) {
            assertCount(w.get("bySector"), s);
            sum += w.get("bySector").get(s).longValue();
            assertRate(w.get("coverage"), s);
        }
        assertThat(sum).isEqualTo(w.get("active").longValue());
        assertRate(w.get("coverage"), "overall");
        assertThat(w.get("coverage").get("target").doubleValue()).isEqualTo(0.7);

        JsonNode a = d.get("appeals");
        assertCount(a, "open");
        assertCount(a, "overdue");
        assertThat(a.get("overdue").longValue()).isLessThanOrEqualTo(a.get("open").longValue());
        assertRate(a, "responseRate");
        assertRate(a, "resolutionRate");
        assertRate(a, "satisfactionRate");

        JsonNode e = d.get("epidemic");
        assertCount(e, "regionsInEmergency");
        assertCount(e, "openAlerts");
        assertRate(e, "onTimeTestingRate");

        JsonNode p = d.get("production");
        assertThat(p.isObject()).isTrue();
        assertCount(p, "reportsThisWeek");
        assertCount(p, "expected");
        assertThat(p.get("reportsThisWeek").longValue()).isLessThanOrEqualTo(p.get("expected").longValue());
        assertThat(p.get("week").asString()).matches("\\d{4}-W\\d{2}");
        assertThat(p.get("outputValue").isNumber()).isTrue();
        assertThat(p.has("index")).isTrue();
        assertThat(p.get("index").isNull() || p.get("index").isNumber()).isTrue();
        JsonNode states = p.get("byState");
        assertThat(states.propertyNames()).containsExactly("NORMAL", "REDUCED", "CLOSED_LOOP", "SUSPENDED", "NOT_REPORTED");
        long owing = 0;
        for (String k : states.propertyNames()) {
            owing += states.get(k).longValue();
        }
        assertThat(owing).as("every subject owing a report has one state").isEqualTo(p.get("expected").longValue());
        assertThat(states.get("NOT_REPORTED").longValue())
                .isEqualTo(p.get("expected").longValue() - p.get("reportsThisWeek").longValue());

        JsonNode pol = d.get("policies");
        assertCount(pol, "eligible");
        assertCount(pol, "granted");
        assertThat(pol.get("granted").longValue()).isLessThanOrEqualTo(pol.get("eligible").longValue());
        assertThat(pol.get("grantedAmount").isNumber()).isTrue();
        assertThat(pol.get("grantedAmount").decimalValue().signum()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void provinceFiguresAreAtLeastTheCountys() {
        ApiClient province = new ApiClient(port).as("hq_hn", PASSWORD);
        ApiClient county = new ApiClient(port).as("hq_xz", PASSWORD);
        JsonNode c = dashboard(county, "");
        assertThat(c.get("regionCode").asString()).isEqualTo(XINZHENG);
        assertThat(dashboard(province, "?regionCode=" + XINZHENG).get("regionCode").asString()).isEqualTo(XINZHENG);
        // snapshots are refreshed in the background: allow the province's to catch up with changes of other tests
        String[][] figures = {{"whitelist", "active"}, {"appeals", "open"}, {"appeals", "overdue"},
                {"epidemic", "openAlerts"}, {"epidemic", "regionsInEmergency"}, {"policies", "eligible"},
                {"policies", "granted"}};
        String failed = await(() -> {
            JsonNode p = dashboard(province, "?regionCode=410000");
            JsonNode k = dashboard(county, "?regionCode=" + XINZHENG);
            for (String[] f : figures) {
                if (p.get(f[0]).get(f[1]).longValue() < k.get(f[0]).get(f[1]).longValue()) {
                    return f[0] + "." + f[1] + ": province " + p.get(f[0]) + " < county " + k.get(f[0]);
                }
            }
            for (String s : k.get("whitelist").get("bySector").propertyNames()) {
                if (p.get("whitelist").get("bySector").get(s).longValue() < k.get("whitelist").get("bySector").get(s).longValue()) {
                    return "bySector." + s;
                }
            }
            return null;
        });
        assertThat(failed).isNull();
    }

    @Test
    void aDrillClockAdvanceShowsOnTheNextRead() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        ApiClient hq = new ApiClient(port).as("hq_xz", PASSWORD);
        ApiClient.Response created = admin.post("/api/v1/enterprises", org.sibao.subject.TestSubjects.enterprise(
                org.sibao.subject.TestSubjects.uscc(XINZHENG), "看板时钟测试" + org.sibao.subject.TestSubjects.token(),
                XINZHENG, "INDUSTRY"));
        ApiClient.Response filed = hq.post("/api/v1/appeals", Map.of("enterpriseId", created.text("id"),
                "category", "FINANCE", "title", "贷款到期续贷难", "description", "银行要求先还后贷", "urgency", "NORMAL"));
        assertThat(hq.post("/api/v1/appeals/" + filed.text("id") + "/triage", Map.of("kind", "INDIVIDUAL",
                "departmentCode", "TAX", "regionCode", XINZHENG)).status()).isEqualTo(200);
        long before = dashboard(hq, "").get("appeals").get("overdue").longValue();
        assertThat(hq.get("/api/v1/appeals/" + filed.text("id")).body().get("overdue").asBoolean()).isFalse();

        admin.post("/api/v1/admin/clock/advance", Map.of("hours", 24 * 12));
        assertThat(hq.get("/api/v1/appeals/" + filed.text("id")).body().get("overdue").asBoolean()).isTrue();
        assertThat(dashboard(hq, "").get("appeals").get("overdue").longValue())
                .as("not the snapshot read just before the advance").isGreaterThan(before);
    }

    @Test
    void scopeDecidesWhatMayBeSeen() {
        ApiClient county = new ApiClient(port).as("hq_xz", PASSWORD);
        assertThat(county.get("/api/v1/dashboard?regionCode=410000").status()).isEqualTo(404);
        assertThat(county.get("/api/v1/dashboard?regionCode=410200").status()).isEqualTo(404);
        ApiClient.Response unknown = county.get("/api/v1/dashboard?regionCode=999999");
        assertThat(unknown.status()).as("an unknown code is invalid input, as elsewhere").isEqualTo(400);
        assertThat(unknown.raw()).contains("regionCode");
        ApiClient integration = new ApiClient(port).as("integration", PASSWORD);
        assertThat(dashboard(integration, "?regionCode=410200").get("regionCode").asString())
                .as("upper platforms read the figures").isEqualTo("410200");
        ApiClient.Response metrics = integration.get("/api/v1/appeals/metrics?regionCode=410200");
        assertThat(metrics.status()).as(metrics.raw()).isEqualTo(200);
        assertThat(metrics.raw()).contains("responseRate");
        ApiClient.Response ent = new ApiClient(port).as("ent_xz", PASSWORD).get("/api/v1/dashboard");
        assertThat(ent.status()).as(ent.raw()).isEqualTo(403);
        assertThat(ent.contentType()).contains("application/problem+json");
        assertThat(new ApiClient(port).get("/api/v1/dashboard").status()).isEqualTo(401);
        assertThat(dashboard(new ApiClient(port).as("admin", "Admin@2022"), "?regionCode=" + XINZHENG)
                .get("regionCode").asString()).isEqualTo(XINZHENG);
    }

    @Test
    void closedAppealsAndOpenAlertsByKindAgreeWithTheLists() {
        ApiClient hq = new ApiClient(port).as("hq_kf", PASSWORD);
        JsonNode d = dashboard(hq, "");
        long closed = hq.get("/api/v1/appeals?status=CLOSED&size=1").body().get("total").longValue();
        assertThat(d.get("appeals").get("closed").longValue()).isEqualTo(closed);
        JsonNode byType = d.get("epidemic").get("openAlertsByType");
        long sum = 0;
        for (String type : byType.propertyNames()) {
            long n = byType.get(type).longValue();
            sum += n;
            assertThat(hq.get("/api/v1/epidemic/alerts?status=OPEN&type=" + type + "&size=1").body().get("total").longValue())
                    .as(type).isEqualTo(n);
        }
        assertThat(sum).isEqualTo(d.get("epidemic").get("openAlerts").longValue());
        org.sibao.support.WebClient web = new org.sibao.support.WebClient(port);
        web.login("hq_kf", PASSWORD);
        assertThat(web.get("/dashboard").body()).contains("id=\"card-appeals-closed\"", "已销号");
    }

    @Test
    void anHqDrillsDownBySector() {
        ApiClient hq = new ApiClient(port).as("hq_kf", PASSWORD);
        JsonNode all = dashboard(hq, "");
        JsonNode industry = dashboard(hq, "?sector=INDUSTRY");
        assertThat(industry.get("sector").asString()).isEqualTo("INDUSTRY");
        assertThat(industry.get("whitelist").get("bySector").propertyNames()).containsExactly("INDUSTRY");
        assertThat(industry.get("whitelist").get("active").longValue())
                .isEqualTo(all.get("whitelist").get("bySector").get("INDUSTRY").longValue());
        ApiClient.Response bad = hq.get("/api/v1/dashboard?sector=FARMING&regionCode=999999");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"sector\"", "\"regionCode\"");
        ApiClient officer = new ApiClient(port).as("sector_industry_kf", PASSWORD);
        assertThat(officer.get("/api/v1/dashboard?sector=COMMERCE").status()).as("another sector").isEqualTo(404);
        assertThat(dashboard(officer, "?sector=INDUSTRY").get("sector").asString()).isEqualTo("INDUSTRY");
        org.sibao.support.WebClient web = new org.sibao.support.WebClient(port);
        web.login("hq_kf", PASSWORD);
        assertThat(web.get("/dashboard?sector=INDUSTRY").body()).contains("dashboard-sector-filter")
                .containsPattern("<option value=\"INDUSTRY\"[^>]*selected");
    }

    @Test
    void aSectorOfficerSeesItsSectorOnly() {
        ApiClient officer = new ApiClient(port).as("sector_industry_kf", PASSWORD);
        JsonNode d = dashboard(officer, "");
        assertThat(d.get("regionCode").asString()).isEqualTo("410200");
        assertThat(d.get("sector").asString()).isEqualTo("INDUSTRY");
        assertThat(d.get("whitelist").get("bySector").propertyNames()).containsExactly("INDUSTRY");
        assertThat(d.get("whitelist").get("active").longValue())
                .isEqualTo(d.get("whitelist").get("bySector").get("INDUSTRY").longValue());
        assertThat(d.get("whitelist").get("coverage").get("overall").doubleValue())
                .isEqualTo(d.get("whitelist").get("coverage").get("INDUSTRY").doubleValue());
        assertThat(officer.get("/api/v1/dashboard?regionCode=" + XINZHENG).status()).isEqualTo(404);

        JsonNode all = dashboard(new ApiClient(port).as("hq_hn", PASSWORD), "?regionCode=410200");
        assertThat(all.get("sector").isNull()).isTrue();
        assertThat(all.get("whitelist").get("bySector").propertyNames()).hasSize(5);
    }

    @Test
    void aReadAfterAChangeShowsIt() throws InterruptedException {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        ApiClient.Response created = admin.post("/api/v1/enterprises", org.sibao.subject.TestSubjects.enterprise(
                org.sibao.subject.TestSubjects.uscc("410183"), "看板测试" + org.sibao.subject.TestSubjects.token(), "410183", "INDUSTRY"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long before = dashboard(admin, "?regionCode=410183").get("whitelist").get("active").longValue();
        subjects.setWhitelistStatus(created.text("id"), WhitelistStatus.ACTIVE, "COUNTY");
        // the whitelist counts come from coverage's read model, which follows the change asynchronously; the
        // dashboard refreshes when it has (CoverageRefreshed), well before its TTL
        long deadline = System.nanoTime() + 5_000_000_000L;
        long active = before;
        while (active == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
            active = dashboard(admin, "?regionCode=410183").get("whitelist").get("active").longValue();
        }
        assertThat(active).as("within the read model's refresh, not the 15 s TTL").isEqualTo(before + 1);

        ApiClient hq = new ApiClient(port).as("hq_hn", PASSWORD);
        long emergencies = dashboard(hq, "?regionCode=410100").get("epidemic").get("regionsInEmergency").longValue();
        ApiClient.Response on = hq.put("/api/v1/regions/410183/mode", java.util.Map.of("mode", "EMERGENCY", "reason", "看板即时性测试"));
        assertThat(on.status()).as(on.raw()).isEqualTo(200);
        try {
            assertThat(dashboard(hq, "?regionCode=410100").get("epidemic").get("regionsInEmergency").longValue())
                    .isEqualTo(emergencies + 1);
            JsonNode county = dashboard(hq, "?regionCode=410183").get("epidemic");
            assertThat(county.get("mode").asString()).isEqualTo("EMERGENCY");
            assertThat(county.get("regionsInEmergency").longValue()).as("its own switch").isGreaterThanOrEqualTo(1);
        } finally {
            assertThat(hq.put("/api/v1/regions/410183/mode", java.util.Map.of("mode", "NORMAL", "reason", "结束")).status())
                    .isEqualTo(200);
        }
        assertThat(dashboard(hq, "?regionCode=410100").get("epidemic").get("regionsInEmergency").longValue())
                .isEqualTo(emergencies);
    }

    @Test
    void aMalformedRegionCodeIsInvalidInput() {
        ApiClient.Response r = new ApiClient(port).as("admin", "Admin@2022").get("/api/v1/dashboard?regionCode=abc");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw()).contains("\"field\":\"regionCode\"");
        assertThat(new ApiClient(port).as("admin", "Admin@2022").get("/api/v1/dashboard?regionCode=419999").status())
                .as("well-formed but unknown: invalid input too, as for coverage and the appeal metrics").isEqualTo(400);
    }

    /** Polls until the check answers null (success) or 20 s pass; answers the last failure. */
    private static String await(Supplier<String> check) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String failure = check.get();
        while (failure != null && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            failure = check.get();
        }
        return failure;
    }
}
