package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The arrivals on a subject's epidemic page: the red isolation label of a HIGH-risk arrival, a visitor's landing
 * test due and recorded through the row's form (its local time read as Beijing time, a bad result named), and the
 * alert board naming the arrival whose landing test is overdue. County 获嘉县 410724.
 */
@FullStackTest
class ArrivalMeasuresWebTest {

    static final String HUOJIA = "410724";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void thePageShowsIsolationAndTheLandingTestAndRecordsIt() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        String subject = fx.activeSubject(HUOJIA);
        String entName = TestUsers.uniqueName("ent_arrivals");
        TestUsers.create(admin, entName, "ENTERPRISE", HUOJIA, Map.of("enterpriseId", subject));
        String epiName = TestUsers.uniqueName("epi_arrivals");
        TestUsers.create(admin, epiName, "EPIDEMIC_OFFICER", HUOJIA, Map.of());
        WebClient ent = WebClient.signedIn(port, entName, TestUsers.PASSWORD);
        LocalDate today = fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        String page = "/epidemic/enterprise/" + subject;

        ent.get(page);
        assertThat(ent.post(page + "/arrivals", Map.of("name", "高风险来客", "idNumber", TestIds.next(), "origin", "上海市浦东新区",
                "riskLevel", "HIGH", "arrivalDate", today.toString(), "registered", "true")).status()).isEqualTo(302);
        assertThat(ent.post(page + "/arrivals", Map.of("name", "低风险访客", "idNumber", TestIds.next(), "origin", "郑州市",
                "riskLevel", "LOW", "arrivalDate", today.toString(), "registered", "true")).status()).isEqualTo(302);
        assertThat(ent.post(page + "/arrivals", Map.of("name", "前天到访", "idNumber", TestIds.next(), "origin", "",
                "riskLevel", "LOW", "arrivalDate", today.minusDays(2).toString(), "registered", "false")).status()).isEqualTo(302);

        String body = ent.get(page).body();
        assertThat(body).contains("须集中隔离 7 天 · 不得进企", "集中隔离至 " + today.plusDays(6) + "（含）")
                .contains("须于 " + today.plusDays(1) + " 24 时前完成落地核酸检测")
                .contains("落地核酸检测超期（应于 " + today.minusDays(1) + " 24 时前完成）")
                .contains("arrival-landing-form");
        assertThat(body).as("the subject's risk while the arrival is isolated")
                .containsPattern("id=\"risk-level\"[^>]*>高风险<");

        String visitor = null;
        String late = null;
        for (JsonNode a : admin.get("/api/v1/enterprises/" + subject + "/arrivals").body().get("items")) {
            if ("低风险访客".equals(a.get("name").asString())) {
                visitor = a.get("id").asString();
            } else if ("前天到访".equals(a.get("name").asString())) {
                late = a.get("id").asString();
            }
        }
        WebClient.Page bad = ent.post("/epidemic/arrivals/" + visitor + "/landing-test",
                Map.of("enterpriseId", subject, "sampledAt", "", "result", "MAYBE"));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(ent.get(page).body()).contains("检测结果无效：MAYBE");

        String local = fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).minusHours(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        ent.get(page);
        assertThat(ent.post("/epidemic/arrivals/" + visitor + "/landing-test",
                Map.of("enterpriseId", subject, "sampledAt", local, "result", "NEGATIVE")).status()).isEqualTo(302);
        String after = ent.get(page).body();
        assertThat(after).contains("已登记落地检测", "已落地检测", "采样时间 " + local.substring(5).replace('T', ' ') + " · 阴性");
        JsonNode recorded = admin.get("/api/v1/enterprises/" + subject + "/arrivals").body().get("items");
        for (JsonNode a : recorded) {
            if (visitor.equals(a.get("id").asString())) {
                assertThat(a.get("landingResult").asString()).isEqualTo("NEGATIVE");
                assertThat(java.time.OffsetDateTime.parse(a.get("landingSampledAt").asString()).toInstant())
                        .as("the form's local time is Beijing time")
                        .isEqualTo(java.time.LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
            }
        }

        fx.sweep();
        WebClient epi = WebClient.signedIn(port, epiName, TestUsers.PASSWORD);
        String board = epi.get("/epidemic/alerts?type=TEST_OVERDUE&enterpriseId=" + subject).body();
        assertThat(board).as("the alert says which arrival").contains("前天到访（来豫人员）", "#arrival-" + late)
                .doesNotContain("低风险访客（来豫人员）");
    }
}
