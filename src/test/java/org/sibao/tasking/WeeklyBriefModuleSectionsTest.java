package org.sibao.tasking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.JointDecision;
import org.sibao.support.TestUsers;
import org.sibao.visit.VisitFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The weekly dispatch brief carries 生产护航 (inspections, shutdowns by joint decision), 包保走访 (visits, the duty
 * board) and 防疫保障 (coverage) of the region. 漯河 (411100) and its 舞阳县 (411121) are this test's alone.
 */
@FullStackTest
class WeeklyBriefModuleSectionsTest {

    private static final String CITY = "411100";
    private static final String COUNTY = "411121";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void escortVisitsAndEpidemicSupportReportTheirWeek() {
        VisitFixture fx = new VisitFixture(port, subjects);
        String shut = fx.activeSubject(COUNTY);
        String visited = fx.activeSubject(COUNTY);
        fx.activeSubject(COUNTY); // neither visited nor covered
        ApiClient hq = user(fx, "HQ_OFFICER", CITY);
        ApiClient epi = user(fx, "EPIDEMIC_OFFICER", CITY);
        ApiClient countyEpi = user(fx, "EPIDEMIC_OFFICER", COUNTY);

        ApiClient.Response filed = countyEpi.post("/api/v1/escort/shutdowns",
                Map.of("enterpriseId", shut, "reason", "车间出现阳性病例，停产消杀", "days", 2));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        JointDecision.approve(epi, hq, filed.text("id"), "会商同意停产两天，联系人李工13903951234");
        assertThat(jdbc.sql("SELECT after_json FROM audit_log WHERE entity_id = ?").param(filed.text("id"))
                .query(String.class).list()).as("a phone typed into a comment is not kept in clear in the audit log")
                .anyMatch(j -> j.contains("联系人李工139****1234")).noneMatch(j -> j.contains("13903951234"));
        ApiClient.Response inspection = countyEpi.post("/api/v1/escort/inspections", Map.of("enterpriseId", visited,
                "departmentCode", "ECO_ENV", "kind", "ENVIRONMENT", "reason", "环保例行检查",
                "plannedDate", fx.today().plusDays(1).toString()));
        assertThat(inspection.status()).as(inspection.raw()).isEqualTo(201);

        String[] liaison = fx.liaison(COUNTY);
        fx.assign(liaison[1], visited);
        assertThat(fx.as(liaison[0]).post("/api/v1/enterprises/" + visited + "/visits",
                VisitFixture.visit(fx.today(), "ON_SITE", "生产正常，原料充足")).status()).isEqualTo(201);

        ApiClient.Response support = epi.put("/api/v1/enterprises/" + visited + "/epidemic-support", Map.of(
                "staff", List.of(Map.of("name", "王建国", "organisation", "舞阳县疾控中心", "phone", "13903951234")),
                "institution", Map.of("name", "舞阳县人民医院", "contactName", "李主任", "phone", "0395-7212345")));
        assertThat(support.status()).as(support.raw()).isEqualTo(200);

        ApiClient.Response weekly = hq.post("/api/v1/reports/weekly?regionCode=" + CITY, "");
        assertThat(weekly.status()).as(weekly.raw()).isEqualTo(201);

        JsonNode escort = section(weekly.body(), "escort.figures");
        assertThat(row(escort, "本周涉企检查报备")).isEqualTo("1");
        assertThat(row(escort, "待指挥部审批的检查申请")).isEqualTo("1");
        assertThat(row(escort, "本周停产限产申请")).isEqualTo("1");
        assertThat(row(escort, "待会商决定的停产限产申请")).isEqualTo("0");
        assertThat(row(escort, "停产中的白名单企业")).isEqualTo("1");
        assertThat(note(escort, "停产中的白名单企业")).isEqualTo(fx.admin.get("/api/v1/enterprises/" + shut).text("name"));

        // the fixture's subjects are ACTIVE without a whitelist entry to suspend: all three count
        JsonNode visits = section(weekly.body(), "visit.figures");
        assertThat(row(visits, "本周走访次数")).isEqualTo("1");
        assertThat(note(visits, "本周走访次数")).contains("包保干部 1 人", "走访企业 1 家");
        assertThat(row(visits, "白名单在列企业 / 已包联")).isEqualTo("3 / 1");
        assertThat(row(visits, "未包联企业")).isEqualTo("2");
        assertThat(row(visits, "超期未走访企业")).isEqualTo("0");

        JsonNode cover = section(weekly.body(), "epidemicsupport.figures");
        assertThat(row(cover, "防疫保障全覆盖率")).isEqualTo("33.3%");
        assertThat(note(cover, "防疫保障全覆盖率")).isEqualTo("已全覆盖 1 家，白名单在列 3 家");
        assertThat(row(cover, "未配备专业防疫人员的企业")).isEqualTo("2");
        assertThat(row(cover, "未结对帮扶医疗卫生机构的企业")).isEqualTo("2");
        assertThat(row(cover, "本级工作专班未配备疫情防控专家")).isEqualTo("8");
    }

    private static ApiClient user(VisitFixture fx, String role, String region) {
        String name = TestUsers.uniqueName(role.toLowerCase());
        TestUsers.create(fx.admin, name, role, region, Map.of());
        return fx.as(name);
    }

    private static JsonNode section(JsonNode report, String key) {
        for (JsonNode s : report.get("sections")) {
            if (key.equals(s.get("key").asString())) {
                return s;
            }
        }
        throw new AssertionError("no section " + key + " in " + report);
    }

    /** A stored row is {@code [title, value, note]}. */
    private static JsonNode rowNode(JsonNode section, String title) {
        for (JsonNode r : section.get("rows")) {
            if (title.equals(r.get(0).asString())) {
                return r;
            }
        }
        throw new AssertionError("no row " + title + " in " + section);
    }

    private static String row(JsonNode section, String title) {
        return rowNode(section, title).get(1).asString();
    }

    private static String note(JsonNode section, String title) {
        return rowNode(section, title).get(2).asString();
    }
}
