package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.sibao.whitelist.WhitelistFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * 赋码保护: the rosters of whitelist subjects (ACTIVE, or SUSPENDED by a temporary shutdown), for upper platforms and
 * officers; removal (熔断) withdraws it, and positives and open incidents' close contacts are never protected.
 */
@FullStackTest
class CodeProtectionTest {

    private static final String PATH = "/api/v1/epidemic/code-protection";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void employeesOfActiveSubjectsAreProtectedUntilTheSubjectIsRemoved() throws Exception {
        EpidemicFixtures fx = fixtures();
        String listed = fx.activeSubject(EpidemicFixtures.XINZHENG);
        String first = TestIds.next();
        String second = TestIds.next();
        fx.roster(listed, EpidemicFixtures.employee("赋码甲", first, "FIXED"), EpidemicFixtures.employee("赋码乙", second, "MOBILE"));
        String notListed = fx.subject(EpidemicFixtures.XINZHENG);
        String outsider = TestIds.next();
        fx.roster(notListed, EpidemicFixtures.employee("未入列", outsider, "FIXED"));

        ApiClient platform = new ApiClient(port).as("integration", "Demo@2022");
        List<JsonNode> protectedNow = all(platform, "?regionCode=410184");
        assertThat(ofSubject(protectedNow, listed)).extracting(i -> i.get("name").asString())
                .containsExactlyInAnyOrder("赋码甲", "赋码乙");
        assertThat(ofSubject(protectedNow, notListed)).as("a subject off the whitelist").isEmpty();
        JsonNode one = ofSubject(protectedNow, listed).get(0);
        assertThat(one.get("idNumber").asString()).as("masked unless revealed").contains("*");
        assertThat(one.get("codeProtected").asBoolean()).isTrue();
        assertThat(one.get("whitelistStatus").asString()).isEqualTo("ACTIVE");
        assertThat(one.get("reason").isNull()).as("no reason while protected").isTrue();

        long reveals = reveals();
        List<String> clear = new ArrayList<>();
        ofSubject(all(platform, "?regionCode=410184&reveal=true"), listed).forEach(i -> clear.add(i.get("idNumber").asString()));
        assertThat(clear).as("the health-code platform gets the ID numbers").containsExactlyInAnyOrder(first, second);
        assertThat(reveals()).as("and that is audited").isGreaterThan(reveals);

        subjects.setWhitelistStatus(listed, WhitelistStatus.REMOVED, null);
        assertThat(ofSubject(all(platform, "?regionCode=410184"), listed)).as("熔断 withdraws protection").isEmpty();
        List<JsonNode> withdrawn = ofSubject(all(platform, "?regionCode=410184&status=WITHDRAWN"), listed);
        assertThat(withdrawn).hasSize(2);
        assertThat(withdrawn).allSatisfy(i -> {
            assertThat(i.get("codeProtected").asBoolean()).isFalse();
            assertThat(i.get("whitelistStatus").asString()).isEqualTo("REMOVED");
            assertThat(i.get("reason").asString()).isEqualTo("ENTRY_REMOVED");
        });

        var xlsx = platform.getBytes(PATH + "/export?regionCode=410184&status=WITHDRAWN");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(xlsx.body()))) {
            StringBuilder text = new StringBuilder();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> text.append(c.toString()).append('|')));
            assertThat(text.toString()).contains("赋码甲", "赋码乙", "新郑市", "已取消", "取消原因", "企业被熔断移出白名单")
                    .doesNotContain(first);
        }
    }

    /** "除核酸阳性、密接、次密接外，免于赋红黄码": a positive latest result or an open incident's contact list withdraws it. */
    @Test
    void positivesAndCloseContactsOfOpenIncidentsAreNotProtected() throws Exception {
        EpidemicFixtures fx = fixtures();
        String listed = fx.activeSubject(EpidemicFixtures.XINZHENG);
        String positiveId = TestIds.next();
        fx.roster(listed, EpidemicFixtures.employee("阳性员工", positiveId, "FIXED"),
                EpidemicFixtures.employee("密接员工", TestIds.next(), "FIXED"),
                EpidemicFixtures.employee("排除密接", TestIds.next(), "MOBILE"),
                EpidemicFixtures.employee("正常员工", TestIds.next(), "FIXED"));
        String positive = employeeId(listed, "阳性员工");
        String contact = employeeId(listed, "密接员工");
        String clearedContact = employeeId(listed, "排除密接");
        ApiClient platform = new ApiClient(port).as("integration", "Demo@2022");
        assertThat(names(ofSubject(all(platform, "?regionCode=410184"), listed)))
                .containsExactlyInAnyOrder("阳性员工", "密接员工", "排除密接", "正常员工");

        java.time.OffsetDateTime now = fx.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        EpidemicFixtures.counts(fx.results(positiveId + "," + now.minusHours(2) + ",ANTIGEN,POSITIVE\n"), 1, 0, 0);
        ApiClient epi = new ApiClient(port).as("epi_xz", "Demo@2022");
        ApiClient.Response confirmed = epi.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", listed, "employeeId", positive, "kind", "FIRST_POSITIVE"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        String incident = confirmed.text("id");
        assertThat(epi.post("/api/v1/epidemic/incidents/" + incident + "/contacts",
                Map.of("employeeIds", List.of(contact))).status()).isEqualTo(200);
        ApiClient.Response suspected = epi.post("/api/v1/epidemic/incidents", Map.of("enterpriseId", listed, "kind", "SUSPECTED"));
        assertThat(suspected.status()).as(suspected.raw()).isEqualTo(201);
        String other = suspected.text("id");
        assertThat(epi.post("/api/v1/epidemic/incidents/" + other + "/contacts",
                Map.of("employeeIds", List.of(clearedContact))).status()).isEqualTo(200);

        assertThat(names(ofSubject(all(platform, "?regionCode=410184"), listed))).as("under observation")
                .containsExactly("正常员工");
        Map<String, String> reasons = reasons(ofSubject(all(platform, "?regionCode=410184&status=WITHDRAWN"), listed));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("阳性员工", "POSITIVE", "密接员工", "CLOSE_CONTACT",
                "排除密接", "CLOSE_CONTACT"));
        assertThat(ofSubject(all(platform, "?regionCode=410184&status=WITHDRAWN"), listed))
                .allSatisfy(i -> assertThat(i.get("codeProtected").asBoolean()).isFalse());

        WebClient web = new WebClient(port);
        web.login("epi_xz", "Demo@2022");
        assertThat(web.get("/epidemic/code-protection?status=WITHDRAWN").body()).as("the page says why")
                .contains("取消原因", "最新检测结果阳性", "疫情事件密接");
        var xlsx = platform.getBytes(PATH + "/export?regionCode=410184&status=WITHDRAWN");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(xlsx.body()))) {
            StringBuilder text = new StringBuilder();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> text.append(c.toString()).append('|')));
            assertThat(text.toString()).contains("阳性员工", "最新检测结果阳性", "密接员工", "疫情事件密接");
        }

        // the suspected case re-tests negative and is cleared: its contact is protected again
        assertThat(epi.post("/api/v1/epidemic/incidents/" + other + "/retest", Map.of("result", "NEGATIVE")).status())
                .isEqualTo(200);
        assertThat(epi.post("/api/v1/epidemic/incidents/" + other + "/clear", Map.of()).text("status")).isEqualTo("CLEARED");
        assertThat(names(ofSubject(all(platform, "?regionCode=410184"), listed))).as("a cleared incident's contact")
                .containsExactlyInAnyOrder("排除密接", "正常员工");
        // the positive is confirmed: still out; closing the incident and a negative result bring both back
        assertThat(epi.post("/api/v1/epidemic/incidents/" + incident + "/retest", Map.of("result", "POSITIVE")).status())
                .isEqualTo(200);
        assertThat(epi.post("/api/v1/epidemic/incidents/" + incident + "/confirm", Map.of()).text("status"))
                .isEqualTo("CONFIRMED");
        assertThat(reasons(ofSubject(all(platform, "?regionCode=410184&status=WITHDRAWN"), listed)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("阳性员工", "POSITIVE", "密接员工", "CLOSE_CONTACT"));
        assertThat(epi.post("/api/v1/epidemic/incidents/" + incident + "/close", Map.of()).text("status")).isEqualTo("CLOSED");
        // sampled after the re-test (which is stored as the employee's result at the clock's now)
        EpidemicFixtures.counts(fx.results(positiveId + "," + fx.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusMinutes(30) + ",PCR,NEGATIVE\n"), 1, 0, 0);
        assertThat(names(ofSubject(all(platform, "?regionCode=410184"), listed))).as("recovered, incident closed")
                .containsExactlyInAnyOrder("阳性员工", "密接员工", "排除密接", "正常员工");
    }

    /** "企业其他区域原则上不停工、不停产": an approved temporary shutdown suspends the entry but keeps the protection. */
    @Test
    void aTemporaryShutdownKeepsProtectionAndOnlyRemovalWithdrawsIt() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        ApiClient officer = new ApiClient(port).as("sector_industry_xz", "Demo@2022");
        String subject = whitelisted(admin, officer);
        new EpidemicFixtures(admin, subjects).roster(subject, EpidemicFixtures.employee("停产员工", TestIds.next(), "FIXED"));
        ApiClient hq = new ApiClient(port).as("hq_xz", "Demo@2022");
        ApiClient.Response filed = hq.post("/api/v1/escort/shutdowns",
                Map.of("enterpriseId", subject, "reason", "疫情防控临时停产", "days", 2));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        // decided jointly by 郑州's (新郑's city) HQ office and epidemic command
        org.sibao.support.JointDecision.approveAsDemo(port, "zz", filed.text("id"), null);
        assertThat(admin.get("/api/v1/enterprises/" + subject).text("whitelistStatus")).isEqualTo("SUSPENDED");

        ApiClient platform = new ApiClient(port).as("integration", "Demo@2022");
        List<JsonNode> kept = ofSubject(all(platform, "?regionCode=410184"), subject);
        assertThat(names(kept)).as("suspended, still protected").containsExactly("停产员工");
        assertThat(kept.get(0).get("whitelistStatus").asString()).isEqualTo("SUSPENDED");
        assertThat(kept.get(0).get("codeProtected").asBoolean()).isTrue();
        assertThat(ofSubject(all(platform, "?regionCode=410184&status=WITHDRAWN"), subject)).isEmpty();
        WebClient web = new WebClient(port);
        web.login("epi_xz", "Demo@2022");
        assertThat(web.get("/epidemic/enterprise/" + subject).body()).contains("赋码保护：保护中");

        String entry = entryOf(officer, subject);
        ApiClient.Response removed = officer.post("/api/v1/whitelist/entries/" + entry + "/remove",
                Map.of("reason", "未落实防控措施导致疫情传播"));
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        assertThat(ofSubject(all(platform, "?regionCode=410184"), subject)).as("熔断").isEmpty();
        assertThat(reasons(ofSubject(all(platform, "?regionCode=410184&status=WITHDRAWN"), subject)))
                .containsExactlyEntriesOf(Map.of("停产员工", "ENTRY_REMOVED"));
    }

    @Test
    void readersAreScopedAndBadInputIsNamed() {
        assertThat(new ApiClient(port).as("hq_kf", "Demo@2022").get(PATH + "?regionCode=410184").status())
                .as("another city's HQ").isEqualTo(404);
        assertThat(new ApiClient(port).as("hq_xz", "Demo@2022").get(PATH).status()).isEqualTo(200);
        assertThat(new ApiClient(port).as("hq_xz", "Demo@2022").get(PATH + "?reveal=true").status())
                .as("an HQ reads the list masked only").isEqualTo(403);
        assertThat(new ApiClient(port).as("ent_xz", "Demo@2022").get(PATH).status()).isEqualTo(403);
        ApiClient.Response bad = new ApiClient(port).as("epi_xz", "Demo@2022").get(PATH + "?status=ALL&regionCode=419999");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"status\"", "\"regionCode\"");
    }

    @Test
    void theOfficersPageListsAndExports() {
        WebClient web = new WebClient(port);
        web.login("epi_xz", "Demo@2022");
        WebClient.Page page = web.get("/epidemic/code-protection");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("赋码保护名单", "保护中", "code-protection-list", "code-protection-export");
        assertThat(web.get("/epidemic/code-protection?status=WITHDRAWN").status()).isEqualTo(200);
        assertThat(web.download("/epidemic/code-protection/export").statusCode()).isEqualTo(200);
        assertThat(web.get("/").body()).as("in the menu").contains("/epidemic/code-protection");
        String listed = fixtures().activeSubject(EpidemicFixtures.XINZHENG);
        assertThat(web.get("/epidemic/enterprise/" + listed).body()).as("the subject's page says so")
                .contains("赋码保护：保护中");
    }

    private List<JsonNode> all(ApiClient who, String query) {
        ApiClient.Response r = who.get(PATH + query + "&size=500");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().get("items").forEach(out::add);
        return out;
    }

    private EpidemicFixtures fixtures() {
        return new EpidemicFixtures(new ApiClient(port).as("admin", "Admin@2022"), subjects);
    }

    private String employeeId(String subject, String name) {
        return jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = ?").params(subject, name)
                .query(String.class).single();
    }

    private static List<String> names(List<JsonNode> items) {
        return items.stream().map(i -> i.get("name").asString()).toList();
    }

    private static Map<String, String> reasons(List<JsonNode> items) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        items.forEach(i -> out.put(i.get("name").asString(), i.get("reason").asString()));
        return out;
    }

    /** A subject taken through the whitelist's own flow (apply, review, batch, publish) to an ACTIVE entry. */
    private static String whitelisted(ApiClient admin, ApiClient officer) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc(EpidemicFixtures.XINZHENG),
                "赋码停产测试" + TestSubjects.token(), EpidemicFixtures.XINZHENG, "INDUSTRY");
        body.put("incidents", List.of());
        ApiClient.Response created = admin.post("/api/v1/enterprises", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String subject = created.text("id");
        ApiClient.Response app = officer.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations()));
        assertThat(app.status()).as(app.raw()).isEqualTo(201);
        assertThat(officer.post("/api/v1/whitelist/applications/" + app.text("id") + "/submit", Map.of()).status())
                .isEqualTo(200);
        assertThat(officer.post("/api/v1/whitelist/applications/" + app.text("id") + "/review",
                Map.of("decision", "APPROVE", "comment", "同意")).text("status")).isEqualTo("APPROVED");
        ApiClient.Response batch = officer.post("/api/v1/whitelist/batches", Map.of("name", "赋码测试批",
                "sector", "INDUSTRY", "regionCode", EpidemicFixtures.XINZHENG, "applicationIds", List.of(app.text("id")),
                "publicityDays", 0));
        assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
        assertThat(officer.post("/api/v1/whitelist/batches/" + batch.text("id") + "/publish", Map.of()).status())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/enterprises/" + subject).text("whitelistStatus")).isEqualTo("ACTIVE");
        return subject;
    }

    private static String entryOf(ApiClient officer, String subject) {
        ApiClient.Response list = officer.get("/api/v1/whitelist/entries?regionCode=410184&sector=INDUSTRY&size=500");
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode e : list.body().get("items")) {
            if (e.get("enterpriseId").asString().equals(subject)) {
                return e.get("id").asString();
            }
        }
        throw new AssertionError("no entry for " + subject + ": " + list.raw());
    }

    private static List<JsonNode> ofSubject(List<JsonNode> items, String subjectId) {
        return items.stream().filter(i -> i.get("enterpriseId").asString().equals(subjectId)).toList();
    }

    private long reveals() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'epidemic.codeProtection.reveal'")
                .query(Long.class).single();
    }
}
