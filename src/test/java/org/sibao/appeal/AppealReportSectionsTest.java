package org.sibao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Appeals in the weekly dispatch brief and the Friday supervision report: figures for the week and an
 * unsatisfied call-back listed under its department. Uses 安阳 (410500) and 鹤壁 (410600), where no other test
 * files appeals.
 */
@FullStackTest
class AppealReportSectionsTest {

    private static final String CITY = "410500";
    private static final String COUNTY = "410502";

    @LocalServerPort
    int port;

    @Test
    void theWeeklyBriefAndTheFridayReportCarryTheAppeals() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String enterpriseId = AppealFixtures.subject(admin, COUNTY, "安阳文峰周报测试机械有限公司");
        ApiClient ent = AppealFixtures.user(admin, port, "ENTERPRISE", COUNTY, Map.of("enterpriseId", enterpriseId));
        ApiClient hq = AppealFixtures.user(admin, port, "HQ_OFFICER", COUNTY, Map.of());
        ApiClient finance = AppealFixtures.user(admin, port, "DEPT_HANDLER", COUNTY, Map.of("departmentCode", "FINANCE"));
        ApiClient cityHq = AppealFixtures.user(admin, port, "HQ_OFFICER", CITY, Map.of());

        String id = ent.post("/api/v1/appeals", AppealFixtures.appeal(enterpriseId, "FINANCE", "流动资金贷款到期续贷困难",
                "受疫情影响回款周期拉长，请协调银行续贷。")).text("id");
        hq.post("/api/v1/appeals/" + id + "/triage", Map.of("kind", "INDIVIDUAL", "departmentCode", "FINANCE", "regionCode", COUNTY));
        finance.post("/api/v1/appeals/" + id + "/accept", Map.of());
        finance.post("/api/v1/appeals/" + id + "/resolve", Map.of("result", "已对接银行，待审批"));
        Response feedback = ent.post("/api/v1/appeals/" + id + "/feedback",
                Map.of("solved", false, "satisfaction", "UNSATISFIED", "comment", "续贷尚未落实"));
        assertThat(feedback.text("status")).isEqualTo("REOPENED");

        Response weekly = cityHq.post("/api/v1/reports/weekly?regionCode=" + CITY, "");
        assertThat(weekly.status()).isEqualTo(201);
        JsonNode figures = section(weekly.body(), "appeal.figures");
        assertThat(figures.get("title").asString()).as("after the brief's own 一、二、三、").isEqualTo("四、企业诉求办理");
        assertThat(row(figures, "本周新增诉求")).isEqualTo("1 件");
        assertThat(row(figures, "在办诉求")).isEqualTo("1 件");
        assertThat(row(figures, "满意率")).isEqualTo("0.0%");

        Response friday = cityHq.post("/api/v1/reports/friday?regionCode=" + CITY, "");
        assertThat(friday.status()).isEqualTo(201);
        JsonNode byDepartment = section(friday.body(), "supervision.byDepartment");
        assertThat(byDepartment.get("rows").get(0).toString()).isEqualTo("[\"文峰区 财政局\",\"0\",\"1\",\"1\",\"2\"]");
        assertThat(section(friday.body(), "supervision.items").toString()).contains("流动资金贷款到期续贷困难", "重新办理", "不满意");
    }

    @Test
    void anAppealOverdueOnItsResponseIsListedWithTheDeadlineItMissed() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        // 鹤壁 (410600): a city of its own, so the other test's weekly counts of 安阳 stay exact
        String enterpriseId = AppealFixtures.subject(admin, "410602", "鹤山超期响应测试有限公司");
        ApiClient ent = AppealFixtures.user(admin, port, "ENTERPRISE", "410602", Map.of("enterpriseId", enterpriseId));
        ApiClient cityHq = AppealFixtures.user(admin, port, "HQ_OFFICER", "410600", Map.of());
        Map<String, Object> urgent = new java.util.HashMap<>(AppealFixtures.appeal(enterpriseId, "EPIDEMIC",
                "防疫物资紧缺待调拨", "口罩和消毒液仅够两天使用"));
        urgent.put("urgency", "URGENT");
        Response filed = ent.post("/api/v1/appeals", urgent);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String missed = java.time.OffsetDateTime.parse(filed.text("responseDueAt"))
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String resolution = java.time.OffsetDateTime.parse(filed.text("resolutionDueAt"))
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        admin.post("/api/v1/admin/clock/advance", Map.of("hours", 3));

        Response friday = cityHq.post("/api/v1/reports/friday?regionCode=410600", "");
        assertThat(friday.status()).isEqualTo(201);
        JsonNode row = null;
        for (JsonNode r : section(friday.body(), "supervision.items").get("rows")) {
            if (r.toString().contains("防疫物资紧缺待调拨")) {
                row = r;
            }
        }
        assertThat(row).as("listed as overdue").isNotNull();
        assertThat(row.toString()).as("with the response deadline it missed, not its later resolution deadline")
                .contains(missed).doesNotContain(resolution);
    }

    private static JsonNode section(JsonNode report, String key) {
        for (JsonNode s : report.get("sections")) {
            if (key.equals(s.get("key").asString())) {
                return s;
            }
        }
        throw new AssertionError("no section " + key + " in " + report);
    }

    /** A row of a stored section is {@code [title, value, note]}; answers the value. */
    private static String row(JsonNode section, String title) {
        for (JsonNode r : section.get("rows")) {
            if (title.equals(r.get(0).asString())) {
                return r.get(1).asString();
            }
        }
        throw new AssertionError("no row " + title + " in " + section);
    }
}
