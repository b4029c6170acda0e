package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The incident pages: opening from the subject's page and the alert board, the steps as forms, scope and roles. */
@FullStackTest
class IncidentWebTest {

    private static final String DEMO = "Demo@2022";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    EpidemicFixtures fx;
    String subject;
    String patient;
    String contact;
    String patientIdNumber;

    @BeforeEach
    void aSubjectWithAPatientAndAColleague() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
        fx = new EpidemicFixtures(admin, subjects);
        subject = fx.activeSubject(XINZHENG);
        patientIdNumber = TestIds.next();
        fx.roster(subject, employee("王阳性", patientIdNumber, "FIXED"), employee("李同事", TestIds.next(), "FIXED"));
        patient = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = '王阳性'").param(subject).query(String.class).single();
        contact = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = '李同事'").param(subject).query(String.class).single();
    }

    private WebClient signIn(String user, String password) {
        WebClient web = new WebClient(port);
        assertThat(web.login(user, password).status()).isEqualTo(302);
        return web;
    }

    private static String path(WebClient.Page redirect) {
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        return redirect.location().replaceFirst("^https?://[^/]+", "");
    }

    /** Opens an incident from the subject's epidemic page; returns its page's path. */
    private String open(WebClient epi) {
        WebClient.Page page = epi.get("/epidemic/enterprise/" + subject);
        assertThat(page.body()).contains("incident-open-form", "王阳性");
        String detail = path(epi.post("/epidemic/enterprise/" + subject + "/incidents",
                Map.of("kind", "FIRST_POSITIVE", "employeeId", patient, "note", "抗原初筛阳性")));
        assertThat(detail).startsWith("/epidemic/incidents/");
        return detail;
    }

    @Test
    void theOfficerHandlesAnIncidentStepByStepOnItsPage() {
        WebClient epi = signIn("epi_xz", DEMO);
        String detail = open(epi);
        String id = detail.substring(detail.lastIndexOf('/') + 1);

        WebClient.Page page = epi.get(detail);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-status=\"OBSERVATION\"", "王阳性", "报告首例阳性，进入临时观察", "抗原初筛阳性",
                "retest-form", "confirm-form", "clear-hint", "shutdown-form")
                .containsPattern("data-countdown-seconds=\"(2159\\d|21600)\"").containsPattern("剩余 [56] 小时");
        assertThat(epi.get("/epidemic/incidents").body()).contains("incident-" + id, "/epidemic/incidents\">应急处置");
        assertThat(epi.get("/epidemic/incidents?status=CLOSED").body()).doesNotContain("incident-" + id);
        assertThat(epi.get("/epidemic/enterprise/" + subject).body()).contains("/epidemic/incidents/" + id);

        assertThat(epi.postWithoutCsrf(detail + "/retest", Map.of("result", "NEGATIVE")).status()).as("CSRF").isEqualTo(403);
        assertThat(path(epi.post(detail + "/retest", Map.of("result", "NEGATIVE", "kind", "PCR")))).isEqualTo(detail);
        page = epi.get(detail);
        assertThat(page.body()).contains("复检结果：PCR 阴性", "已记录", "clear-form").doesNotContain("clear-hint");

        assertThat(page.body()).as("a negative re-test: confirming needs its basis").contains("confirm-hint",
                "尚无阳性复核结果：确诊须填写确诊依据", "id=\"confirm-basis\"");
        assertThat(path(epi.post(detail + "/confirm", Map.of("contactIds", contact, "note", "流调确认")))).isEqualTo(detail);
        page = epi.get(detail);
        assertThat(page.body()).contains("flash-error", "确诊依据：尚无阳性复核结果时必须填写", "data-status=\"OBSERVATION\"");
        assertThat(path(epi.post(detail + "/confirm", Map.of("contactIds", contact, "note", "流调确认",
                "basis", "疾控中心确诊")))).isEqualTo(detail);
        page = epi.get(detail);
        assertThat(page.body()).contains("data-status=\"CONFIRMED\"", "确诊，列入密接 1 人", "流调确认", "close-form",
                        "confirm-basis-value", "疾控中心确诊")
                .doesNotContain("retest-form");
        assertThat(page.body().substring(page.body().indexOf("id=\"incident-contacts\""))).contains("李同事");

        assertThat(path(epi.post(detail + "/shutdown-request", Map.of("days", "5", "reason", "消杀")))).isEqualTo(detail);
        assertThat(epi.get(detail).body()).contains("flash-error", "days", "未申请停产");
        assertThat(path(epi.post(detail + "/shutdown-request", Map.of("days", "2", "reason", "车间全面消杀")))).isEqualTo(detail);
        page = epi.get(detail);
        assertThat(page.body()).contains("停产申请已报指挥部", "待审批", "车间全面消杀", "申请停产 2 天，报指挥部")
                .doesNotContain("shutdown-form");

        // decided jointly by 郑州's (新郑's city) epidemic command and HQ office
        WebClient cityEpi = signIn("epi_zz", DEMO);
        WebClient hq = signIn("hq_zz", DEMO);
        WebClient.Page escort = cityEpi.get("/escort/shutdowns");
        assertThat(escort.body()).contains("/epidemic/incidents/" + id, "来自疫情事件")
                .as("approving asks first, naming the days").containsPattern("data-confirm=\"同意“[^”]+”停产 \\d 天");
        String shutdownId = jdbc.sql("SELECT id FROM escort_shutdown WHERE incident_id = ?").param(id).query(String.class).single();
        assertThat(path(cityEpi.post("/escort/shutdowns/" + shutdownId + "/approve", Map.of("comment", "联审同意")))).isEqualTo("/escort/shutdowns");
        assertThat(epi.get(detail).body()).as("one consent: still pending").contains("待审批", "待经济运行调度指挥部会商");
        assertThat(hq.get("/escort/shutdowns").body()).contains("待经济运行调度指挥部会商");
        assertThat(path(hq.post("/escort/shutdowns/" + shutdownId + "/approve", Map.of("comment", "联审同意")))).isEqualTo("/escort/shutdowns");
        page = hq.get(detail);
        assertThat(page.body()).contains("停产中", "联审同意", "处置操作由防疫保障组办理").doesNotContain("close-form");

        assertThat(signIn("hq_kf", DEMO).get(detail).status()).as("another city's HQ").isEqualTo(404);
        assertThat(path(epi.post(detail + "/close", Map.of()))).isEqualTo(detail);
        assertThat(epi.get(detail).body()).contains("data-status=\"CLOSED\"", "结束处置");
    }

    @Test
    void anOverdueReTestIsMarkedOnTheBusinessClock() {
        WebClient epi = signIn("epi_xz", DEMO);
        String detail = open(epi);
        String id = detail.substring(detail.lastIndexOf('/') + 1);
        fx.advance(7);
        assertThat(epi.get(detail).body()).contains("已超时 1 小时");
        assertThat(epi.get(detail + "?lang=en").body()).contains("Temporary observation", "Overdue by 1 h",
                "Reported (First positive): temporary observation", "Record re-test").doesNotContain("??");
        WebClient.Page list = epi.get("/epidemic/incidents?status=OBSERVATION");
        assertThat(list.body().substring(list.body().indexOf("incident-" + id))).contains("retest-overdue");
    }

    @Test
    void theAlertBoardStartsHandlingAPositiveAndThenLinksToTheIncident() {
        String sampled = fx.now().minusMinutes(30).truncatedTo(ChronoUnit.SECONDS).toString();
        fx.results(patientIdNumber + "," + sampled + ",PCR,POSITIVE\n");
        fx.sweep();
        WebClient epi = signIn("epi_xz", DEMO);
        String board = "/epidemic/alerts?type=POSITIVE_RESULT&enterpriseId=" + subject;
        assertThat(epi.get(board).body()).as("转临时留观 from the alert").contains("alert-observe", "/observe")
                .doesNotContain("alert-incident-open");
        String detail = path(epi.post("/epidemic/enterprise/" + subject + "/incidents",
                Map.of("kind", "FIRST_POSITIVE", "employeeId", patient)));
        assertThat(epi.get(board).body()).contains("alert-incident-link", detail)
                .doesNotContain("alert-incident-open", "alert-observe");
        assertThat(epi.get("/epidemic/alerts").body()).contains("incidents-link")
                .as("the filter picks the enterprise by name or USCC, no internal id asked for")
                .contains("list=\"alert-enterprise-options\"").contains("/enterprises/options").doesNotContain("企业编号");

        // the picker's label "名称 · USCC" filters, and comes back in the box; a link's id is shown by name
        var facts = subjects.find(subject, org.sibao.identity.DataScope.system()).orElseThrow();
        String label = facts.name() + " · " + facts.uscc();
        String byName = epi.get("/epidemic/alerts?type=POSITIVE_RESULT&enterprise="
                + java.net.URLEncoder.encode(label, java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(byName).contains("王阳性").contains("value=\"" + label + "\"").doesNotContain("f-enterprise-error");
        assertThat(epi.get(board).body()).contains("value=\"" + label + "\"");
        String unknown = epi.get("/epidemic/alerts?enterprise=" + java.net.URLEncoder.encode("没有这家企业",
                java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(unknown).contains("f-enterprise-error").contains("本辖区内没有这家企业").doesNotContain("王阳性");
        // another county's officer cannot name it
        assertThat(signIn("epi_kf", DEMO).get("/epidemic/alerts?status=&enterprise="
                + java.net.URLEncoder.encode(label, java.nio.charset.StandardCharsets.UTF_8)).body())
                .contains("f-enterprise-error").doesNotContain("王阳性");
    }

    @Test
    void anEnterpriseSeesItsOwnIncidentsWithoutTheOfficersSteps() {
        WebClient epi = signIn("epi_xz", DEMO);
        String detail = open(epi);
        String other = fx.activeSubject(XINZHENG);
        ApiClient.Response elsewhere = admin.post("/api/v1/epidemic/incidents", Map.of("enterpriseId", other, "kind", "SUSPECTED"));
        assertThat(elsewhere.status()).isEqualTo(201);
        String username = TestUsers.uniqueName("incident_ent");
        TestUsers.create(admin, username, "ENTERPRISE", XINZHENG, Map.of("enterpriseId", subject));
        WebClient ent = signIn(username, TestUsers.PASSWORD);

        WebClient.Page list = ent.get("/epidemic/incidents");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(detail).doesNotContain("incident-" + elsewhere.text("id"), "f-region");
        assertThat((long) list.body().split("data-status=").length - 1).isEqualTo(
                jdbc.sql("SELECT COUNT(*) FROM epi_incident WHERE subject_id = ?").param(subject).query(Long.class).single());
        assertThat(ent.get("/epidemic/incidents/" + elsewhere.text("id")).status()).isEqualTo(404);
        WebClient.Page page = ent.get(detail);
        assertThat(page.body()).contains("王阳性").doesNotContain("retest-form", "shutdown-form");
        assertThat(ent.post(detail + "/retest", Map.of("result", "NEGATIVE")).status()).isEqualTo(403);
    }
}
