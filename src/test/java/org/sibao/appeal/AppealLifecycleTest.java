package org.sibao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The closed loop of SPEC §5 through the API, as the enterprise, the HQ, the departments and the supervisor. */
@FullStackTest
class AppealLifecycleTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient hq;
    ApiClient tax;
    ApiClient hrss;
    ApiClient supervisor;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
        hq = new ApiClient(port).as("hq_xz", AppealFixtures.DEMO);
        tax = new ApiClient(port).as("dept_tax_xz", AppealFixtures.DEMO);
        hrss = new ApiClient(port).as("dept_hrss_xz", AppealFixtures.DEMO);
        supervisor = new ApiClient(port).as("sup_xz", AppealFixtures.DEMO);
    }

    private ApiClient enterpriseUser(String subjectId) {
        return AppealFixtures.user(admin, port, "ENTERPRISE", "410184", Map.of("enterpriseId", subjectId));
    }

    private String file(ApiClient who, String subjectId, String category, String title, String description) {
        Response r = who.post("/api/v1/appeals", AppealFixtures.appeal(subjectId, category, title, description));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private Response assignToTax(String id) {
        return hq.post("/api/v1/appeals/" + id + "/triage",
                Map.of("kind", "INDIVIDUAL", "departmentCode", "TAX", "regionCode", "410184"));
    }

    @Test
    void theClosedLoopFromFilingToClosureKeepsTheHistory() {
        String subject = AppealFixtures.subject(admin, "410184", "新郑闭环测试有限公司");
        ApiClient ent = enterpriseUser(subject);

        Response filed = ent.post("/api/v1/appeals", AppealFixtures.appeal(subject, "FINANCE", "留抵退税办理缓慢",
                "企业申请增值税留抵退税两周未到账，资金周转困难"));
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.text("status")).isEqualTo("SUBMITTED");
        assertThat(filed.text("handlerRegionCode")).isEqualTo("410184");
        assertThat(filed.body().get("overdue").asBoolean()).isFalse();
        assertThat(filed.text("responseDueAt")).endsWith("+08:00");
        String id = filed.text("id");
        Response onFiling = ent.get("/api/v1/appeals/" + id);
        for (String field : List.of("filedAt", "responseDueAt")) {
            assertThat(filed.text(field)).as(field).isNotBlank();
            assertThat(onFiling.text(field)).as("%s answered on creation reads back the same", field).isEqualTo(filed.text(field));
        }

        Response assigned = assignToTax(id);
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(assigned.text("status")).isEqualTo("ASSIGNED");
        assertThat(assigned.text("departmentCode")).isEqualTo("TAX");
        OffsetDateTime due = OffsetDateTime.parse(assigned.text("resolutionDueAt"));
        assertThat(due).isAfter(OffsetDateTime.parse(assigned.text("assignedAt")).plusDays(8));

        Response accepted = tax.post("/api/v1/appeals/" + id + "/accept", Map.of());
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        Response resolved = tax.post("/api/v1/appeals/" + id + "/resolve", Map.of("result", "已协调税务局加快审核，退税款已到账"));
        assertThat(resolved.text("status")).isEqualTo("RESOLVED");

        Response confirmed = ent.post("/api/v1/appeals/" + id + "/feedback",
                Map.of("solved", true, "satisfaction", "SATISFIED", "comment", "办理很快"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");

        Response closed = supervisor.post("/api/v1/appeals/" + id + "/close", Map.of("note", "核查属实，销号"));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");

        Response read = ent.get("/api/v1/appeals/" + id);
        assertThat(actions(read.body().get("history")))
                .containsExactly("SUBMITTED", "TRIAGED", "ASSIGNED", "ACCEPTED", "RESOLVED", "CONFIRMED", "CLOSED");
        JsonNode last = read.body().get("history").get(6);
        assertThat(last.get("by").asString()).isEqualTo("sup_xz");
        assertThat(last.get("note").asString()).isEqualTo("核查属实，销号");
        assertThat(last.get("at").asString()).isNotBlank();
        assertThat(read.body().get("callbacks").get(0).get("satisfaction").asString()).isEqualTo("SATISFIED");
        Long audited = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'appeal' AND entity_id = ?")
                .param(id).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(6);
    }

    @Test
    void anUnsatisfiedCallBackReopensToTheSameHandler() {
        String subject = AppealFixtures.subject(admin, "410184", "新郑重办测试有限公司");
        ApiClient ent = enterpriseUser(subject);
        String id = file(ent, subject, "LABOR", "招工难", "疫情期间外地员工无法返岗，缺工三十人");
        hq.post("/api/v1/appeals/" + id + "/triage", Map.of("kind", "INDIVIDUAL", "departmentCode", "HRSS", "regionCode", "410184"));
        hrss.post("/api/v1/appeals/" + id + "/accept", Map.of());
        hrss.post("/api/v1/appeals/" + id + "/resolve", Map.of("result", "已发布招聘信息"));

        Response reopened = ent.post("/api/v1/appeals/" + id + "/feedback",
                Map.of("solved", false, "satisfaction", "UNSATISFIED", "comment", "仍未招到人"));
        assertThat(reopened.text("status")).isEqualTo("REOPENED");
        assertThat(reopened.body().get("reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.text("departmentCode")).isEqualTo("HRSS");

        assertThat(tax.post("/api/v1/appeals/" + id + "/resolve", Map.of("result", "x")).status()).isEqualTo(403);
        Response retaken = hrss.post("/api/v1/appeals/" + id + "/accept", Map.of("note", "重新办理"));
        assertThat(retaken.status()).as(retaken.raw()).isEqualTo(200);
        assertThat(retaken.text("status")).isEqualTo("ACCEPTED");
        assertThat(hrss.post("/api/v1/appeals/" + id + "/accept", Map.of()).status()).isEqualTo(409);
        Response again = hrss.post("/api/v1/appeals/" + id + "/resolve", Map.of("result", "组织专场招聘会，已到岗25人"));
        assertThat(again.text("status")).isEqualTo("RESOLVED");
        Response phone = supervisor.post("/api/v1/appeals/" + id + "/feedback",
                Map.of("solved", true, "satisfaction", "BASICALLY_SATISFIED", "channel", "PHONE"));
        assertThat(phone.text("status")).isEqualTo("CONFIRMED");
        assertThat(phone.body().get("callbacks")).hasSize(2);
        assertThat(phone.body().get("callbacks").get(1).get("channel").asString()).isEqualTo("PHONE");
    }

    @Test
    void illegalTransitionsAnswer409AndBadInput400() {
        String subject = AppealFixtures.subject(admin, "410184", "新郑状态测试有限公司");
        ApiClient ent = enterpriseUser(subject);
        String id = file(ent, subject, "ENERGY", "用电负荷不足", "新增生产线需要扩容变压器");

        Response accept = tax.post("/api/v1/appeals/" + id + "/accept", Map.of());
        assertThat(accept.status()).as("no department has it yet: the state refuses").isEqualTo(409);
        assertThat(accept.body().get("detail").asString()).as("state and action in words")
                .isEqualTo("当前状态（已提交）不能执行此操作（签收）");
        assertThat(tax.post("/api/v1/appeals/" + id + "/resolve", Map.of("result", "x")).status()).isEqualTo(409);
        assertThat(supervisor.post("/api/v1/appeals/" + id + "/close", Map.of()).status()).isEqualTo(409);
        assertThat(ent.post("/api/v1/appeals/" + id + "/feedback", Map.of("solved", true, "satisfaction", "SATISFIED")).status())
                .isEqualTo(409);
        Response bad = hq.post("/api/v1/appeals/" + id + "/triage", Map.of("kind", "INDIVIDUAL", "departmentCode", "NOPE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("departmentCode");

        assignToTax(id);
        Response resolveEarly = tax.post("/api/v1/appeals/" + id + "/resolve", Map.of("result", "x"));
        assertThat(resolveEarly.status()).isEqualTo(409);
        assertThat(resolveEarly.contentType()).contains("application/problem+json");
        assertThat(assignToTax(id).status()).isEqualTo(409);

        Response withdrawn = ent.post("/api/v1/appeals/" + id + "/withdraw", Map.of("note", "已自行解决"));
        assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
        assertThat(tax.post("/api/v1/appeals/" + id + "/accept", Map.of()).status()).isEqualTo(409);

        Response invalid = ent.post("/api/v1/appeals", Map.of("enterpriseId", subject, "category", "WEATHER", "urgency", "NOW"));
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("category", "urgency", "title", "description");

        Response badQuery = hq.get("/api/v1/appeals?overdue=maybe&page=first&size=10");
        assertThat(badQuery.status()).isEqualTo(400);
        List<String> params = new ArrayList<>();
        badQuery.body().get("errors").forEach(e -> params.add(e.get("field").asString()));
        assertThat(params).as("every mistyped query parameter is named").containsExactlyInAnyOrder("overdue", "page");
        Response badDates = hq.get("/api/v1/appeals/metrics?from=2022-13-01&to=yesterday");
        assertThat(badDates.status()).isEqualTo(400);
        assertThat(badDates.raw()).contains("\"from\"", "\"to\"");
        assertThat(hq.get("/api/v1/appeals/metrics?from=2022-05-01&to=2022-06-30").status()).isEqualTo(200);
        Response timed = hq.get("/api/v1/appeals/metrics?from=2022-05-01T00:00:00%2B08:00&to=2022-06-30T23:59:59%2B08:00");
        assertThat(timed.status()).as("date-times as the API writes them").isEqualTo(200);
        assertThat(timed.text("from")).isEqualTo("2022-05-01");
        assertThat(timed.text("to")).isEqualTo("2022-06-30");
    }

    @Test
    void aShortDueDaysPullsTheResponseDeadlineIn() {
        String subject = AppealFixtures.subject(admin, "410184", "新郑期限测试有限公司");
        String quick = file(hq, subject, "ENERGY", "临时限电", "明日计划停电，请协调保供");
        Response assigned = hq.post("/api/v1/appeals/" + quick + "/triage",
                Map.of("kind", "INDIVIDUAL", "departmentCode", "POWER", "regionCode", "410184", "dueDays", 1));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(assigned.text("responseDueAt")))
                .isBeforeOrEqualTo(OffsetDateTime.parse(assigned.text("resolutionDueAt")));
    }

    @Test
    void onlyTheAssignedDepartmentHandlesAndOthersCannotSeeIt() {
        String subject = AppealFixtures.subject(admin, "410184", "新郑权限测试有限公司");
        String id = file(hq, subject, "POLICY", "稳岗补贴", "申请稳岗补贴的条件不清楚");
        assertThat(hrss.post("/api/v1/appeals/" + id + "/triage",
                Map.of("kind", "INDIVIDUAL", "departmentCode", "HRSS")).status()).isEqualTo(403);
        org.sibao.support.WebClient page = new org.sibao.support.WebClient(port);
        page.login("hq_xz", AppealFixtures.DEMO);
        page.get("/appeals/" + id);
        assertThat(page.post("/appeals/" + id + "/action/triage", Map.of("kind", "INDIVIDUAL")).status()).isEqualTo(302);
        assertThat(page.get("/appeals/" + id).body()).as("the page names the field as people do")
                .contains("责任单位：").doesNotContain("departmentCode:");
        assertThat(assignToTax(id).status()).isEqualTo(200);

        assertThat(hrss.post("/api/v1/appeals/" + id + "/accept", Map.of()).status()).isEqualTo(403);
        ApiClient otherCounty = new ApiClient(port).as("dept_tax_xx", AppealFixtures.DEMO);
        assertThat(otherCounty.get("/api/v1/appeals/" + id).status()).isEqualTo(404);
        assertThat(otherCounty.post("/api/v1/appeals/" + id + "/accept", Map.of()).status()).isEqualTo(404);
        ApiClient stranger = new ApiClient(port).as("ent_xz", AppealFixtures.DEMO);
        assertThat(stranger.get("/api/v1/appeals/" + id).status()).isEqualTo(404);
        Response forAnother = stranger.post("/api/v1/appeals", AppealFixtures.appeal(subject, "POLICY", "代别家提", "不是自己的企业"));
        assertThat(forAnother.status()).as("filing for another enterprise is an action it may not do")
                .isEqualTo(403);
        assertThat(stranger.post("/api/v1/appeals", AppealFixtures.appeal("no-such-subject", "POLICY", "x", "y")).status())
                .as("an unknown enterprise is bad input").isEqualTo(400);
        assertThat(new ApiClient(port).get("/api/v1/appeals/" + id).status()).isEqualTo(401);

        Response taxList = tax.get("/api/v1/appeals?status=ASSIGNED&size=500");
        assertThat(ids(taxList)).contains(id);
        assertThat(ids(hrss.get("/api/v1/appeals?size=500"))).doesNotContain(id);
        assertThat(tax.post("/api/v1/appeals/" + id + "/accept", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aSectorsCompetentDepartmentHandlesWhatIsAssignedToItWhateverTheEnterprisesSector() {
        // an INDUSTRY enterprise's raw-material problem assigned to the county's 商务局 (COMMERCE)
        String subject = AppealFixtures.subject(admin, "410184", "新郑商务协调测试有限公司");
        String id = file(hq, subject, "RAW_MATERIALS", "原料进货受阻", "上游供应商在外省，原料无法按时进货");
        String commerceName = org.sibao.support.TestUsers.uniqueName("sector_officer");
        org.sibao.support.TestUsers.create(admin, commerceName, "SECTOR_OFFICER", "410184", Map.of("sector", "COMMERCE"));
        ApiClient commerce = new ApiClient(port).as(commerceName, org.sibao.support.TestUsers.PASSWORD);
        ApiClient industry = AppealFixtures.user(admin, port, "SECTOR_OFFICER", "410184", Map.of("sector", "INDUSTRY"));
        ApiClient commerceElsewhere = AppealFixtures.user(admin, port, "SECTOR_OFFICER", "411702",
                Map.of("sector", "COMMERCE"));
        assertThat(commerce.get("/api/v1/appeals/" + id).status())
                .as("another sector's enterprise, not yet assigned to the department").isEqualTo(404);

        Response assigned = hq.post("/api/v1/appeals/" + id + "/triage",
                Map.of("kind", "INDIVIDUAL", "departmentCode", "COMMERCE", "regionCode", "410184"));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(commerce.get("/api/v1/appeals/" + id).status()).isEqualTo(200);
        assertThat(ids(commerce.get("/api/v1/appeals?status=ASSIGNED&size=500"))).contains(id);
        assertThat(commerce.get("/api/v1/notifications").raw()).as("the department's officer is told")
                .contains("/appeals/" + id);
        assertThat(commerceElsewhere.get("/api/v1/appeals/" + id).status()).isEqualTo(404);
        assertThat(industry.get("/api/v1/appeals/" + id).status()).as("its own sector's enterprise").isEqualTo(200);
        assertThat(industry.post("/api/v1/appeals/" + id + "/accept", Map.of()).status())
                .as("seeing is not handling: MIIT was not assigned").isEqualTo(403);

        org.sibao.support.WebClient web = new org.sibao.support.WebClient(port);
        web.login(commerceName, org.sibao.support.TestUsers.PASSWORD);
        assertThat(web.get("/appeals?tab=todo").body()).as("the officer's to-do tab").contains("原料进货受阻");
        assertThat(web.get("/appeals/" + id).body()).contains("id=\"accept-form\"")
                .as("the assignment reads as a department of a region").contains("新郑市 商务局").doesNotContain("COMMERCE@410184")
                .as("who acted, by display name").doesNotContain("<td>hq_xz</td>")
                .contains("<td>" + hq.get("/api/v1/me").text("displayName") + "</td>");

        Response accepted = commerce.post("/api/v1/appeals/" + id + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        Response resolved = commerce.post("/api/v1/appeals/" + id + "/resolve", Map.of("result", "已协调外省商务部门保障供货"));
        assertThat(resolved.text("status")).isEqualTo("RESOLVED");
    }

    @Test
    void escalationGoesToTheCityHqWhichTriagesAgain() {
        ApiClient cityHq = AppealFixtures.user(admin, port, "HQ_OFFICER", "410100", Map.of());
        ApiClient cityTax = AppealFixtures.user(admin, port, "DEPT_HANDLER", "410100", Map.of("departmentCode", "TAX"));
        String subject = AppealFixtures.subject(admin, "410184", "新郑上报测试有限公司");
        String id = file(hq, subject, "LAND", "用地指标不足", "扩建项目需新增用地指标，县级无法解决");
        assignToTax(id);
        tax.post("/api/v1/appeals/" + id + "/accept", Map.of());

        Response escalated = tax.post("/api/v1/appeals/" + id + "/escalate", Map.of("reason", "超出县级权限"));
        assertThat(escalated.status()).as(escalated.raw()).isEqualTo(200);
        assertThat(escalated.text("status")).isEqualTo("ESCALATED");
        assertThat(escalated.text("handlerRegionCode")).isEqualTo("410100");
        assertThat(escalated.body().get("departmentCode").isNull()).isTrue();
        assertThat(texts(escalated.body().get("escalationChain"))).containsExactly("410184", "410100");

        assertThat(hq.post("/api/v1/appeals/" + id + "/triage", Map.of("kind", "INDIVIDUAL", "departmentCode", "TAX")).status())
                .isEqualTo(403);
        assertThat(tax.post("/api/v1/appeals/" + id + "/accept", Map.of()).status())
                .as("sent up, no department has it").isEqualTo(409);
        Response cityAssigned = cityHq.post("/api/v1/appeals/" + id + "/triage",
                Map.of("kind", "INDIVIDUAL", "departmentCode", "TAX", "regionCode", "410100", "dueDays", 15));
        assertThat(cityAssigned.status()).as(cityAssigned.raw()).isEqualTo(200);
        assertThat(cityAssigned.text("assignedRegionCode")).isEqualTo("410100");
        assertThat(cityAssigned.body().get("major").asBoolean()).isTrue();
        assertThat(cityTax.post("/api/v1/appeals/" + id + "/accept", Map.of()).text("status")).isEqualTo("ACCEPTED");
        assertThat(cityTax.post("/api/v1/appeals/" + id + "/escalate", Map.of("reason", "需省级协调")).text("handlerRegionCode"))
                .isEqualTo("410000");
        Response top = new ApiClient(port).as("hq_hn", AppealFixtures.DEMO)
                .post("/api/v1/appeals/" + id + "/escalate", Map.of("reason", "再上报"));
        assertThat(top.status()).isEqualTo(409);
    }

    @Test
    void resolvingAClusterResolvesEveryLinkedAppeal() {
        String a = AppealFixtures.subject(admin, "410184", "新郑共性一有限公司");
        String b = AppealFixtures.subject(admin, "410184", "新郑共性二有限公司");
        String first = file(hq, a, "LOGISTICS", "货车通行证办理难", "跨市运输货车通行证办理周期长");
        String second = file(hq, b, "LOGISTICS", "货车通行证申请慢", "货车通行证审批慢影响原料运输");

        Response merged = hq.post("/api/v1/appeals/" + first + "/triage", Map.of("kind", "COMMON", "clusterTitle", "货车通行证办理"));
        assertThat(merged.text("status")).isEqualTo("MERGED");
        String cluster = merged.text("clusterId");
        assertThat(cluster).isNotBlank();
        Response joined = hq.post("/api/v1/appeals/" + second + "/triage", Map.of("kind", "COMMON", "clusterId", cluster));
        assertThat(joined.text("clusterId")).isEqualTo(cluster);
        assertThat(OffsetDateTime.parse(joined.text("resolutionDueAt")))
                .as("the cluster answers within the ordinary deadline").isAfter(OffsetDateTime.parse(joined.text("filedAt")).plusDays(8));
        assertThat(joined.body().get("overdue").asBoolean()).isFalse();

        Response view = hq.get("/api/v1/appeal-clusters/" + cluster);
        assertThat(view.text("taskForce")).isEqualTo("TRANSPORT");
        assertThat(view.body().get("appeals")).hasSize(2);
        assertThat(tax.post("/api/v1/appeal-clusters/" + cluster + "/resolve", Map.of("result", "x")).status()).isEqualTo(403);

        Response resolved = hq.post("/api/v1/appeal-clusters/" + cluster + "/resolve",
                Map.of("result", "全市推行通行证网上办理，24小时内办结"));
        assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
        assertThat(resolved.text("status")).isEqualTo("RESOLVED");
        for (String id : List.of(first, second)) {
            Response r = hq.get("/api/v1/appeals/" + id);
            assertThat(r.text("status")).isEqualTo("RESOLVED");
            assertThat(r.text("result")).isEqualTo("全市推行通行证网上办理，24小时内办结");
            assertThat(actions(r.body().get("history"))).containsExactly("SUBMITTED", "TRIAGED", "MERGED", "RESOLVED");
        }
        assertThat(hq.post("/api/v1/appeal-clusters/" + cluster + "/resolve", Map.of("result", "y")).status()).isEqualTo(409);
    }

    @Test
    void aMergedAppealTheClusterLeavesUnansweredFallsOverdue() {
        String subject = AppealFixtures.subject(admin, "410184", "新郑共性超期有限公司");
        String id = file(hq, subject, "ENERGY", "用电指标不足", "园区限电，企业无法满负荷生产");
        Response merged = hq.post("/api/v1/appeals/" + id + "/triage", Map.of("kind", "COMMON", "clusterTitle", "园区限电"));
        assertThat(merged.text("status")).isEqualTo("MERGED");
        admin.post("/api/v1/admin/clock/advance", Map.of("hours", 24 * 12));
        Response read = hq.get("/api/v1/appeals/" + id);
        assertThat(read.body().get("overdue").asBoolean()).isTrue();
        assertThat(read.text("overdueKind")).isEqualTo("RESOLUTION");
        assertThat(ids(hq.get("/api/v1/appeals?overdue=true&size=500"))).contains(id);
        admin.post("/api/v1/appeals/overdue-sweep", Map.of());
        assertThat(notices("hq_xz", "APPEAL_OVERDUE", id)).as("the HQ whose task force holds the cluster").isEqualTo(1);
        assertThat(notices("sup_xz", "APPEAL_SUPERVISE", id)).isEqualTo(1);
    }

    @Test
    void similarOpenAppealsComeFirstByText() {
        String s1 = AppealFixtures.subject(admin, "410184", "新郑相似一有限公司");
        String s2 = AppealFixtures.subject(admin, "410184", "新郑相似二有限公司");
        String s3 = AppealFixtures.subject(admin, "410184", "新郑相似三有限公司");
        String target = file(hq, s1, "RAW_MATERIALS", "钢材原料采购价格上涨", "受疫情影响钢材原料供应紧张，采购价格大幅上涨，企业生产成本增加");
        String near = file(hq, s2, "RAW_MATERIALS", "钢材采购价格上涨", "钢材原料供应紧张导致采购价格上涨，生产成本压力大");
        String far = file(hq, s3, "RAW_MATERIALS", "包装纸箱断供", "纸箱供应商停产，包装材料无法到货");

        Response similar = hq.get("/api/v1/appeals/" + target + "/similar");
        assertThat(similar.status()).isEqualTo(200);
        assertThat(similar.body().get(0).get("id").asString()).isEqualTo(near);
        List<String> order = new ArrayList<>();
        similar.body().forEach(n -> order.add(n.get("id").asString()));
        assertThat(order).doesNotContain(target);
        if (order.contains(far)) {
            assertThat(order.indexOf(near)).isLessThan(order.indexOf(far));
        }
    }

    @Test
    void overdueAfterTheDrillClockMovesRemindsTheDepartmentAndTheSupervisor() {
        String subject = AppealFixtures.subject(admin, "410184", "新郑超期测试有限公司");
        String id = file(hq, subject, "MARKET", "展会取消订单流失", "疫情导致展会取消，急需拓展线上渠道");
        assignToTax(id);
        Response urgent = hq.post("/api/v1/appeals", Map.of("enterpriseId", subject, "category", "EPIDEMIC",
                "title", "员工隔离停产", "description", "两名员工被判定密接，车间需要消杀指导", "urgency", "URGENT"));
        OffsetDateTime filedAt = OffsetDateTime.parse(urgent.text("filedAt"));
        assertThat(OffsetDateTime.parse(urgent.text("responseDueAt"))).isEqualTo(filedAt.plusHours(2));
        assertThat(OffsetDateTime.parse(urgent.text("assignDueAt"))).as("assigned by the response deadline, not a day later")
                .isEqualTo(filedAt.plusHours(2));

        // an urgent problem is late two hours after filing, while it still waits for triage
        admin.post("/api/v1/admin/clock/advance", Map.of("hours", 3));
        Response waiting = hq.get("/api/v1/appeals/" + urgent.text("id"));
        assertThat(waiting.text("status")).isEqualTo("SUBMITTED");
        assertThat(waiting.body().get("overdue").asBoolean()).isTrue();
        assertThat(waiting.text("overdueKind")).isEqualTo("ASSIGN");
        assertThat(ids(hq.get("/api/v1/appeals?overdue=true&size=500"))).contains(urgent.text("id")).doesNotContain(id);
        admin.post("/api/v1/appeals/overdue-sweep", Map.of());
        assertThat(notices("hq_xz", "APPEAL_OVERDUE", urgent.text("id"))).isEqualTo(1);
        assertThat(notices("sup_xz", "APPEAL_SUPERVISE", urgent.text("id"))).isEqualTo(1);

        Response advanced = admin.post("/api/v1/admin/clock/advance", Map.of("hours", 24 * 6));
        assertThat(advanced.status()).isEqualTo(200);

        Response read = hq.get("/api/v1/appeals/" + id);
        assertThat(read.body().get("overdue").asBoolean()).isTrue();
        assertThat(read.text("overdueKind")).isEqualTo("RESPONSE");
        assertThat(ids(hq.get("/api/v1/appeals?overdue=true&size=500"))).contains(id);
        assertThat(ids(hq.get("/api/v1/appeals?overdue=false&size=500"))).doesNotContain(id);

        assertThat(tax.post("/api/v1/appeals/overdue-sweep", Map.of()).status()).isEqualTo(403);
        Response swept = admin.post("/api/v1/appeals/overdue-sweep", Map.of());
        assertThat(swept.status()).isEqualTo(200);
        assertThat(swept.body().get("reminded").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(notices("dept_tax_xz", "APPEAL_OVERDUE", id)).isEqualTo(1);
        assertThat(notices("sup_xz", "APPEAL_SUPERVISE", id)).isEqualTo(1);
        assertThat(notices("hq_xz", "APPEAL_OVERDUE", urgent.text("id"))).as("no later triage deadline").isEqualTo(1);

        // escalated, the city HQ again has until the new response deadline to assign it
        Response up = hq.post("/api/v1/appeals/" + urgent.text("id") + "/escalate", Map.of("reason", "需市级协调"));
        assertThat(up.status()).as(up.raw()).isEqualTo(200);
        assertThat(up.text("assignDueAt")).isEqualTo(up.text("responseDueAt"));
        JsonNode history = up.body().get("history");
        OffsetDateTime escalatedAt = OffsetDateTime.parse(history.get(history.size() - 1).get("at").asString());
        assertThat(OffsetDateTime.parse(up.text("assignDueAt"))).isEqualTo(escalatedAt.plusHours(2));

        admin.post("/api/v1/appeals/overdue-sweep", Map.of());
        assertThat(notices("dept_tax_xz", "APPEAL_OVERDUE", id)).isEqualTo(1);
    }

    @Test
    void attachmentsAreTypeAndSizeChecked() throws Exception {
        String subject = AppealFixtures.subject(admin, "410184", "新郑附件测试有限公司");
        ApiClient ent = enterpriseUser(subject);
        String id = file(ent, subject, "OTHER", "证明材料", "附件为证明材料");
        assertThat(multipart(ent, id, "proof.pdf", "%PDF-1.4 test".getBytes()).statusCode()).isEqualTo(201);
        assertThat(multipart(ent, id, "proof.exe", "MZ".getBytes()).statusCode()).isEqualTo(400);
        assertThat(multipart(ent, id, "fake.png", "not a png".getBytes()).statusCode()).isEqualTo(400);
        assertThat(multipart(ent, id, "big.pdf", bigPdf()).statusCode()).isEqualTo(400);
        Response read = ent.get("/api/v1/appeals/" + id);
        assertThat(read.body().get("attachments")).hasSize(1);
        assertThat(read.body().get("attachments").get(0).get("fileName").asString()).isEqualTo("proof.pdf");
    }

    @Test
    void theLedgerExportsTheFilteredList() throws Exception {
        String subject = AppealFixtures.subject(admin, "410184", "新郑台账测试有限公司");
        String id = file(hq, subject, "FINANCE", "台账测试贷款难", "流动资金贷款审批慢");
        HttpResponse<byte[]> xlsx = hq.getBytes("/api/v1/appeals/export?category=FINANCE&status=SUBMITTED");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("诉求台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && id.equals(row.getCell(0).getStringCellValue())) {
                    found = true;
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("资金");
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("台账测试贷款难");
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("已提交");
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("新郑市");
                    assertThat(row.getCell(9).getStringCellValue()).as("filed at, to the minute")
                            .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
                }
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("资金");
                }
            }
            assertThat(found).isTrue();
        }
    }

    private java.net.http.HttpResponse<String> multipart(ApiClient who, String id, String name, byte[] content) throws Exception {
        String boundary = "----sibao" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes());
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes());
        String token = bearer(who);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/appeals/" + id + "/attachments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer(ApiClient who) throws Exception {
        var f = ApiClient.class.getDeclaredField("token");
        f.setAccessible(true);
        return (String) f.get(who);
    }

    private static byte[] bigPdf() {
        byte[] b = new byte[10 * 1024 * 1024 + 10];
        b[0] = 0x25;
        b[1] = 0x50;
        b[2] = 0x44;
        b[3] = 0x46;
        return b;
    }

    private long notices(String username, String kind, String appealId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.username = ? AND n.kind = ? AND n.link = ?""")
                .params(username, kind, "/appeals/" + appealId).query(Long.class).single();
    }

    static List<String> actions(JsonNode history) {
        List<String> out = new ArrayList<>();
        history.forEach(h -> out.add(h.get("action").asString()));
        return out;
    }

    static List<String> ids(Response list) {
        List<String> out = new ArrayList<>();
        list.body().get("items").forEach(i -> out.add(i.get("id").asString()));
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
