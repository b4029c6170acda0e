package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
 * 应急处置 as seed 001 has it: a confirmation rests on a positive re-test (单采复核) or an explicit basis; symptoms or a
 * first positive reported by the sentinel go to temporary observation from the alert (转临时留观); secondary contacts
 * (次密接) are listed beside close contacts and lose code protection while the incident is open. Data in 修武县
 * (410821), 博爱县 (410822) and 武陟县 (410823).
 */
@FullStackTest
class IncidentHandlingApiTest {

    static final String XIUWU = "410821";
    static final String BOAI = "410822";
    static final String WUZHI = "410823";

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

    private ApiClient user(String role, String county) {
        String name = TestUsers.uniqueName("inc9_" + role.toLowerCase());
        TestUsers.create(admin, name, role, county, Map.of());
        return new ApiClient(port).as(name, TestUsers.PASSWORD);
    }

    private Map<String, String> employeeIds(String subject) {
        Map<String, String> ids = new HashMap<>();
        jdbc.sql("SELECT name, id FROM epi_employee WHERE subject_id = ?").param(subject)
                .query((rs, n) -> ids.put(rs.getString(1), rs.getString(2))).list();
        return ids;
    }

    private static List<String> fields(ApiClient.Response r) {
        List<String> out = new ArrayList<>();
        r.body().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asString(null)));
        return out;
    }

    private static List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static List<String> timeline(ApiClient.Response detail) {
        List<String> out = new ArrayList<>();
        detail.body().get("timeline").forEach(e -> out.add(e.get("action").asString() + ":" + e.path("detail").asString("")));
        return out;
    }

    private String open(ApiClient epi, String subject, String employee) {
        ApiClient.Response opened = epi.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", subject, "employeeId", employee, "kind", "SUSPECTED"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened.text("id");
    }

    /** Seed 001: "6小时内完成混检阳性人员的单采复核…复核阳性的，由属地疫情防控部门按流程处置". */
    @Test
    void aConfirmationRestsOnAPositiveReTestOrAnExplicitBasis() {
        String subject = fx.activeSubject(XIUWU);
        fx.roster(subject, employee("复核甲", TestIds.next(), "FIXED"), employee("复核乙", TestIds.next(), "FIXED"));
        Map<String, String> ids = employeeIds(subject);
        ApiClient epi = user("EPIDEMIC_OFFICER", XIUWU);
        String id = open(epi, subject, ids.get("复核甲"));
        String confirm = "/api/v1/epidemic/incidents/" + id + "/confirm";

        ApiClient.Response refused = epi.post(confirm, Map.of());
        assertThat(refused.status()).as("no re-test on record, no basis").isEqualTo(409);
        assertThat(refused.text("detail")).contains("确诊须以阳性复核结果为依据", "确诊依据");
        assertThat(fields(refused)).containsExactly("basis");
        assertThat(epi.english().post(confirm, Map.of("basis", " ")).text("detail"))
                .as("a blank basis is none; in English too").contains("positive re-test");
        assertThat(epi.post("/api/v1/epidemic/incidents/" + id + "/retest", Map.of("result", "NEGATIVE")).status())
                .isEqualTo(200);
        assertThat(epi.post(confirm, Map.of()).status()).as("a negative re-test is no basis").isEqualTo(409);
        ApiClient.Response tooLong = epi.post(confirm, Map.of("basis", "据".repeat(501)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("basis");
        assertThat(user("EPIDEMIC_OFFICER", BOAI).post(confirm, Map.of("basis", "疾控中心确诊")).status())
                .as("another county's officer: not found").isEqualTo(404);
        assertThat(epi.get("/api/v1/epidemic/incidents/" + id).text("status")).isEqualTo("OBSERVATION");

        ApiClient.Response confirmed = epi.post(confirm, Map.of("basis", "焦作市疾控中心确诊（流调报告 2022-017）"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.text("confirmBasis")).isEqualTo("焦作市疾控中心确诊（流调报告 2022-017）");
        ApiClient.Response detail = epi.get("/api/v1/epidemic/incidents/" + id);
        assertThat(timeline(detail)).containsExactly("OPENED:SUSPECTED", "RETESTED:PCR:NEGATIVE", "CONFIRMED:0");
        assertThat(detail.body().get("timeline").get(2).get("note").asString()).as("the basis on the timeline")
                .startsWith("焦作市疾控中心确诊");
        assertThat(jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'epidemic.incident.confirm' AND entity_id = ?")
                .param(id).query(String.class).single()).contains("CONFIRMED", "焦作市疾控中心确诊");

        // a positive re-test is enough on its own
        String other = open(epi, subject, ids.get("复核乙"));
        assertThat(epi.post("/api/v1/epidemic/incidents/" + other + "/retest", Map.of("result", "POSITIVE")).status())
                .isEqualTo(200);
        ApiClient.Response onPositive = epi.post("/api/v1/epidemic/incidents/" + other + "/confirm", Map.of());
        assertThat(onPositive.status()).as(onPositive.raw()).isEqualTo(200);
        assertThat(onPositive.text("status")).isEqualTo("CONFIRMED");
        assertThat(onPositive.text("confirmBasis")).isNull();
    }

    /** Seed 001: "发现发热、咳嗽等可疑症状人员或初筛阳性，立即转移至临时留观点或观察宿舍". */
    @Test
    void aSymptomAlertGoesToTemporaryObservationInOneStep() {
        String subject = fx.activeSubject(BOAI);
        String coughing = TestIds.next();
        String positive = TestIds.next();
        fx.roster(subject, employee("咳嗽员工", coughing, "FIXED"), employee("初筛阳性", positive, "FIXED"));
        Map<String, String> ids = employeeIds(subject);
        String dorm = admin.post("/api/v1/enterprises/" + subject + "/zones", Map.of("name", "三号宿舍", "kind", "LIVING"))
                .text("id");
        assertThat(admin.post("/api/v1/epidemic/zones/" + dorm + "/employees",
                Map.of("employeeIds", List.of(ids.get("咳嗽员工")))).status()).isEqualTo(200);
        String other = fx.activeSubject(BOAI);   // no daily report: a HEALTH_REPORT_MISSING alert
        LocalDate today = fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        assertThat(admin.post("/api/v1/enterprises/" + subject + "/health-reports", Map.of("date", today.toString(),
                "present", 2, "symptomatic", List.of(Map.of("idNumber", coughing, "symptom", "发热、咳嗽"),
                        Map.of("idNumber", TestIds.next(), "symptom", "发热")))).status()).isEqualTo(201);
        String sampled = fx.now().minusMinutes(20).truncatedTo(ChronoUnit.SECONDS).toString();
        EpidemicFixtures.counts(fx.results(positive + "," + sampled + ",ANTIGEN,POSITIVE\n"), 1, 0, 0);
        fx.sweep();

        Map<String, String> symptomAlert = new HashMap<>();   // employee id ("-" for the subject's own) → alert id
        admin.get("/api/v1/epidemic/alerts?size=50&enterpriseId=" + subject + "&type=SYMPTOM").body().get("items")
                .forEach(a -> symptomAlert.put(a.path("employeeId").asString("-"), a.get("id").asString()));
        assertThat(symptomAlert).containsOnlyKeys(ids.get("咳嗽员工"), "-");
        String alert = symptomAlert.get(ids.get("咳嗽员工"));
        String observe = "/api/v1/epidemic/alerts/" + alert + "/observe";

        ApiClient epi = user("EPIDEMIC_OFFICER", BOAI);
        assertThat(user("EPIDEMIC_OFFICER", WUZHI).post(observe, Map.of()).status()).as("outside the scope").isEqualTo(404);
        assertThat(user("HQ_OFFICER", BOAI).post(observe, Map.of()).status()).as("officers of the HQ watch").isEqualTo(403);

        ApiClient.Response observed = epi.post(observe, Map.of("note", "宿舍测温 38.2℃，已转临时留观点"));
        assertThat(observed.status()).as(observed.raw()).isEqualTo(201);
        assertThat(observed.text("kind")).isEqualTo("SUSPECTED");
        assertThat(observed.text("status")).isEqualTo("OBSERVATION");
        assertThat(observed.text("enterpriseId")).isEqualTo(subject);
        assertThat(observed.text("employeeId")).isEqualTo(ids.get("咳嗽员工"));
        assertThat(observed.text("zoneId")).as("the employee's zone").isEqualTo(dorm);
        assertThat(Duration.between(OffsetDateTime.parse(observed.text("openedAt")),
                OffsetDateTime.parse(observed.text("retestDueAt")))).isEqualTo(Duration.ofHours(6));
        String incident = observed.text("id");
        JsonNode linked = null;
        for (JsonNode a : admin.get("/api/v1/epidemic/alerts?size=50&enterpriseId=" + subject + "&type=SYMPTOM").body().get("items")) {
            if (a.get("id").asString().equals(alert)) {
                linked = a;
            }
        }
        assertThat(linked).isNotNull();
        assertThat(linked.get("status").asString()).as("acknowledged").isEqualTo("ACKNOWLEDGED");
        assertThat(linked.get("incidentId").asString()).as("linked to the incident").isEqualTo(incident);
        ApiClient.Response detail = epi.get("/api/v1/epidemic/incidents/" + incident);
        assertThat(timeline(detail)).containsExactly("OPENED:SUSPECTED", "FROM_ALERT:SYMPTOM");
        assertThat(detail.text("note")).isEqualTo("宿舍测温 38.2℃，已转临时留观点");
        assertThat(jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'epidemic.alert.observe' AND entity_id = ?")
                .param(alert).query(String.class).single()).contains(incident, "ACKNOWLEDGED");

        ApiClient.Response again = epi.post(observe, Map.of());
        assertThat(again.status()).as("one incident in progress per employee").isEqualTo(409);
        assertThat(again.text("detail")).contains(incident);
        ApiClient.Response offRoster = epi.post("/api/v1/epidemic/alerts/" + symptomAlert.get("-") + "/observe", Map.of());
        assertThat(offRoster.status()).as("someone off the roster").isEqualTo(409);
        assertThat(offRoster.text("detail")).contains("不在本企业花名册中");
        String missing = admin.get("/api/v1/epidemic/alerts?size=5&enterpriseId=" + other + "&type=HEALTH_REPORT_MISSING")
                .body().get("items").get(0).get("id").asString();
        ApiClient.Response notAPerson = epi.post("/api/v1/epidemic/alerts/" + missing + "/observe", Map.of());
        assertThat(notAPerson.status()).isEqualTo(409);
        assertThat(notAPerson.text("detail")).contains("未报日报");
        assertThat(epi.post("/api/v1/epidemic/alerts/no-such-alert/observe", Map.of()).status()).isEqualTo(404);

        // a first positive from the sentinel (the sweep opens no incident by itself) goes the same way
        String positiveAlert = admin.get("/api/v1/epidemic/alerts?size=5&enterpriseId=" + subject + "&type=POSITIVE_RESULT")
                .body().get("items").get(0).get("id").asString();
        ApiClient.Response first = epi.post("/api/v1/epidemic/alerts/" + positiveAlert + "/observe", "");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.text("kind")).isEqualTo("FIRST_POSITIVE");
        assertThat(first.text("employeeId")).isEqualTo(ids.get("初筛阳性"));
    }

    /** Seed 001 "除核酸阳性、密接、次密接外，免于赋红黄码"; seed 004 "黄区(密接或次密接)". */
    @Test
    void secondaryContactsAreListedApartAndLoseCodeProtectionWhileTheIncidentIsOpen() {
        String subject = fx.activeSubject(WUZHI);
        fx.roster(subject, employee("当事人", TestIds.next(), "FIXED"), employee("密接甲", TestIds.next(), "FIXED"),
                employee("次密乙", TestIds.next(), "FIXED"), employee("次密丙", TestIds.next(), "MOBILE"),
                employee("其他丁", TestIds.next(), "FIXED"));
        Map<String, String> ids = employeeIds(subject);
        String dorm = admin.post("/api/v1/enterprises/" + subject + "/zones", Map.of("name", "二号宿舍", "kind", "LIVING"))
                .text("id");
        admin.post("/api/v1/epidemic/zones/" + dorm + "/employees", Map.of("employeeIds", List.of(ids.get("次密乙"))));
        ApiClient epi = user("EPIDEMIC_OFFICER", WUZHI);
        String id = open(epi, subject, ids.get("当事人"));
        String contacts = "/api/v1/epidemic/incidents/" + id + "/contacts";

        ApiClient.Response close = epi.post(contacts, Map.of("employeeIds", List.of(ids.get("密接甲"))));
        assertThat(close.status()).as("without a tier: close contacts, as before").isEqualTo(200);
        assertThat(values(close.body().get("closeContactIds"))).containsExactly(ids.get("密接甲"));
        assertThat(close.body().get("secondaryContactIds")).isEmpty();

        ApiClient.Response badTier = epi.post(contacts, Map.of("employeeIds", List.of(ids.get("次密乙")), "tier", "THIRD"));
        assertThat(badTier.status()).isEqualTo(400);
        assertThat(fields(badTier)).containsExactly("tier");
        ApiClient.Response badLink = epi.post(contacts, Map.of("employeeIds", List.of(ids.get("次密乙")), "tier", "SECONDARY",
                "closeContactId", ids.get("其他丁")));
        assertThat(badLink.status()).isEqualTo(400);
        assertThat(fields(badLink)).containsExactly("closeContactId");
        ApiClient.Response closeWithLink = epi.post(contacts, Map.of("employeeIds", List.of(ids.get("次密乙")),
                "closeContactId", ids.get("密接甲")));
        assertThat(fields(closeWithLink)).as("only secondary contacts link to a close one").containsExactly("closeContactId");
        ApiClient.Response self = epi.post(contacts, Map.of("employeeIds", List.of(ids.get("当事人")), "tier", "SECONDARY"));
        assertThat(self.status()).isEqualTo(400);
        assertThat(fields(self)).containsExactly("employeeIds[0]");

        ApiClient.Response secondary = epi.post(contacts, Map.of("employeeIds", List.of(ids.get("次密乙")), "tier", "SECONDARY",
                "closeContactId", ids.get("密接甲"), "note", "与密接甲同宿舍"));
        assertThat(secondary.status()).as(secondary.raw()).isEqualTo(200);
        assertThat(values(secondary.body().get("secondaryContactIds"))).containsExactly(ids.get("次密乙"));
        assertThat(values(secondary.body().get("closeContactIds"))).containsExactly(ids.get("密接甲"));
        assertThat(epi.post(contacts, Map.of("employeeIds", List.of(ids.get("次密丙"), ids.get("密接甲")), "tier", "SECONDARY"))
                .status()).as("a close contact named again as secondary stays close").isEqualTo(200);

        ApiClient.Response detail = epi.get("/api/v1/epidemic/incidents/" + id);
        assertThat(texts(detail.body().get("closeContacts"), "name")).containsExactly("密接甲");
        JsonNode listed = detail.body().get("secondaryContacts");
        assertThat(texts(listed, "name")).containsExactlyInAnyOrder("次密乙", "次密丙");
        listed.forEach(c -> {
            assertThat(c.get("tier").asString()).isEqualTo("SECONDARY");
            assertThat(c.get("idNumber").asString()).contains("*");
            assertThat(c.path("closeContactName").asString(null))
                    .isEqualTo("次密乙".equals(c.get("name").asString()) ? "密接甲" : null);
        });
        assertThat(epi.post(contacts, Map.of("employeeIds", List.of(ids.get("次密乙"), ids.get("密接甲")), "tier", "SECONDARY"))
                .status()).as("a re-send, all listed already").isEqualTo(200);
        detail = epi.get("/api/v1/epidemic/incidents/" + id);
        assertThat(timeline(detail)).as("nothing added, nothing on the timeline").containsExactly("OPENED:SUSPECTED",
                "CONTACTS_LISTED:1", "SECONDARY_LISTED:1", "SECONDARY_LISTED:1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'epidemic.incident.secondaryContacts' AND entity_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(2L);
        assertThat(zoneColour(subject, dorm)).as("黄区: a secondary contact's zone").isEqualTo("YELLOW");

        ApiClient platform = new ApiClient(port).as("integration", "Demo@2022");
        assertThat(withdrawn(platform, subject)).containsExactlyInAnyOrderEntriesOf(Map.of("密接甲", "CLOSE_CONTACT",
                "次密乙", "SECONDARY_CONTACT", "次密丙", "SECONDARY_CONTACT"));
        assertThat(protectedNames(platform, subject)).containsExactlyInAnyOrder("当事人", "其他丁");
        assertThat(user("EPIDEMIC_OFFICER", XIUWU).get("/api/v1/epidemic/incidents/" + id).status()).isEqualTo(404);

        // listed as a close contact later, a secondary contact becomes one
        ApiClient.Response raised = epi.post(contacts, Map.of("employeeIds", List.of(ids.get("次密丙"))));
        assertThat(values(raised.body().get("closeContactIds"))).containsExactlyInAnyOrder(ids.get("密接甲"), ids.get("次密丙"));
        assertThat(values(raised.body().get("secondaryContactIds"))).containsExactly(ids.get("次密乙"));
        assertThat(withdrawn(platform, subject)).containsEntry("次密丙", "CLOSE_CONTACT");

        // confirmed and closed: everyone listed is protected again (其密接、次密接等风险人员同步返岗)
        assertThat(epi.post("/api/v1/epidemic/incidents/" + id + "/confirm", Map.of("basis", "疾控中心确诊")).status())
                .isEqualTo(200);
        assertThat(withdrawn(platform, subject)).containsEntry("次密乙", "SECONDARY_CONTACT");
        assertThat(epi.post("/api/v1/epidemic/incidents/" + id + "/close", Map.of()).text("status")).isEqualTo("CLOSED");
        assertThat(withdrawn(platform, subject)).isEmpty();
        assertThat(protectedNames(platform, subject)).containsExactlyInAnyOrder("当事人", "密接甲", "次密乙", "次密丙", "其他丁");
        assertThat(zoneColour(subject, dorm)).isEqualTo("GREEN");
        assertThat(epi.post(contacts, Map.of("employeeIds", List.of(ids.get("其他丁")), "tier", "SECONDARY")).status())
                .as("a closed incident lists no one").isEqualTo(409);
    }

    private String zoneColour(String subject, String zoneId) {
        for (JsonNode z : admin.get("/api/v1/enterprises/" + subject + "/zones").body().get("items")) {
            if (z.get("id").asString().equals(zoneId)) {
                return z.get("colour").asString();
            }
        }
        throw new AssertionError("no zone " + zoneId);
    }

    private static List<JsonNode> ofSubject(ApiClient platform, String status, String subject) {
        ApiClient.Response r = platform.get("/api/v1/epidemic/code-protection?regionCode=" + WUZHI + "&size=500&status=" + status);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().get("items").forEach(i -> {
            if (subject.equals(i.get("enterpriseId").asString())) {
                out.add(i);
            }
        });
        return out;
    }

    private static Map<String, String> withdrawn(ApiClient platform, String subject) {
        Map<String, String> out = new HashMap<>();
        ofSubject(platform, "WITHDRAWN", subject).forEach(i -> out.put(i.get("name").asString(), i.get("reason").asString()));
        return out;
    }

    private static List<String> protectedNames(ApiClient platform, String subject) {
        return ofSubject(platform, "PROTECTED", subject).stream().map(i -> i.get("name").asString()).toList();
    }
}
