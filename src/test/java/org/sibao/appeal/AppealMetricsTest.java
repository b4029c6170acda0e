package org.sibao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The assessment figures on a controlled data set in a county no other test files in (中原区 410102). */
@FullStackTest
class AppealMetricsTest {

    static final String COUNTY = "410102";

    @LocalServerPort
    int port;

    @Test
    void ratesFollowTheSpecDefinitions() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        ApiClient hq = AppealFixtures.user(admin, port, "HQ_OFFICER", COUNTY, Map.of());
        ApiClient tax = AppealFixtures.user(admin, port, "DEPT_HANDLER", COUNTY, Map.of("departmentCode", "TAX"));
        ApiClient power = AppealFixtures.user(admin, port, "DEPT_HANDLER", COUNTY, Map.of("departmentCode", "POWER"));
        String subject = AppealFixtures.subject(admin, COUNTY, "中原区考核测试有限公司");

        // four appeals: 1 satisfied+solved, 1 basically satisfied but unsolved, 1 unsatisfied (reopened), 1 never accepted
        String[] ids = new String[4];
        for (int i = 0; i < 4; i++) {
            Response r = hq.post("/api/v1/appeals", AppealFixtures.appeal(subject, i == 3 ? "ENERGY" : "FINANCE",
                    "考核测试" + i, "考核测试诉求内容" + i));
            ids[i] = r.text("id");
            String dept = i == 3 ? "POWER" : "TAX";
            assertThat(hq.post("/api/v1/appeals/" + ids[i] + "/triage",
                    Map.of("kind", "INDIVIDUAL", "departmentCode", dept, "regionCode", COUNTY)).status()).isEqualTo(200);
        }
        Object[][] answers = {{true, "SATISFIED"}, {false, "BASICALLY_SATISFIED"}, {false, "UNSATISFIED"}};
        for (int i = 0; i < 3; i++) {
            tax.post("/api/v1/appeals/" + ids[i] + "/accept", Map.of());
            tax.post("/api/v1/appeals/" + ids[i] + "/resolve", Map.of("result", "已办理"));
            Response fb = AppealFixtures.user(admin, port, "SUPERVISOR", COUNTY, Map.of())
                    .post("/api/v1/appeals/" + ids[i] + "/feedback", Map.of("solved", answers[i][0], "satisfaction", answers[i][1]));
            assertThat(fb.status()).as(fb.raw()).isEqualTo(200);
        }

        Response m = hq.get("/api/v1/appeals/metrics?regionCode=" + COUNTY);
        assertThat(m.status()).as(m.raw()).isEqualTo(200);
        JsonNode b = m.body();
        assertThat(b.get("assigned").asLong()).isEqualTo(4);
        assertThat(b.get("respondedOnTime").asLong()).isEqualTo(3);
        assertThat(b.get("responseRate").asDouble()).isEqualTo(0.75);
        assertThat(b.get("callbacks").asLong()).isEqualTo(3);
        assertThat(b.get("solved").asLong()).isEqualTo(1);
        assertThat(b.get("resolutionRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(b.get("satisfied").asLong()).isEqualTo(2);
        assertThat(b.get("satisfactionRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(b.get("overdueOpen").asLong()).isGreaterThanOrEqualTo(0);

        Response report = hq.get("/api/v1/appeals/metrics/report?regionCode=" + COUNTY);
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        JsonNode r = report.body();
        assertThat(r.get("filed").asLong()).isEqualTo(4);
        assertThat(r.get("reopenRate").asDouble()).isEqualTo(0.25);
        assertThat(r.get("topCategories").get(0).get("category").asString()).isEqualTo("FINANCE");
        assertThat(r.get("topCategories").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(r.get("trend")).hasSize(30);
        assertThat(r.get("medianHoursToResponse").isNumber()).isTrue();
        JsonNode depts = r.get("byDepartment");
        assertThat(depts.get(0).get("departmentCode").asString()).isEqualTo("TAX");
        assertThat(depts.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(depts.get(0).get("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(depts.get(1).get("departmentCode").asString()).isEqualTo("POWER");
        assertThat(depts.get(1).get("responseRate").asDouble()).isEqualTo(0.0);

        Response empty = hq.get("/api/v1/appeals/metrics?regionCode=" + COUNTY + "&from=2020-01-01&to=2020-01-31");
        assertThat(empty.body().get("responseRate").asDouble()).isEqualTo(0.0);
        assertThat(empty.body().get("assigned").asLong()).isZero();
        assertThat(hq.get("/api/v1/appeals/metrics?regionCode=410184").status()).isEqualTo(404);
        assertThat(power.get("/api/v1/appeals/metrics").status()).isEqualTo(200);
        for (String extreme : List.of("from=%2B999999999-12-31", "to=%2B999999999-12-31", "to=-999999999-01-01")) {
            assertThat(hq.get("/api/v1/appeals/metrics?regionCode=" + COUNTY + "&" + extreme).status())
                    .as("the extremes of the date range are invalid input, not a server error: " + extreme).isEqualTo(400);
        }
    }
}
