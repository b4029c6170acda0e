package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.identity.DataScope;
import org.sibao.subject.OperationMode;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sentinel sweep on the drill clock, acknowledgement, and the emergency switch. */
@FullStackTest
class SentinelAndModeTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EpidemicFigures figures;

    ApiClient admin;
    EpidemicFixtures fx;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
        fx = new EpidemicFixtures(admin, subjects);
    }

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, "Demo@2022");
    }

    private String employeeId(String subject, String name) {
        return jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = ?").params(subject, name)
                .query(String.class).single();
    }

    private static String at(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void opensTestOverdueAfterTheIntervalOfThePostAndResolvesOnAFreshNegative() {
        String subject = fx.activeSubject(XINZHENG);
        String fixed = TestIds.next();
        String mobile = TestIds.next();
        fx.roster(subject, employee("固定岗", fixed, "FIXED"), employee("流动岗", mobile, "MOBILE"));
        OffsetDateTime now = fx.now();
        assertThat(fx.results(fixed + "," + at(now) + ",PCR,NEGATIVE\n" + mobile + "," + at(now) + ",PCR,NEGATIVE\n")
                .body().get("accepted").asInt()).isEqualTo(2);
        String fixedId = employeeId(subject, "固定岗");
        String mobileId = employeeId(subject, "流动岗");
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", null)).isEmpty();

        fx.advance(25);
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", mobileId)).containsExactly("OPEN");
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", fixedId)).as("FIXED posts: 48 h").isEmpty();

        OffsetDateTime later = fx.advance(24);
        ApiClient.Response swept = fx.sweep();
        assertThat(swept.body().get("opened").asInt()).isPositive();
        assertThat(swept.body().has("durationMs")).isTrue();
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", fixedId)).containsExactly("OPEN");
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", fixedId)).as("never duplicated").containsExactly("OPEN");

        fx.results(fixed + "," + at(later.minusMinutes(5)) + ",ANTIGEN,NEGATIVE\n"
                + mobile + "," + at(later.minusMinutes(5)) + ",PCR,POSITIVE\n");
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", fixedId)).containsExactly("RESOLVED");
        assertThat(fx.alertStatuses(subject, "POSITIVE_RESULT", mobileId)).containsExactly("OPEN");
        ApiClient.Response risk = admin.get("/api/v1/enterprises/" + subject + "/epidemic-risk");
        assertThat(risk.text("riskLevel")).isEqualTo("HIGH");

        ApiClient.Response list = as("epi_xz").get("/api/v1/epidemic/alerts?status=OPEN&type=POSITIVE_RESULT&enterpriseId=" + subject);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("total").asInt()).isEqualTo(1);
        var alert = list.body().get("items").get(0);
        assertThat(alert.get("enterpriseId").asString()).isEqualTo(subject);
        assertThat(alert.get("employeeId").asString()).isEqualTo(mobileId);
        assertThat(alert.has("openedAt")).isTrue();
        assertThat(as("epi_xz").get("/api/v1/epidemic/alerts?regionCode=410184&enterpriseId=" + subject).body()
                .get("total").asInt()).as("narrowed to its county").isPositive();
        assertThat(as("admin_hn").get("/api/v1/epidemic/alerts?regionCode=410200&enterpriseId=" + subject).body()
                .get("total").asInt()).as("another city's alerts only").isZero();
        ApiClient.Response unknownRegion = as("epi_xz").get("/api/v1/epidemic/alerts?regionCode=999999&status=LOST");
        assertThat(unknownRegion.status()).isEqualTo(400);
        assertThat(unknownRegion.raw()).contains("regionCode", "status");
        assertThat(as("epi_kf").get("/api/v1/epidemic/alerts?enterpriseId=" + subject).body().get("total").asInt())
                .as("another city's officer sees none").isZero();
        String alertId = alert.get("id").asString();
        assertThat(as("ent_xz").post("/api/v1/epidemic/alerts/" + alertId + "/acknowledge", Map.of()).status()).isIn(403, 404);
        ApiClient.Response ack = as("epi_xz").post("/api/v1/epidemic/alerts/" + alertId + "/acknowledge", Map.of());
        assertThat(ack.status()).as(ack.raw()).isEqualTo(200);
        assertThat(ack.text("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(as("epi_xz").post("/api/v1/epidemic/alerts/" + alertId + "/acknowledge", Map.of()).status()).isEqualTo(409);
        assertThat(as("hq_xz").post("/api/v1/epidemic/sweep", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aSubjectOffTheWhitelistIsWatchedOnceItKeepsARoster() {
        String rostered = fx.subject(XINZHENG);
        String bare = fx.subject(XINZHENG);
        String id = TestIds.next();
        fx.roster(rostered, employee("未入白名单员工", id, "FIXED"));
        fx.results(id + "," + at(fx.now().minusHours(1)) + ",PCR,POSITIVE\n");
        fx.sweep();
        assertThat(fx.alertStatuses(rostered, "POSITIVE_RESULT", employeeId(rostered, "未入白名单员工")))
                .containsExactly("OPEN");
        assertThat(fx.alertStatuses(rostered, "HEALTH_REPORT_MISSING", null)).containsExactly("OPEN");
        assertThat(fx.alertStatuses(bare, "HEALTH_REPORT_MISSING", null))
                .as("no roster, not on the whitelist: nothing to watch").isEmpty();

        // the weekly dispatch brief carries the epidemic watch (SPEC §6: "alerts")
        ApiClient.Response brief = as("hq_xz").post("/api/v1/reports/weekly?regionCode=" + XINZHENG, "");
        assertThat(brief.status()).as(brief.raw()).isEqualTo(201);
        tools.jackson.databind.JsonNode section = null;
        for (tools.jackson.databind.JsonNode sec : brief.body().get("sections")) {
            if ("epidemic.figures".equals(sec.get("key").asString())) {
                section = sec;
            }
        }
        assertThat(section).as(brief.raw()).isNotNull();
        assertThat(section.get("title").asString()).matches("[一二三四五六七八九十]+、疫情防控（电子哨预警）");
        tools.jackson.databind.JsonNode opened = section.get("rows").get(0);
        assertThat(opened.get(0).asString()).isEqualTo("本周新增电子哨预警");
        assertThat(Long.parseLong(opened.get(1).asString())).isGreaterThanOrEqualTo(2);
        assertThat(opened.get(2).asString()).contains("检测阳性");
    }

    @Test
    void theOnTimeTestingRateCountsANewcomerLateOnlyOnceTheIntervalHasPassed() {
        String subject = fx.activeSubject(XINZHENG);
        String tested = TestIds.next();
        fx.roster(subject, employee("已检测", tested, "FIXED"), employee("新入职", TestIds.next(), "FIXED"));
        fx.results(tested + "," + at(fx.now()) + ",PCR,NEGATIVE\n");
        DataScope own = new org.sibao.identity.CurrentUser("t", "t", "t", org.sibao.identity.Role.ENTERPRISE, XINZHENG,
                null, null, subject).scope();
        EpidemicFigures.Figures now = figures.figures(own);
        assertThat(now.watched()).isEqualTo(2);
        assertThat(now.onTime()).as("the newcomer is not due yet").isEqualTo(2);
        fx.advance(49);
        EpidemicFigures.Figures later = figures.figures(own);
        assertThat(later.onTime()).isZero();
        assertThat(later.onTimeTestingRate()).isZero();
    }

    @Test
    void aSubjectRegisteredTodayOwesTodaysReportOnly() {
        String subject = fx.activeSubject(XINZHENG);
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "HEALTH_REPORT_MISSING", null)).containsExactly("OPEN");
        java.time.LocalDate today = fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        assertThat(admin.post("/api/v1/enterprises/" + subject + "/health-reports", Map.of("date", today.toString(),
                "present", 12, "symptomatic", List.of())).status()).isEqualTo(201);
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "HEALTH_REPORT_MISSING", null))
                .as("a zero report for today: nothing is owed for a day before it was registered").containsExactly("RESOLVED");
    }

    @Test
    void flagsMissingDailyReportsAndSymptomsUntilReported() {
        String subject = fx.activeSubject(XINZHENG);
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "HEALTH_REPORT_MISSING", null)).containsExactly("OPEN");
        java.time.LocalDate today = fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        for (java.time.LocalDate d : List.of(today.minusDays(1), today)) {
            assertThat(admin.post("/api/v1/enterprises/" + subject + "/health-reports", Map.of("date", d.toString(),
                    "present", 80, "symptomatic", List.of(Map.of("idNumber", TestIds.next(), "symptom", "咳嗽")))).status())
                    .isEqualTo(201);
        }
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "HEALTH_REPORT_MISSING", null)).containsExactly("RESOLVED");
        assertThat(fx.alertStatuses(subject, "SYMPTOM", null)).containsExactly("OPEN");
        admin.post("/api/v1/enterprises/" + subject + "/health-reports",
                Map.of("date", today.toString(), "present", 80, "symptomatic", List.of()));
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "SYMPTOM", null)).containsExactly("RESOLVED");
    }

    @Test
    void aSymptomaticEmployeeHasTheirOwnAlertApartFromSomeoneOffTheRoster() {
        String subject = fx.activeSubject(XINZHENG);
        String coughing = TestIds.next();
        String healthy = TestIds.next();
        fx.roster(subject, EpidemicFixtures.employee("咳嗽员工", coughing, "FIXED"),
                EpidemicFixtures.employee("健康员工", healthy, "FIXED"));
        Map<String, String> ids = new java.util.HashMap<>();
        admin.get("/api/v1/enterprises/" + subject + "/employees?size=10").body().get("items")
                .forEach(e -> ids.put(e.get("name").asString(), e.get("id").asString()));
        java.time.LocalDate today = fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        assertThat(admin.post("/api/v1/enterprises/" + subject + "/health-reports", Map.of("date", today.toString(),
                "present", 2, "symptomatic", List.of(Map.of("idNumber", coughing, "symptom", "咳嗽"),
                        Map.of("idNumber", TestIds.next(), "symptom", "发热")))).status()).isEqualTo(201);
        fx.sweep();

        List<tools.jackson.databind.JsonNode> open = new java.util.ArrayList<>();
        admin.get("/api/v1/epidemic/alerts?size=50&enterpriseId=" + subject + "&type=SYMPTOM").body().get("items")
                .forEach(open::add);
        assertThat(open).extracting(a -> a.path("employeeId").asString(null))
                .as("one for the rostered employee, one for the subject (a visitor off the roster)")
                .containsExactlyInAnyOrder(ids.get("咳嗽员工"), null);

        // the next report lists only the visitor: the employee's alert resolves, the subject's stays open
        assertThat(admin.post("/api/v1/enterprises/" + subject + "/health-reports", Map.of("date", today.toString(),
                "present", 2, "symptomatic", List.of(Map.of("idNumber", TestIds.next(), "symptom", "发热")))).status())
                .as("the day's report replaced").isEqualTo(200);
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "SYMPTOM", ids.get("咳嗽员工"))).containsExactly("RESOLVED");
        List<String> subjectLevel = new java.util.ArrayList<>();
        admin.get("/api/v1/epidemic/alerts?size=50&enterpriseId=" + subject + "&type=SYMPTOM").body().get("items")
                .forEach(a -> {
                    if (a.path("employeeId").isMissingNode() || a.path("employeeId").isNull()) {
                        subjectLevel.add(a.get("status").asString());
                    }
                });
        assertThat(subjectLevel).containsExactly("OPEN");
        assertThat(fx.alertStatuses(subject, "SYMPTOM", ids.get("健康员工"))).isEmpty();
    }

    @Test
    void flagsUnregisteredArrivalsUntilBackFilled() {
        String subject = fx.activeSubject(XINZHENG);
        String today = fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        ApiClient.Response registered = admin.post("/api/v1/enterprises/" + subject + "/arrivals", Map.of("name", "来访者",
                "idNumber", TestIds.next(), "origin", "上海市", "riskLevel", "MEDIUM", "arrivalDate", today));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.text("status")).isEqualTo("REGISTERED");
        ApiClient.Response late = admin.post("/api/v1/enterprises/" + subject + "/arrivals/unregistered",
                Map.of("name", "返乡人员", "idNumber", TestIds.next(), "arrivalDate", today));
        assertThat(late.text("status")).isEqualTo("UNREGISTERED");
        assertThat(late.text("idNumber")).contains("**********");
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "ARRIVAL_UNREGISTERED", null)).containsExactly("OPEN");
        assertThat(admin.post("/api/v1/epidemic/arrivals/" + late.text("id") + "/backfill", Map.of("origin", "北京市")).status())
                .isEqualTo(400);
        ApiClient.Response filled = admin.post("/api/v1/epidemic/arrivals/" + late.text("id") + "/backfill",
                Map.of("origin", "北京市", "riskLevel", "LOW"));
        assertThat(filled.text("status")).isEqualTo("BACKFILLED");
        assertThat(admin.post("/api/v1/epidemic/arrivals/" + late.text("id") + "/backfill",
                Map.of("origin", "北京市", "riskLevel", "LOW")).status()).isEqualTo(409);
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "ARRIVAL_UNREGISTERED", null)).containsExactly("RESOLVED");
    }

    @Test
    void theEmergencySwitchClosesTheLoopTightensIntervalsAndSwitchesBack() throws InterruptedException {
        String subject = fx.activeSubject(XINZHENG);
        String other = fx.activeSubject("410203");
        String id = TestIds.next();
        fx.roster(subject, employee("车间工人", id, "FIXED"));
        String employeeId = employeeId(subject, "车间工人");
        fx.results(id + "," + at(fx.now()) + ",PCR,NEGATIVE\n");

        assertThat(as("epi_xz").put("/api/v1/regions/410184/mode", Map.of("mode", "EMERGENCY", "reason", "x")).status())
                .isEqualTo(403);
        assertThat(as("hq_kf").put("/api/v1/regions/410184/mode", Map.of("mode", "EMERGENCY", "reason", "x")).status())
                .as("another city's region: readable, not switchable").isEqualTo(403);
        ApiClient.Response noReason = as("hq_xz").put("/api/v1/regions/410184/mode", Map.of("mode", "EMERGENCY"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.raw()).contains("reason");
        assertThat(as("hq_xz").put("/api/v1/regions/410184/mode", Map.of("mode", "PANIC", "reason", "x")).status()).isEqualTo(400);

        String sectorOfficer = org.sibao.support.TestUsers.uniqueName("sector_mode");
        org.sibao.support.TestUsers.create(admin, sectorOfficer, "SECTOR_OFFICER", "410184", Map.of("sector", "INDUSTRY"));
        ApiClient.Response on = as("hq_xz").put("/api/v1/regions/410184/mode", Map.of("mode", "EMERGENCY", "reason", "出现本土病例"));
        try {
            assertThat(on.status()).as(on.raw()).isEqualTo(200);
            assertThat(on.text("regionCode")).isEqualTo("410184");
            assertThat(on.text("mode")).isEqualTo("EMERGENCY");
            assertThat(on.text("status")).as("an action's answer shows the new state").isEqualTo("EMERGENCY");
            assertThat(on.body().get("affectedEnterprises").asInt()).isPositive();
            assertThat(on.text("switchedAt")).isNotBlank();
            assertThat(subjects.find(subject, DataScope.system()).orElseThrow().operationMode()).isEqualTo(OperationMode.CLOSED_LOOP);
            assertThat(subjects.find(other, DataScope.system()).orElseThrow().operationMode()).isEqualTo(OperationMode.NORMAL);
            assertThat(as("ent_xz").get("/api/v1/regions/410184/mode").text("mode")).isEqualTo("EMERGENCY");
            assertThat(admin.get("/api/v1/regions/410100/mode").text("mode")).isEqualTo("NORMAL");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_mode_switch WHERE region_code = '410184' AND mode = 'EMERGENCY'")
                    .query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'epidemic.mode.switch' AND entity_id = '410184'")
                    .query(Long.class).single()).isPositive();
            // the county's offices, and the province's HQ above it
            for (String user : List.of("hq_xz", "epi_xz", sectorOfficer, "hq_hn")) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                long notices = 0;
                while (notices == 0 && System.nanoTime() < deadline) {
                    notices = jdbc.sql("""
                            SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                            WHERE u.username = ? AND n.kind = 'EPIDEMIC_MODE' AND n.message_key = 'epidemic.notice.mode.EMERGENCY'""")
                            .param(user).query(Long.class).single();
                    Thread.sleep(100);
                }
                assertThat(notices).as(user + " is told of the switch").isPositive();
            }
            assertThat(as("hq_hn").get("/api/v1/notifications?size=500").raw()).as("the region by its name, not its code")
                    .contains("新郑市已切换为应急状态：出现本土病例").doesNotContain("410184已切换", "区域 410184");

            fx.advance(25);
            fx.sweep();
            assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", employeeId)).as("closed loop: 24 h for everyone")
                    .containsExactly("OPEN");
            // a subject removed from the whitelist during the emergency keeps its closed loop until the switch back
            jdbc.sql("UPDATE subject SET whitelist_status = 'REMOVED' WHERE id = ?").param(subject).update();
        } finally {
            ApiClient.Response off = as("hq_hn").put("/api/v1/regions/410184/mode", Map.of("mode", "NORMAL", "reason", "解除"));
            assertThat(off.status()).as(off.raw()).isEqualTo(200);
            jdbc.sql("UPDATE subject SET whitelist_status = 'ACTIVE' WHERE id = ?").param(subject).update();
        }
        assertThat(subjects.find(subject, DataScope.system()).orElseThrow().operationMode())
                .as("switching back restores NORMAL, on the whitelist or not").isEqualTo(OperationMode.NORMAL);
        assertThat(admin.get("/api/v1/regions/410184/mode").text("mode")).isEqualTo("NORMAL");
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "TEST_OVERDUE", employeeId)).as("back to 48 h").containsExactly("RESOLVED");
    }

    @Test
    void anHqOfficerOutsideTheRegionIsForbiddenAndOnlyUnknownRegionsAreNotFound() {
        ApiClient hq = as("hq_kf");
        assertThat(hq.get("/api/v1/regions/411300").status()).isEqualTo(200);
        assertThat(hq.get("/api/v1/regions/411300/mode").status()).isEqualTo(200);
        for (String code : List.of("411300", "410000")) {
            ApiClient.Response r = hq.put("/api/v1/regions/" + code + "/mode", Map.of("mode", "EMERGENCY", "reason", "越权"));
            assertThat(r.status()).as(code + " " + r.raw()).isEqualTo(403);
        }
        assertThat(hq.put("/api/v1/regions/999999/mode", Map.of("mode", "EMERGENCY", "reason", "x")).status()).isEqualTo(404);
        assertThat(as("epi_kf").put("/api/v1/regions/410200/mode", Map.of("mode", "EMERGENCY", "reason", "x")).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_mode_switch WHERE region_code IN ('411300', '410000') AND reason = '越权'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRegionNeverSwitchedSaysSoInsteadOfAnEmptyTable() {
        org.sibao.support.WebClient web = new org.sibao.support.WebClient(port);
        assertThat(web.login("hq_ny", "Demo@2022").status()).isEqualTo(302);
        String page = web.get("/epidemic/mode?regionCode=411303").body();
        assertThat(page).contains("mode-history-none", "尚无平急转换记录");
    }

    @Test
    void aSwitchThatWouldChangeNothingInForceIsRefusedNamingTheAncestorThatHoldsTheEmergency() {
        ApiClient hq = as("hq_kf");
        ApiClient.Response normal = hq.put("/api/v1/regions/410200/mode", Map.of("mode", "NORMAL", "reason", "本来就是常态"));
        assertThat(normal.status()).as(normal.raw()).isEqualTo(409);
        assertThat(normal.text("detail")).contains("常态");

        ApiClient.Response on = hq.put("/api/v1/regions/410200/mode", Map.of("mode", "EMERGENCY", "reason", "第一次切换"));
        assertThat(on.status()).as(on.raw()).isEqualTo(200);
        try {
            long switches = jdbc.sql("SELECT COUNT(*) FROM epi_mode_switch").query(Long.class).single();
            ApiClient.Response again = hq.put("/api/v1/regions/410200/mode", Map.of("mode", "EMERGENCY", "reason", "第二次切换"));
            assertThat(again.status()).as(again.raw()).isEqualTo(409);
            ApiClient.Response mode = hq.get("/api/v1/regions/410200/mode");
            assertThat(mode.text("reason")).isEqualTo("第一次切换");
            assertThat(OffsetDateTime.parse(mode.text("switchedAt")).toInstant())
                    .isEqualTo(OffsetDateTime.parse(on.text("switchedAt")).toInstant());

            ApiClient.Response county = hq.put("/api/v1/regions/410203/mode", Map.of("mode", "NORMAL", "reason", "区县想恢复"));
            assertThat(county.status()).as(county.raw()).isEqualTo(409);
            assertThat(county.text("detail")).contains("开封市");
            assertThat(hq.english().put("/api/v1/regions/410203/mode", Map.of("mode", "NORMAL", "reason", "x")).text("detail"))
                    .contains("parent region");
            ApiClient.Response countyOn = hq.put("/api/v1/regions/410203/mode", Map.of("mode", "EMERGENCY", "reason", "重复"));
            assertThat(countyOn.status()).as(countyOn.raw()).isEqualTo(409);
            assertThat(countyOn.text("detail")).contains("开封市");
            assertThat(hq.get("/api/v1/regions/410203/mode").text("mode")).isEqualTo("EMERGENCY");
            org.sibao.support.WebClient web = new org.sibao.support.WebClient(port);
            assertThat(web.login("hq_kf", "Demo@2022").status()).isEqualTo(302);
            assertThat(web.get("/epidemic/mode?regionCode=410203").body()).contains("mode-form");
            org.sibao.support.WebClient.Page refused = web.post("/epidemic/mode",
                    Map.of("regionCode", "410203", "mode", "NORMAL", "reason", "页面上恢复"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(302);
            assertThat(web.get(refused.location().replaceFirst("^https?://[^/]+", "")).body())
                    .as("the page says why").contains("开封市", "不能单独恢复常态");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_mode_switch").query(Long.class).single())
                    .as("no change recorded").isEqualTo(switches);
        } finally {
            ApiClient.Response off = hq.put("/api/v1/regions/410200/mode", Map.of("mode", "NORMAL", "reason", "解除"));
            assertThat(off.status()).as(off.raw()).isEqualTo(200);
        }
        assertThat(hq.get("/api/v1/regions/410203/mode").text("mode")).isEqualTo("NORMAL");
    }
}
