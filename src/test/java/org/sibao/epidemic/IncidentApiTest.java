package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Incidents: observation with a 6-hour re-test, confirmation with close contacts and a red zone, clearing and quiet period. */
@FullStackTest
class IncidentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    EpidemicFixtures fx;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
        fx = new EpidemicFixtures(admin, subjects);
    }

    @Test
    void confirmsWithCloseContactsAndAZoneMarkedRed() {
        String subject = fx.activeSubject(XINZHENG);
        fx.roster(subject, employee("病例", TestIds.next(), "FIXED"), employee("密接", TestIds.next(), "FIXED"));
        String patient = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = '病例'").param(subject).query(String.class).single();
        String contact = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = '密接'").param(subject).query(String.class).single();
        String zone = admin.post("/api/v1/enterprises/" + subject + "/zones", Map.of("name", "二车间", "kind", "PRODUCTION")).text("id");

        ApiClient epi = new ApiClient(port).as("epi_xz", "Demo@2022");
        ApiClient.Response opened = epi.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", subject, "employeeId", patient, "kind", "FIRST_POSITIVE", "note", "抗原阳性"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.text("status")).isEqualTo("OBSERVATION");
        assertThat(Duration.between(OffsetDateTime.parse(opened.text("openedAt")), OffsetDateTime.parse(opened.text("retestDueAt"))))
                .isEqualTo(Duration.ofHours(6));
        String id = opened.text("id");
        ApiClient.Response twice = epi.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", subject, "employeeId", patient, "kind", "SUSPECTED"));
        assertThat(twice.status()).as("one incident in progress per employee").isEqualTo(409);
        assertThat(twice.text("detail")).contains(id);

        fx.advance(7);
        fx.sweep();
        assertThat(epi.get("/api/v1/epidemic/incidents/" + id).body().get("retestOverdue").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT retest_notified FROM epi_incident WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(epi.get("/api/v1/notifications?size=500").raw()).as("the notice names the subject, not the incident's id")
                .contains(admin.get("/api/v1/enterprises/" + subject).text("name") + "的疫情事件（临时观察）6 小时复检已超时")
                .doesNotContain("疫情事件 " + id);

        assertThat(new ApiClient(port).as("hq_xz", "Demo@2022").post("/api/v1/epidemic/incidents/" + id + "/confirm", Map.of())
                .status()).isEqualTo(403);
        ApiClient.Response confirmed = epi.post("/api/v1/epidemic/incidents/" + id + "/confirm",
                Map.of("closeContactIds", List.of(contact), "zoneId", zone, "basis", "疾控中心确诊"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.body().get("closeContactIds").get(0).asString()).isEqualTo(contact);
        assertThat(admin.get("/api/v1/enterprises/" + subject + "/zones").body().get("items").get(0).get("colour").asString()).isEqualTo("RED");
        assertThat(epi.post("/api/v1/epidemic/incidents/" + id + "/clear", Map.of()).status()).isEqualTo(409);
        assertThat(epi.post("/api/v1/epidemic/incidents/" + id + "/close", Map.of()).text("status")).isEqualTo("CLOSED");
        ApiClient.Response outside = new ApiClient(port).as("epi_kf", "Demo@2022").get("/api/v1/epidemic/incidents/" + id);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.raw()).as("the 404 does not name the subject").doesNotContain(subject);
        assertThat(epi.post("/api/v1/epidemic/incidents", Map.of("enterpriseId", subject, "employeeId", patient,
                "kind", "SUSPECTED")).status()).as("a closed incident does not block a new one").isEqualTo(201);
    }

    @Test
    void aClearedIncidentKeepsDailyTestsUntilItsQuietPeriodEnds() {
        String subject = fx.activeSubject(XINZHENG);
        String id = TestIds.next();
        fx.roster(subject, employee("固定岗", id, "FIXED"));
        String employeeId = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ?").param(subject).query(String.class).single();
        fx.results(id + "," + fx.now().truncatedTo(ChronoUnit.SECONDS) + ",PCR,NEGATIVE\n");
        ApiClient.Response opened = admin.post("/api/v1/epidemic/incidents", Map.of("enterpriseId", subject, "kind", "SUSPECTED"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(admin.post("/api/v1/epidemic/incidents/" + opened.text("id") + "/clear", Map.of("quietDays", 3)).status())
                .as("not cleared on the first report alone: the re-test decides").isEqualTo(409);
        admin.post("/api/v1/epidemic/incidents/" + opened.text("id") + "/retest", Map.of("result", "POSITIVE"));
        assertThat(admin.post("/api/v1/epidemic/incidents/" + opened.text("id") + "/clear", Map.of("quietDays", 3)).status())
                .as("nor on a positive one").isEqualTo(409);
        admin.post("/api/v1/epidemic/incidents/" + opened.text("id") + "/retest", Map.of("result", "NEGATIVE"));
        ApiClient.Response cleared = admin.post("/api/v1/epidemic/incidents/" + opened.text("id") + "/clear", Map.of("quietDays", 3));
        assertThat(cleared.text("status")).isEqualTo("CLEARED");
        assertThat(admin.post("/api/v1/epidemic/incidents/" + opened.text("id") + "/close", Map.of()).status()).isEqualTo(409);

        fx.advance(25);
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", employeeId)).as("quiet period: daily tests").containsExactly("OPEN");
        fx.advance(48);
        fx.sweep();
        ApiClient.Response back = admin.get("/api/v1/epidemic/incidents/" + opened.text("id"));
        assertThat(back.text("status")).as("back to work once the quiet period is over").isEqualTo("CLOSED");
        assertThat(back.raw()).contains("QUIET_ENDED");
        assertThat(admin.post("/api/v1/epidemic/incidents/" + opened.text("id") + "/close", Map.of()).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/epidemic/incidents", Map.of("enterpriseId", subject, "kind", "RUMOUR")).status())
                .isEqualTo(400);
    }
}
