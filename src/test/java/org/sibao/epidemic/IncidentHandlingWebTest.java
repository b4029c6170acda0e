package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
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

/** 转临时留观 from the alert board and the subject's page; the incident page's close and secondary contacts (修武县). */
@FullStackTest
class IncidentHandlingWebTest {

    static final String XIUWU = "410821";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    EpidemicFixtures fx;
    String subject;
    Map<String, String> ids;

    @BeforeEach
    void aSubjectInXiuwu() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
        fx = new EpidemicFixtures(admin, subjects);
        subject = fx.activeSubject(XIUWU);
    }

    private void roster(Map<String, Object>... employees) {
        fx.roster(subject, employees);
        ids = new HashMap<>();
        jdbc.sql("SELECT name, id FROM epi_employee WHERE subject_id = ?").param(subject)
                .query((rs, n) -> ids.put(rs.getString(1), rs.getString(2))).list();
    }

    private WebClient signIn(String role) {
        String name = TestUsers.uniqueName("inc9w_" + role.toLowerCase());
        TestUsers.create(admin, name, role, XIUWU, Map.of());
        WebClient web = new WebClient(port);
        assertThat(web.login(name, TestUsers.PASSWORD).status()).isEqualTo(302);
        return web;
    }

    private static String path(WebClient.Page redirect) {
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        return redirect.location().replaceFirst("^https?://[^/]+", "");
    }

    /** The alert board's row of one alert. */
    private static String row(WebClient.Page board, String alertId) {
        String body = board.body();
        int start = body.indexOf("id=\"alert-" + alertId + "\"");
        assertThat(start).as("row of alert " + alertId).isPositive();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    @Test
    void theAlertBoardAndTheSubjectPageMoveSymptomsToTemporaryObservation() {
        String fever = TestIds.next();
        roster(employee("发热员工", fever, "FIXED"), employee("健康员工", TestIds.next(), "FIXED"));
        LocalDate today = fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        assertThat(admin.post("/api/v1/enterprises/" + subject + "/health-reports", Map.of("date", today.toString(),
                "present", 2, "symptomatic", List.of(Map.of("idNumber", fever, "symptom", "发热"),
                        Map.of("idNumber", TestIds.next(), "symptom", "咳嗽")))).status()).isEqualTo(201);
        fx.sweep();
        Map<String, String> alert = new HashMap<>();
        admin.get("/api/v1/epidemic/alerts?size=50&enterpriseId=" + subject + "&type=SYMPTOM").body().get("items")
                .forEach(a -> alert.put(a.path("employeeId").asString("-"), a.get("id").asString()));
        String employeeAlert = alert.get(ids.get("发热员工"));
        String subjectAlert = alert.get("-");
        assertThat(employeeAlert).isNotNull();
        assertThat(subjectAlert).isNotNull();

        WebClient epi = signIn("EPIDEMIC_OFFICER");
        String board = "/epidemic/alerts?type=SYMPTOM&enterpriseId=" + subject;
        WebClient.Page page = epi.get(board);
        assertThat(row(page, employeeAlert)).contains("alert-observe", "/epidemic/alerts/" + employeeAlert + "/observe",
                "转临时留观");
        assertThat(row(page, subjectAlert)).as("someone off the roster: no button, and it says why")
                .doesNotContain("/observe").contains("alert-observe-unavailable", "不在花名册");
        assertThat(epi.get("/epidemic/enterprise/" + subject).body()).as("the subject's page offers it too")
                .contains("/epidemic/alerts/" + employeeAlert + "/observe").doesNotContain("/epidemic/alerts/" + subjectAlert + "/observe");
        assertThat(signIn("HQ_OFFICER").get(board).body()).as("the HQ watches; epidemic officers act")
                .doesNotContain("/epidemic/alerts/" + employeeAlert + "/observe");

        epi.get(board);
        String detail = path(epi.post("/epidemic/alerts/" + employeeAlert + "/observe", Map.of()));
        assertThat(detail).startsWith("/epidemic/incidents/");
        page = epi.get(detail);
        assertThat(page.body()).contains("已转临时留观，须在 6 小时内完成单采复核", "data-status=\"OBSERVATION\"", "发热员工",
                "疑似病例", "由电子哨预警（症状异常）转临时留观", "retest-countdown");
        page = epi.get("/epidemic/alerts?status=&type=SYMPTOM&enterpriseId=" + subject);
        assertThat(row(page, employeeAlert)).as("acknowledged, linked to its incident")
                .contains("已签收", "alert-incident-link", detail).doesNotContain("/observe");

        // refused: back where the step was taken, saying why
        epi.get("/epidemic/enterprise/" + subject);
        String back = path(epi.post("/epidemic/alerts/" + subjectAlert + "/observe",
                Map.of("back", "/epidemic/enterprise/" + subject)));
        assertThat(back).isEqualTo("/epidemic/enterprise/" + subject);
        assertThat(epi.get(back).body()).contains("flash-error", "报告的症状人员不在本企业花名册中");
        assertThat(path(epi.post("/epidemic/alerts/" + employeeAlert + "/observe", Map.of()))).isEqualTo("/epidemic/alerts");
        assertThat(epi.get("/epidemic/alerts").body()).contains("flash-error", "该员工已有处置中的事件");
    }

    @Test
    void theIncidentPageListsCloseAndSecondaryContactsInTheirOwnGroups() {
        roster(employee("病例赵", TestIds.next(), "FIXED"), employee("密接钱", TestIds.next(), "FIXED"),
                employee("次密孙", TestIds.next(), "FIXED"));
        ApiClient.Response opened = admin.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", subject, "employeeId", ids.get("病例赵"), "kind", "SUSPECTED"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String detail = "/epidemic/incidents/" + opened.text("id");

        WebClient epi = signIn("EPIDEMIC_OFFICER");
        WebClient.Page page = epi.get(detail);
        assertThat(page.body()).contains("incident-secondary-contacts", "secondary-form", "confirm-hint",
                "尚无阳性复核结果：确诊须填写确诊依据").containsPattern("id=\"confirm-basis\"[^>]*required");
        assertThat(path(epi.post(detail + "/contacts", Map.of("contactIds", ids.get("密接钱"))))).isEqualTo(detail);
        epi.get(detail);
        assertThat(path(epi.post(detail + "/contacts", Map.of("contactIds", ids.get("次密孙"), "tier", "SECONDARY",
                "closeContactId", ids.get("病例赵"))))).isEqualTo(detail);
        assertThat(epi.get(detail).body()).contains("flash-error", "关联密接：关联的人员不是本事件的密接");
        assertThat(path(epi.post(detail + "/contacts", Map.of("contactIds", ids.get("次密孙"), "tier", "SECONDARY",
                "closeContactId", ids.get("密接钱"))))).isEqualTo(detail);

        page = epi.get(detail);
        String body = page.body();
        String close = body.substring(body.indexOf("id=\"incident-contacts\""), body.indexOf("id=\"incident-secondary-contacts\""));
        String secondary = body.substring(body.indexOf("id=\"incident-secondary-contacts\""), body.indexOf("id=\"incident-timeline\""));
        assertThat(close).contains("密接钱").doesNotContain("次密孙");
        assertThat(secondary).contains("次密孙", "经密接 密接钱");
        assertThat(body).contains("列入密接 1 人", "列入次密接 1 人");
        assertThat(epi.get(detail + "?lang=en").body()).contains("Secondary contacts", "via close contact 密接钱",
                "1 secondary contacts listed").doesNotContain("??");

        assertThat(epi.get("/epidemic/code-protection?status=WITHDRAWN&regionCode=" + XIUWU).body())
                .contains("次密孙", "疫情事件次密接", "密接钱", "疫情事件密接");
    }
}
