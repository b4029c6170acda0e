package org.sibao.escort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The shutdowns page plays the joint decision (会商): who has agreed, what is awaited, and only the buttons of the
 * signed-in officer's side at the decision level (周口, 411600, over 西华县 411622); the inspections page offers the
 * decision to the city's HQ office, never to the filer.
 */
@FullStackTest
class EscortJointDecisionWebTest {

    private static final String ZHOUKOU = "411600";
    private static final String XIHUA = "411622";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    private ApiClient admin() {
        return new ApiClient(port).as("admin", "Admin@2022");
    }

    /** A new officer; its username. */
    private String officer(String role, String region) {
        String name = TestUsers.uniqueName("jdw_" + role.toLowerCase());
        TestUsers.create(admin(), name, role, region, "HQ_OFFICER".equals(role) ? Map.of("departmentCode", "NDRC") : Map.of());
        return name;
    }

    private WebClient web(String username) {
        return WebClient.signedIn(port, username, TestUsers.PASSWORD);
    }

    /** The table row of one item on a page. */
    private static String row(WebClient.Page page, String rowId) {
        String body = page.body();
        int start = body.indexOf("id=\"" + rowId + "\"");
        assertThat(start).as("row " + rowId + " on the page").isPositive();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    private String whitelisted() {
        ApiClient.Response r = admin().post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc(XIHUA), "会商页面" + TestSubjects.token(), XIHUA, "INDUSTRY"));
        subjects.setWhitelistStatus(r.text("id"), WhitelistStatus.ACTIVE, "COUNTY");
        return r.text("id");
    }

    @Test
    void anOfficialRequestsAShutdownOnThePageFromTheSubjectsEscortPage() {
        String countyName = officer("EPIDEMIC_OFFICER", XIHUA);
        String subject = whitelisted();
        String label = admin().get("/api/v1/enterprises/" + subject).text("name") + " · "
                + admin().get("/api/v1/enterprises/" + subject).text("uscc");
        WebClient county = web(countyName);
        assertThat(county.get("/escort?enterpriseId=" + subject).body()).contains("shutdown-request-link",
                "/escort/shutdowns?enterpriseId=" + subject);
        WebClient.Page form = county.get("/escort/shutdowns?enterpriseId=" + subject);
        assertThat(form.body()).contains("id=\"shutdown-form\"", "value=\"" + label + "\"", "会商同意后方可执行");

        WebClient.Page bad = county.post("/escort/shutdowns", Map.of("enterpriseId", label, "days", "2", "reason", ""));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"shutdown-errors\"", "事由").as("what was typed stays")
                .contains("value=\"" + label + "\"");

        WebClient.Page filed = county.post("/escort/shutdowns", Map.of("enterpriseId", label, "days", "2",
                "reason", "车间出现阳性病例，停产消杀"));
        assertThat(filed.status()).isEqualTo(302);
        assertThat(filed.location()).endsWith("/escort/shutdowns");
        JsonNode listed = admin().get("/api/v1/escort/shutdowns?enterpriseId=" + subject).body().get("items").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("PENDING");
        assertThat(listed.get("days").asInt()).isEqualTo(2);
        assertThat(county.get("/escort/shutdowns").body()).contains("停产限产申请已提交", "车间出现阳性病例，停产消杀");

        String supervisor = officer("SUPERVISOR", XIHUA);
        WebClient.Page reader = web(supervisor).get("/escort/shutdowns");
        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.body()).contains("车间出现阳性病例，停产消杀").as("only officials who file see the form")
                .doesNotContain("id=\"shutdown-form\"");
    }

    @Test
    void theShutdownsPageShowsWhoHasAgreedAndOnlyTheButtonsOfTheUsersSide() {
        String hqName = officer("HQ_OFFICER", ZHOUKOU);
        String epiName = officer("EPIDEMIC_OFFICER", ZHOUKOU);
        String countyName = officer("HQ_OFFICER", XIHUA);
        String subject = whitelisted();
        ApiClient.Response filed = new ApiClient(port).as(countyName, TestUsers.PASSWORD).post("/api/v1/escort/shutdowns",
                Map.of("enterpriseId", subject, "reason", "车间消杀", "days", 2));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String id = filed.text("id");
        String rowId = "shutdown-" + id;
        String renew = "/escort/shutdowns/" + id + "/renew\"";
        WebClient hq = web(hqName);
        WebClient epi = web(epiName);
        WebClient county = web(countyName);

        String pending = row(epi.get("/escort/shutdowns"), rowId);
        assertThat(pending).contains("待审批", "待经济运行调度指挥部和卫健/防疫指挥部会商", "经济运行调度指挥部：",
                "卫健/防疫指挥部：", "待会商（周口市）", "escort-approve", "escort-refuse")
                .containsPattern("data-confirm=\"同意“[^”]+”停产 2 天？本方同意后");
        assertThat(row(county.get("/escort/shutdowns"), rowId)).as("the county HQ reads, below the decision level")
                .contains("待会商（周口市）").doesNotContain("escort-approve", "<form");

        WebClient.Page consented = epi.post("/escort/shutdowns/" + id + "/approve", Map.of("comment", "同意停产"));
        assertThat(consented.status()).isEqualTo(302);
        assertThat(consented.location()).endsWith("/escort/shutdowns");
        String afterOne = row(epi.get("/escort/shutdowns"), rowId);
        assertThat(afterOne).contains("待经济运行调度指挥部会商", "同意（测试用户 " + epiName + " · 周口市 · ")
                .as("its side has spoken").doesNotContain("escort-approve");
        String forHq = row(hq.get("/escort/shutdowns"), rowId);
        assertThat(forHq).contains("escort-approve", "escort-refuse")
                .as("its consent starts the shutdown").contains("批准后其白名单暂停");

        assertThat(hq.post("/escort/shutdowns/" + id + "/approve", Map.of("comment", "会商同意")).status()).isEqualTo(302);
        String active = row(hq.get("/escort/shutdowns"), rowId);
        assertThat(row(hq.get("/escort/shutdowns?lang=en"), rowId)).as("English counts its days")
                .contains(">1 day<", ">2 days<").doesNotContain("1 days");
        hq.get("/escort/shutdowns?lang=zh-CN");
        assertThat(active).contains("停产中", "同意（测试用户 " + hqName, "同意（测试用户 " + epiName, renew, "escort-lift")
                .doesNotContain("escort-approve", "待会商");
        assertThat(row(county.get("/escort/shutdowns"), rowId)).contains("停产中").doesNotContain("<form");

        assertThat(hq.post("/escort/shutdowns/" + id + "/renew", Map.of("days", "2", "comment", "提议延期")).status()).isEqualTo(302);
        assertThat(row(hq.get("/escort/shutdowns"), rowId)).contains("经济运行调度指挥部提议延期 2 天，待卫健/防疫指挥部会商",
                "escort-lift").doesNotContain(renew, "escort-approve-renewal", "次延期");
        String proposal = row(epi.get("/escort/shutdowns"), rowId);
        assertThat(proposal).contains("escort-approve-renewal", "同意延期 2 天", "escort-refuse-renewal", "escort-lift",
                "待卫健/防疫指挥部会商");
        assertThat(row(epi.get("/escort/shutdowns?lang=en"), rowId)).contains("Agree to 2 more days",
                "awaiting the epidemic prevention command");

        assertThat(epi.post("/escort/shutdowns/" + id + "/approve-renewal", Map.of("comment", "同意")).status()).isEqualTo(302);
        assertThat(row(epi.get("/escort/shutdowns"), rowId)).contains("第 1 次延期", "经济运行调度指挥部同意延期 2 天",
                "卫健/防疫指挥部同意延期 2 天").doesNotContain("escort-approve-renewal");
        assertThat(row(epi.get("/escort?enterpriseId=" + subject), rowId)).as("the enterprise's escort page too")
                .contains("escort-lift", "卫健/防疫指挥部同意延期 2 天");

        assertThat(epi.post("/escort/shutdowns/" + id + "/lift", Map.of("comment", "消杀完成")).status()).isEqualTo(302);
        assertThat(row(hq.get("/escort/shutdowns"), rowId)).contains("已恢复", "提前解除", "escort-ended-at", "结束时间")
                .as("the planned end is struck through").contains("text-decoration-line-through").doesNotContain("<form");
    }

    @Test
    void theInspectionsPageOffersTheDecisionToTheCitysHqNotToTheFiler() {
        String hqName = officer("HQ_OFFICER", ZHOUKOU);
        String countyName = officer("HQ_OFFICER", XIHUA);
        String subject = whitelisted();
        ApiClient county = new ApiClient(port).as(countyName, TestUsers.PASSWORD);
        String tomorrow = OffsetDateTime.parse(admin().get("/api/v1/admin/clock").text("now"))
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(1).toString();
        ApiClient.Response filed = county.post("/api/v1/escort/inspections", Map.of("enterpriseId", subject,
                "departmentCode", "MARKET_REG", "kind", "QUALITY", "reason", "产品质量抽查", "plannedDate", tomorrow));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String rowId = "inspection-" + filed.text("id");
        String action = "/escort/inspections/" + filed.text("id") + "/approve";

        assertThat(row(web(countyName).get("/escort/inspections"), rowId)).contains("待周口市指挥部审批")
                .as("the filer decides nothing").doesNotContain(action);
        assertThat(row(web(hqName).get("/escort/inspections"), rowId)).contains("待周口市指挥部审批", action);
        WebClient hq = web(hqName);
        hq.get("/escort/inspections");
        assertThat(hq.post(action, Map.of("comment", "同意")).status()).isEqualTo(302);
        assertThat(row(hq.get("/escort/inspections"), rowId)).contains("已同意").doesNotContain(action);
    }
}
