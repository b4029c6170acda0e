package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Differentiated measures for arrivals (差异化赋码, seed 001) on the drill clock: centralised isolation and no entry
 * for arrivals from MEDIUM or HIGH risk areas (registered or back-filled), the subject's risk level meanwhile and the
 * notices; the 24-hour landing test of every other arrival, its TEST_OVERDUE alert opened past the deadline and
 * resolved by a returnee's bulk PCR result or a visitor's landing test recorded on the arrival, a POSITIVE landing
 * test; scope and validation. Counties 新乡县 410721, 获嘉县 410724, 原阳县 410725.
 */
@FullStackTest
class ArrivalMeasuresTest {

    static final String XINXIANG = "410721";
    static final String HUOJIA = "410724";
    static final String YUANYANG = "410725";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

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

    private ApiClient user(String role, String region, Map<String, String> extra) {
        String name = TestUsers.uniqueName(role.toLowerCase());
        TestUsers.create(admin, name, role, region, extra);
        return new ApiClient(port).as(name, TestUsers.PASSWORD);
    }

    private LocalDate today() {
        return fx.now().atZoneSameInstant(BEIJING).toLocalDate();
    }

    private static Map<String, Object> arrival(String name, String idNumber, String origin, String risk, LocalDate date) {
        return Map.of("name", name, "idNumber", idNumber, "origin", origin, "riskLevel", risk, "arrivalDate", date.toString());
    }

    private String subjectName(String subject) {
        return admin.get("/api/v1/enterprises/" + subject).text("name");
    }

    private String risk(String subject) {
        ApiClient.Response r = admin.get("/api/v1/enterprises/" + subject + "/epidemic-risk");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.text("riskLevel");
    }

    private static List<String> fields(ApiClient.Response r) {
        List<String> out = new ArrayList<>();
        r.body().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    @Test
    void aSubjectsArrivalsZonesAndReportsAreListsLikeTheOthers() {
        String subject = fx.activeSubject(YUANYANG);
        ApiClient ent = user("ENTERPRISE", YUANYANG, Map.of("enterpriseId", subject));
        for (String name : List.of("来豫一", "来豫二", "来豫三")) {
            assertThat(ent.post("/api/v1/enterprises/" + subject + "/arrivals",
                    arrival(name, TestIds.next(), "郑州市金水区", "LOW", today())).status()).isEqualTo(201);
        }
        JsonNode page = ent.get("/api/v1/enterprises/" + subject + "/arrivals?size=2&page=1").body();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        for (String list : List.of("zones", "health-reports", "production-reports")) {
            JsonNode body = ent.get("/api/v1/enterprises/" + subject + "/" + list).body();
            assertThat(body.has("items") && body.has("page") && body.has("size") && body.has("total")).as(list).isTrue();
        }
        assertThat(ent.get("/api/v1/enterprises/" + subject + "/arrivals?size=1000").status()).isEqualTo(400);
    }

    @Test
    void aHighRiskArrivalIsIsolatedForSevenDaysKeptOutRaisesTheRiskAndIsNotified() {
        String subject = fx.activeSubject(XINXIANG);
        ApiClient epi = user("EPIDEMIC_OFFICER", XINXIANG, Map.of());
        ApiClient epiElsewhere = user("EPIDEMIC_OFFICER", HUOJIA, Map.of());
        ApiClient ent = user("ENTERPRISE", XINXIANG, Map.of("enterpriseId", subject));
        LocalDate today = today();
        assertThat(risk(subject)).isEqualTo("LOW");

        ApiClient.Response r = ent.post("/api/v1/enterprises/" + subject + "/arrivals",
                arrival("隔离人员", TestIds.next(), "上海市浦东新区", "HIGH", today));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.text("status")).isEqualTo("REGISTERED");
        assertThat(r.body().get("isolationRequired").asBoolean()).isTrue();
        assertThat(r.text("isolationEndsOn")).isEqualTo(today.plusDays(7).toString());
        assertThat(r.body().get("inIsolation").asBoolean()).isTrue();
        assertThat(r.body().get("entryAllowed").asBoolean()).as("严禁中高风险地区人员进入企业").isFalse();
        assertThat(r.body().get("underObservation").asBoolean()).as("not in the enterprise, so not observed in a zone").isFalse();
        assertThat(r.text("observationEndsOn")).as("7 days of observation once inside").isEqualTo(today.plusDays(14).toString());
        assertThat(r.body().get("landingTestRequired").asBoolean()).as("tested where isolated").isFalse();
        String id = r.text("id");

        ApiClient.Response risk = admin.get("/api/v1/enterprises/" + subject + "/epidemic-risk");
        assertThat(risk.text("riskLevel")).isEqualTo("HIGH");
        assertThat(risk.body().get("arrivalsInIsolation").get("HIGH").asInt()).isEqualTo(1);

        String notice = subjectName(subject) + "报备一名来自上海市浦东新区（高风险地区）的人员：须集中隔离 7 天至 " + today.plusDays(6);
        assertThat(epi.get("/api/v1/notifications?size=500").raw()).as("the region's epidemic officers").contains(notice);
        assertThat(ent.get("/api/v1/notifications?size=500").raw()).as("the enterprise's users").contains(notice)
                .as("no personal data in a notice").doesNotContain("隔离人员");
        assertThat(epiElsewhere.get("/api/v1/notifications?size=500").raw()).doesNotContain(subjectName(subject));

        assertThat(ent.post("/api/v1/epidemic/arrivals/" + id + "/end-observation", Map.of()).status())
                .as("isolation is not ended by ending the observation").isEqualTo(409);
        ApiClient.Response landing = ent.post("/api/v1/epidemic/arrivals/" + id + "/landing-test", Map.of("result", "NEGATIVE"));
        assertThat(landing.status()).as(landing.raw()).isEqualTo(409);
        assertThat(landing.text("detail")).contains("隔离点检测");
        assertThat(admin.get("/api/v1/admin/audit?entityType=arrival&entityId=" + id).raw()).contains("epidemic.arrival.registered");

        fx.advance(25);
        fx.advance(25);
        fx.sweep();
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", id)).as("no landing test owed").isEmpty();

        fx.advance(24 * 7 - 50);
        JsonNode after = ent.get("/api/v1/enterprises/" + subject + "/arrivals").body().get("items").get(0);
        assertThat(after.get("inIsolation").asBoolean()).isFalse();
        assertThat(after.get("entryAllowed").asBoolean()).as("the isolation is over").isTrue();
        assertThat(after.get("underObservation").asBoolean()).as("observed from the day of entry").isTrue();
        ApiClient.Response riskAfter = admin.get("/api/v1/enterprises/" + subject + "/epidemic-risk");
        assertThat(riskAfter.body().get("arrivalsInIsolation").size()).isZero();
        assertThat(riskAfter.text("riskLevel")).as("only alerts count again").isNotEqualTo("HIGH");
    }

    @Test
    void aBackFillToMediumRiskIsolatesAndNotifiesAndEndsTheLandingTest() {
        String subject = fx.activeSubject(HUOJIA);
        ApiClient epi = user("EPIDEMIC_OFFICER", HUOJIA, Map.of());
        LocalDate today = today();
        ApiClient.Response late = epi.post("/api/v1/enterprises/" + subject + "/arrivals/unregistered",
                Map.of("name", "补报人员", "idNumber", TestIds.next(), "arrivalDate", today.toString()));
        assertThat(late.status()).as(late.raw()).isEqualTo(201);
        assertThat(late.body().get("isolationRequired").asBoolean()).isFalse();
        assertThat(late.body().get("landingTestRequired").asBoolean()).as("risk not known yet: tested on landing").isTrue();
        assertThat(OffsetDateTime.parse(late.text("landingTestDueAt")).toInstant())
                .as("by the end of the day after the arrival date")
                .isEqualTo(today.plusDays(2).atStartOfDay(BEIJING).toInstant());

        ApiClient.Response bad = epi.post("/api/v1/epidemic/arrivals/" + late.text("id") + "/backfill",
                Map.of("riskLevel", "SEVERE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("origin", "riskLevel");

        ApiClient.Response filled = epi.post("/api/v1/epidemic/arrivals/" + late.text("id") + "/backfill",
                Map.of("origin", "北京市朝阳区", "riskLevel", "MEDIUM"));
        assertThat(filled.status()).as(filled.raw()).isEqualTo(200);
        assertThat(filled.body().get("isolationRequired").asBoolean()).isTrue();
        assertThat(filled.body().get("entryAllowed").asBoolean()).isFalse();
        assertThat(filled.text("isolationEndsOn")).isEqualTo(today.plusDays(7).toString());
        assertThat(filled.body().get("landingTestRequired").asBoolean()).isFalse();
        assertThat(risk(subject)).isEqualTo("MEDIUM");
        assertThat(epi.get("/api/v1/notifications?size=500").raw())
                .contains(subjectName(subject) + "报备一名来自北京市朝阳区（中风险地区）的人员");
        assertThat(epi.english().get("/api/v1/notifications?size=500").raw())
                .contains("registered an arrival from 北京市朝阳区 (medium-risk area)");
    }

    @Test
    void aVisitorsMissingLandingTestIsAlertedUntilRecordedAndAPositiveOneIsAPositiveResult() {
        String subject = fx.activeSubject(YUANYANG);
        ApiClient ent = user("ENTERPRISE", YUANYANG, Map.of("enterpriseId", subject));
        LocalDate today = today();
        ApiClient.Response r = ent.post("/api/v1/enterprises/" + subject + "/arrivals",
                arrival("来访客户", TestIds.next(), "郑州市金水区", "LOW", today));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("isolationRequired").asBoolean()).isFalse();
        assertThat(r.body().get("entryAllowed").asBoolean()).isTrue();
        assertThat(r.body().get("returnee").asBoolean()).as("not on the roster: a visitor").isFalse();
        assertThat(r.body().get("landingTestRequired").asBoolean()).isTrue();
        assertThat(r.body().get("landingTested").asBoolean()).isFalse();
        assertThat(r.body().get("landingTestOverdue").asBoolean()).isFalse();
        String id = r.text("id");
        fx.sweep();
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", id)).as("the day of landing: not due yet").isEmpty();

        fx.advance(25);
        fx.advance(25);
        assertThat(ent.get("/api/v1/enterprises/" + subject + "/arrivals").body().get("items").get(0).get("landingTestOverdue").asBoolean())
                .isTrue();
        fx.sweep();
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", id)).as("the visitor's own alert, no employee").containsExactly("OPEN");
        assertThat(risk(subject)).isIn("MEDIUM");

        ApiClient.Response invalid = ent.post("/api/v1/epidemic/arrivals/" + id + "/landing-test",
                Map.of("result", "MAYBE", "sampledAt", today.minusDays(1).atStartOfDay(BEIJING).toOffsetDateTime().toString()));
        assertThat(invalid.status()).as(invalid.raw()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("result", "sampledAt");
        assertThat(invalid.raw()).contains("采样时间不能早于抵达日期 " + today);
        ApiClient.Response missing = ent.english().post("/api/v1/epidemic/arrivals/" + id + "/landing-test",
                Map.of("sampledAt", "yesterday"));
        assertThat(fields(missing)).containsExactlyInAnyOrder("result", "sampledAt");
        assertThat(user("HQ_OFFICER", YUANYANG, Map.of()).post("/api/v1/epidemic/arrivals/" + id + "/landing-test",
                Map.of("result", "NEGATIVE")).status()).as("not a writer of epidemic data").isEqualTo(403);
        ApiClient.Response outside = user("EPIDEMIC_OFFICER", HUOJIA, Map.of()).post("/api/v1/epidemic/arrivals/" + id
                + "/landing-test", Map.of("result", "NEGATIVE"));
        assertThat(outside.status()).as("another county's arrival").isEqualTo(404);
        assertThat(outside.raw()).doesNotContain(subject);

        OffsetDateTime sampled = fx.now().minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Response tested = ent.post("/api/v1/epidemic/arrivals/" + id + "/landing-test",
                Map.of("result", "NEGATIVE", "sampledAt", sampled.toString()));
        assertThat(tested.status()).as(tested.raw()).isEqualTo(200);
        assertThat(tested.body().get("landingTested").asBoolean()).isTrue();
        assertThat(tested.text("landingResult")).isEqualTo("NEGATIVE");
        assertThat(OffsetDateTime.parse(tested.text("landingSampledAt")).toInstant()).isEqualTo(sampled.toInstant());
        assertThat(jdbc.sql("SELECT DISTINCT region_code FROM audit_log WHERE entity_id = ?").param(id)
                .query(String.class).list()).as("the arrival's audit entries belong to the county, for its own views")
                .containsExactly(YUANYANG);
        fx.sweep();
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", id)).as("resolved by itself, late or not").containsExactly("RESOLVED");
        assertThat(admin.get("/api/v1/admin/audit?entityType=arrival&entityId=" + id).raw()).contains("epidemic.arrival.landingTest");

        ApiClient.Response positive = ent.post("/api/v1/epidemic/arrivals/" + id + "/landing-test",
                Map.of("result", "POSITIVE"));
        assertThat(positive.body().get("entryAllowed").asBoolean()).isFalse();
        fx.sweep();
        assertThat(fx.arrivalAlertStatuses(subject, "POSITIVE_RESULT", id)).containsExactly("OPEN");
        assertThat(risk(subject)).isEqualTo("HIGH");
        ent.post("/api/v1/epidemic/arrivals/" + id + "/landing-test", Map.of("result", "NEGATIVE"));
        fx.sweep();
        assertThat(fx.arrivalAlertStatuses(subject, "POSITIVE_RESULT", id)).as("a later negative test").containsExactly("RESOLVED");
    }

    @Test
    void aReturneesLandingTestIsAPcrResultOfTheBulkResultsSinceTheArrivalDate() {
        String subject = fx.activeSubject(YUANYANG);
        String idNumber = TestIds.next();
        fx.roster(subject, employee("返岗员工", idNumber, "FIXED"));
        String employeeId = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ?").param(subject).query(String.class).single();
        LocalDate today = today();
        ApiClient.Response r = admin.post("/api/v1/enterprises/" + subject + "/arrivals",
                arrival("返岗员工", idNumber, "信阳市新县", "LOW", today));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("returnee").asBoolean()).isTrue();
        assertThat(r.text("employeeId")).isEqualTo(employeeId);
        String id = r.text("id");
        ApiClient.Response record = admin.post("/api/v1/epidemic/arrivals/" + id + "/landing-test", Map.of("result", "NEGATIVE"));
        assertThat(record.status()).as("the bulk results count for a returnee").isEqualTo(409);

        fx.advance(25);
        fx.advance(25);
        OffsetDateTime now = fx.now().truncatedTo(ChronoUnit.SECONDS);
        // before the arrival date, and an antigen test after it: neither is the landing PCR test
        fx.results(idNumber + "," + today.atStartOfDay(BEIJING).toOffsetDateTime().minusHours(1) + ",PCR,NEGATIVE\n"
                + idNumber + "," + now.minusHours(2) + ",ANTIGEN,NEGATIVE\n");
        fx.sweep();
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", id)).containsExactly("OPEN:" + employeeId);

        EpidemicFixtures.counts(fx.results(idNumber + "," + now.minusHours(1) + ",PCR,NEGATIVE\n"), 1, 0, 0);
        fx.sweep();
        assertThat(fx.arrivalAlertStatuses(subject, "TEST_OVERDUE", id)).containsExactly("RESOLVED:" + employeeId);
        assertThat(admin.get("/api/v1/enterprises/" + subject + "/arrivals").body().get("items").get(0).get("landingTested").asBoolean())
                .isTrue();
    }
}
