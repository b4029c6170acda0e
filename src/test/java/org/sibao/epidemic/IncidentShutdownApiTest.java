package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An incident asks the HQ for a shutdown: the request is filed in the escort module linked to the incident, 郑州's
 * HQ office and epidemic command (新郑's city) decide it jointly there, and it ends by itself after at most 3 days on
 * the drill clock; the incident shows it all.
 */
@FullStackTest
class IncidentShutdownApiTest {

    private static final String DEMO = "Demo@2022";

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

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, DEMO);
    }

    private String openIncident(ApiClient epi, String subject) {
        fx.roster(subject, employee("阳性员工", TestIds.next(), "FIXED"));
        String employeeId = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ?").param(subject).query(String.class).single();
        ApiClient.Response opened = epi.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", subject, "employeeId", employeeId, "kind", "FIRST_POSITIVE", "note", "抗原初筛阳性"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened.text("id");
    }

    private static List<String> fields(ApiClient.Response r) {
        List<String> out = new ArrayList<>();
        r.body().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    @Test
    void anIncidentsShutdownRequestIsDecidedByTheHqAndEndsByItselfOnTheDrillClock() {
        String subject = fx.activeSubject(XINZHENG);
        ApiClient epi = as("epi_xz");
        String incident = openIncident(epi, subject);
        String path = "/api/v1/epidemic/incidents/" + incident + "/shutdown-request";

        ApiClient.Response tooLong = epi.post(path, Map.of("days", 4, "reason", "车间阳性，需全面消杀"));
        assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(fields(tooLong)).containsExactly("days");
        assertThat(tooLong.body().get("errors").get(0).get("message").asString()).contains("3");
        assertThat(tooLong.raw()).as("Chinese by default").containsPattern("[\\u4e00-\\u9fa5]");
        ApiClient.Response empty = epi.english().post(path, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).containsExactlyInAnyOrder("days", "reason");
        assertThat(empty.raw()).doesNotContainPattern("[\\u4e00-\\u9fa5]");

        assertThat(as("epi_kf").post(path, Map.of("days", 2, "reason", "x")).status()).as("another city's officer").isEqualTo(404);
        assertThat(as("hq_kf").get("/api/v1/epidemic/incidents/" + incident).status()).isEqualTo(404);
        assertThat(as("sector_industry_xz").post(path, Map.of("days", 2, "reason", "x")).status()).isEqualTo(403);

        ApiClient.Response filed = epi.post(path, Map.of("days", 2, "reason", "车间阳性，需全面消杀"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        assertThat(filed.text("status")).isEqualTo("PENDING");
        assertThat(filed.text("incidentId")).isEqualTo(incident);
        assertThat(filed.body().get("days").asInt()).isEqualTo(2);
        String shutdownId = filed.text("id");
        assertThat(epi.post(path, Map.of("days", 1, "reason", "再次")).status()).as("one open shutdown per subject").isEqualTo(409);

        ApiClient hq = as("hq_xz");
        ApiClient.Response escortView = hq.get("/api/v1/escort/shutdowns/" + shutdownId);
        assertThat(escortView.status()).as(escortView.raw()).isEqualTo(200);
        assertThat(escortView.text("incidentId")).isEqualTo(incident);
        assertThat(escortView.text("enterpriseId")).isEqualTo(subject);

        assertThat(escortView.body().get("epidemicConsent").isNull()).as("filing by the epidemic office is no consent").isTrue();
        assertThat(escortView.body().get("awaiting").toString()).isEqualTo("[\"HQ\",\"EPIDEMIC\"]");

        ApiClient.Response consent = as("epi_zz").post("/api/v1/escort/shutdowns/" + shutdownId + "/approve", Map.of("comment", "联审同意"));
        assertThat(consent.text("status")).as(consent.raw()).isEqualTo("PENDING");
        ApiClient.Response half = epi.get("/api/v1/epidemic/incidents/" + incident);
        assertThat(half.body().get("shutdowns").get(0).get("awaiting").toString()).as("awaits the HQ's word").isEqualTo("[\"HQ\"]");
        assertThat(half.body().get("timeline").size()).as("one consent is no decision").isEqualTo(2);
        ApiClient.Response approved = as("hq_zz").post("/api/v1/escort/shutdowns/" + shutdownId + "/approve", Map.of("comment", "联审同意"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("ACTIVE");
        assertThat(Duration.between(OffsetDateTime.parse(approved.text("startedAt")), OffsetDateTime.parse(approved.text("endsAt"))))
                .isEqualTo(Duration.ofDays(2));

        ApiClient.Response detail = epi.get("/api/v1/epidemic/incidents/" + incident);
        assertThat(detail.status()).as(detail.raw()).isEqualTo(200);
        assertThat(detail.text("status")).as("the incident's own fields stay at the top level").isEqualTo("OBSERVATION");
        assertThat(detail.body().get("shutdowns").get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(detail.body().get("shutdowns").get(0).get("decisionComment").asString()).isEqualTo("联审同意");
        List<String> actions = new ArrayList<>();
        detail.body().get("timeline").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("OPENED", "SHUTDOWN_REQUESTED", "SHUTDOWN_APPROVED");
        assertThat(detail.body().get("timeline").get(1).get("by").asString()).isNotBlank();
        assertThat(detail.body().get("timeline").get(1).get("note").asString()).isEqualTo("车间阳性，需全面消杀");

        fx.advance(49);
        ApiClient.Response after = epi.get("/api/v1/epidemic/incidents/" + incident);
        assertThat(after.body().get("shutdowns").get(0).get("status").asString()).isEqualTo("ENDED");
        assertThat(after.body().get("shutdowns").get(0).get("endCause").asString()).isEqualTo("EXPIRED");
        JsonNode ended = after.body().get("timeline").get(3);
        assertThat(ended.get("action").asString()).isEqualTo("SHUTDOWN_ENDED");
        assertThat(ended.get("by").asString()).as("the clock ended it, not the reader").isEqualTo("系统");
        assertThat(detail.body().get("timeline").get(2).get("note").asString()).isEqualTo("联审同意");
    }

    @Test
    void onlyAnOpenIncidentOfAWhitelistedSubjectCanAskForAShutdown() {
        String subject = fx.activeSubject(XINZHENG);
        ApiClient epi = as("epi_xz");
        String incident = openIncident(epi, subject);
        epi.post("/api/v1/epidemic/incidents/" + incident + "/retest", Map.of("result", "NEGATIVE"));
        ApiClient.Response cleared = epi.post("/api/v1/epidemic/incidents/" + incident + "/clear", Map.of("quietDays", 3));
        assertThat(cleared.text("status")).isEqualTo("CLEARED");
        ApiClient.Response late = epi.post("/api/v1/epidemic/incidents/" + incident + "/shutdown-request",
                Map.of("days", 1, "reason", "静默期"));
        assertThat(late.status()).as(late.raw()).isEqualTo(409);
        assertThat(late.text("detail")).contains("已排除（静默期）").doesNotContain("CLEARED");

        String unlisted = admin.post("/api/v1/enterprises", org.sibao.subject.TestSubjects.enterprise(
                org.sibao.subject.TestSubjects.uscc(XINZHENG), "非白名单" + org.sibao.subject.TestSubjects.token(), XINZHENG,
                "INDUSTRY")).text("id");
        String other = openIncident(epi, unlisted);
        assertThat(epi.post("/api/v1/epidemic/incidents/" + other + "/shutdown-request", Map.of("days", 1, "reason", "x"))
                .status()).as("not on the whitelist: nothing to protect or shut").isEqualTo(409);

        ApiClient.Response byHq = as("hq_xz").post("/api/v1/epidemic/incidents/" + other + "/shutdown-request",
                Map.of("days", 3, "reason", "x"));
        assertThat(byHq.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM escort_shutdown WHERE incident_id IN (?, ?)").params(incident, other)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theReTestIsRecordedAsTheEmployeesResultAndCloseContactsAreAddedLater() {
        String subject = fx.activeSubject(XINZHENG);
        ApiClient epi = as("epi_xz");
        String incident = openIncident(epi, subject);
        fx.roster(subject, employee("同班组", TestIds.next(), "FIXED"));
        String contact = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = '同班组'").param(subject)
                .query(String.class).single();

        assertThat(epi.post("/api/v1/epidemic/incidents/" + incident + "/retest", Map.of("result", "MAYBE")).status())
                .isEqualTo(400);
        assertThat(as("hq_xz").post("/api/v1/epidemic/incidents/" + incident + "/retest", Map.of("result", "POSITIVE"))
                .status()).isEqualTo(403);
        ApiClient.Response retested = epi.post("/api/v1/epidemic/incidents/" + incident + "/retest",
                Map.of("result", "POSITIVE", "kind", "PCR", "note", "单采复核"));
        assertThat(retested.status()).as(retested.raw()).isEqualTo(200);
        assertThat(retested.text("retestResult")).isEqualTo("POSITIVE");
        assertThat(jdbc.sql("""
                SELECT x.last_result FROM epi_latest_result x JOIN epi_employee e ON e.seq = x.employee_seq JOIN epi_incident i ON i.employee_id = e.id
                WHERE i.id = ?""").param(incident).query(String.class).single()).isEqualTo("POSITIVE");

        ApiClient.Response confirmed = epi.post("/api/v1/epidemic/incidents/" + incident + "/confirm", Map.of());
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        ApiClient.Response listed = epi.post("/api/v1/epidemic/incidents/" + incident + "/contacts",
                Map.of("employeeIds", List.of(contact, "nobody")));
        assertThat(listed.status()).isEqualTo(400);
        assertThat(fields(listed)).containsExactly("employeeIds[1]");
        listed = epi.post("/api/v1/epidemic/incidents/" + incident + "/contacts", Map.of("employeeIds", List.of(contact)));
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.body().get("closeContactIds").get(0).asString()).isEqualTo(contact);

        ApiClient.Response detail = epi.get("/api/v1/epidemic/incidents/" + incident);
        assertThat(detail.body().get("closeContacts").get(0).get("name").asString()).isEqualTo("同班组");
        assertThat(detail.body().get("closeContacts").get(0).get("idNumber").asString()).contains("*");
        List<String> actions = new ArrayList<>();
        detail.body().get("timeline").forEach(e -> actions.add(e.get("action").asString() + ":" + e.path("detail").asString("")));
        assertThat(actions).containsExactly("OPENED:FIRST_POSITIVE", "RETESTED:PCR:POSITIVE", "CONFIRMED:0", "CONTACTS_LISTED:1");

        ApiClient.Response list = epi.get("/api/v1/epidemic/incidents?status=CONFIRMED&regionCode=410100");
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids).contains(incident);
        assertThat(list.body().get("items").get(0).get("enterpriseName").asString()).isNotBlank();
        assertThat(epi.get("/api/v1/epidemic/incidents?status=CONFIRMED&regionCode=410200").body().get("total").asLong())
                .as("another region's filter inside the officer's scope finds nothing of 新郑").isZero();
        ApiClient.Response bad = epi.get("/api/v1/epidemic/incidents?status=DONE&regionCode=41");
        assertThat(bad.status()).as("unknown filter values are named, as on the other lists").isEqualTo(400);
        assertThat(bad.raw()).contains("\"status\"", "\"regionCode\"");
    }
}
