package org.sibao.tasking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sibao.platform.BusinessClock;
import org.sibao.subject.TestSubjects;
import org.sibao.support.ApiClient;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.sibao.tasking.FigureRow;
import org.sibao.tasking.FigureSection;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.SupervisionItem;
import org.sibao.tasking.SupervisionItems;
import org.sibao.tasking.SupervisionKind;
import org.sibao.tasking.WeeklyFigures;
import org.sibao.whitelist.EntryActivated;
import org.sibao.whitelist.EntryRemoved;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The weekly dispatch brief and the Friday supervision report: on demand with a contributed section and item (the
 * SPIs, as the appeals module will implement them), as .docx opened with POI, on schedule after the drill clock
 * passes Friday 17:00, and the printable page in a browser. Own context (the test beans), closed afterwards.
 */
@FullStackTest
@DirtiesContext
class ReportTest {

    private static final String PASSWORD = "Demo@2022";
    private static final String KAIFENG = "410200";

    @TestConfiguration
    static class Contributions {

        @Bean
        WeeklyFigures testWeeklyFigures() {
            return (regionCode, week) -> List.of(new FigureSection("test.figures", 200, "四、诉求办理（测试）",
                    List.of(new FigureRow("本周新增诉求", "7", regionCode + " " + week), FigureRow.of("响应率", "95.0%"))));
        }

        @Bean
        SupervisionItems testSupervisionItems(BusinessClock clock) {
            return (regionCode, week) -> KAIFENG.startsWith(org.sibao.region.Region.prefixOf(regionCode))
                    ? List.of(new SupervisionItem("appeal", "A-1", "用工需求回访不满意（测试）", "HRSS", KAIFENG,
                            SupervisionKind.UNSATISFIED, clock.nowOffset().minusDays(1), null))
                    : List.of();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    BusinessClock clock;

    @Autowired
    ReportSchedule schedule;

    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
    }

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, PASSWORD);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now"));
    }

    private static JsonNode section(JsonNode report, String key) {
        for (JsonNode s : report.get("sections")) {
            if (s.get("key").asString().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no section " + key + " in " + report);
    }

    private static List<String> row(JsonNode section, String first) {
        for (JsonNode r : section.get("rows")) {
            if (r.get(0).asString().equals(first)) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(c.asString()));
                return cells;
            }
        }
        throw new AssertionError("no row " + first + " in " + section);
    }

    private String subjectIn(String county, String name) {
        ApiClient.Response r = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc(county), name + TestSubjects.token(), county, "INDUSTRY"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private long ledgerLines(String enterpriseId) {
        return jdbc.sql("SELECT COUNT(*) FROM task_wl_ledger WHERE enterprise_id = ?").param(enterpriseId)
                .query(Long.class).single();
    }

    private void awaitLedger(String enterpriseId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (ledgerLines(enterpriseId) == 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(ledgerLines(enterpriseId)).as("the whitelist event reached the ledger").isEqualTo(1);
    }

    private static XWPFDocument docx(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
        return new XWPFDocument(new ByteArrayInputStream(response.body()));
    }

    private static List<String> paragraphs(XWPFDocument doc, String style) {
        return doc.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    private static List<String> cells(XWPFDocument doc) {
        List<String> out = new ArrayList<>();
        for (XWPFTable t : doc.getTables()) {
            t.getRows().forEach(r -> r.getTableCells().forEach(c -> out.add(c.getText())));
        }
        return out;
    }

    @Test
    void weeklyBriefOnDemandWithWhitelistCoverageTasksAndAContributedSection() throws Exception {
        String added = subjectIn("410221", "杞县新增白名单");
        String removed = subjectIn("410221", "杞县熔断企业");
        tx.executeWithoutResult(s -> {
            events.publishEvent(new EntryActivated(org.sibao.platform.Ids.newId(), added, "INDUSTRY", "COUNTY"));
            events.publishEvent(new EntryRemoved(org.sibao.platform.Ids.newId(), removed, "发生安全生产事故"));
        });
        awaitLedger(added);
        awaitLedger(removed);

        ApiClient hq = as("hq_kf");
        String week = IsoWeek.of(now().toInstant()).toString();
        String late = hq.post("/api/v1/tasks", Map.of("title", "简报逾期任务", "description", "测试", "deadline",
                now().plusMinutes(30).toString(), "assignees", List.of(Map.of("kind", "TASK_FORCE", "code", "COMMERCE"))))
                .text("id");
        assertThat(late).isNotNull();
        admin.post("/api/v1/admin/clock/advance", Map.of("hours", 1));
        week = IsoWeek.of(now().toInstant()).toString();

        ApiClient.Response r = hq.post("/api/v1/reports/weekly?regionCode=" + KAIFENG + "&week=" + week, "");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        JsonNode report = r.body();
        assertThat(report.get("kind").asString()).isEqualTo("WEEKLY_BRIEF");
        assertThat(report.get("isoWeek").asString()).isEqualTo(week);
        JsonNode wl = section(report, "whitelist.changes");
        List<String> total = row(wl, "合计");
        assertThat(Integer.parseInt(total.get(1))).isGreaterThanOrEqualTo(1);
        assertThat(Integer.parseInt(total.get(2))).isGreaterThanOrEqualTo(1);
        assertThat(section(report, "whitelist.removed").toString()).contains("杞县熔断企业", "发生安全生产事故");
        JsonNode coverage = section(report, "coverage");
        assertThat(coverage.get("rows")).hasSize(6);
        assertThat(row(coverage, "工业生产").get(1)).endsWith("%");
        assertThat(row(section(report, "tasking.tasks"), "逾期未完成任务").get(1)).isNotEqualTo("0");
        JsonNode contributed = section(report, "test.figures");
        assertThat(row(contributed, "本周新增诉求")).containsExactly("本周新增诉求", "7", KAIFENG + " " + week);
        assertThat(section(report, "tasking.study").toString()).contains("逾期任务：简报逾期任务");

        String id = report.get("id").asString();
        assertThat(hq.get("/api/v1/reports?kind=WEEKLY_BRIEF&regionCode=" + KAIFENG).raw()).contains(id);
        assertThat(hq.get("/api/v1/reports/" + id).body().get("sections").size()).isEqualTo(report.get("sections").size());
        assertThat(as("hq_xz").get("/api/v1/reports/" + id).status()).as("another region").isEqualTo(404);
        assertThat(as("hq_xz").post("/api/v1/reports/weekly?regionCode=" + KAIFENG, "").status()).isEqualTo(404);
        assertThat(as("dept_tax_kf").post("/api/v1/reports/weekly?regionCode=" + KAIFENG, "").status()).isEqualTo(403);
        assertThat(hq.post("/api/v1/reports/weekly?week=2026-47", "").status()).isEqualTo(400);

        try (XWPFDocument doc = docx(hq.getBytes("/api/v1/reports/" + id + "/docx"))) {
            assertThat(paragraphs(doc, ReportDocx.HEADING_1)).containsExactly(report.get("title").asString());
            assertThat(paragraphs(doc, ReportDocx.HEADING_2)).contains("一、白名单变化", "二、分领域覆盖率", "三、工作交办",
                    "四、企业诉求办理", "五、诉求办理（测试）", "提请指挥部研究事项");
            assertThat(cells(doc)).contains("领域", "新增", "移出", "工业生产", "本周新增诉求", "7", "合计");
            assertThat(doc.getStyles().styleExist(ReportDocx.HEADING_2)).isTrue();
            // what strict readers (python-docx, Word's validator) require: a column grid per table, run properties in
            // the schema's order
            assertThat(doc.getTables()).isNotEmpty().allSatisfy(t -> assertThat(t.getCTTbl().getTblGrid()).isNotNull()
                    .satisfies(g -> assertThat(g.sizeOfGridColArray()).isEqualTo(t.getRow(0).getTableCells().size())));
            String run = doc.getTables().get(0).getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).getCTR()
                    .getRPr().xmlText();
            assertThat(run.indexOf("rFonts")).isNotNegative().isLessThan(run.indexOf("<w:b"));
            assertThat(run.indexOf("<w:b")).isLessThan(run.indexOf("<w:sz"));
        }
    }

    @Test
    void fridayReportListsAnOverdueTaskByDepartmentAndIsSentToTheHq() throws Exception {
        ApiClient hq = as("hq_kf");
        String title = "周五督办测试任务" + TestSubjects.token();
        ApiClient.Response created = hq.post("/api/v1/tasks", Map.of("title", title, "description", "测试", "deadline",
                now().plusMinutes(30).toString(), "assignees", List.of(Map.of("kind", "DEPARTMENT", "code", "POWER",
                        "regionCode", KAIFENG))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        admin.post("/api/v1/admin/clock/advance", Map.of("hours", 1));

        ApiClient.Response r = as("sup_kf").post("/api/v1/reports/friday?regionCode=" + KAIFENG, "");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        JsonNode report = r.body();
        List<String> power = row(section(report, "supervision.byDepartment"), "开封市 供电公司");
        assertThat(Integer.parseInt(power.get(1))).as("overdue").isGreaterThanOrEqualTo(1);
        List<String> hrss = row(section(report, "supervision.byDepartment"), "开封市 人力资源和社会保障局");
        assertThat(hrss.get(3)).as("unsatisfied, from the contributed SPI bean").isEqualTo("1");
        assertThat(Integer.parseInt(row(section(report, "supervision.byRegion"), "开封市").get(1))).isGreaterThanOrEqualTo(1);
        assertThat(section(report, "supervision.items").toString()).contains(title, "用工需求回访不满意（测试）", "诉求办理");

        String id = report.get("id").asString();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE link = ? AND message_key = 'tasking.notice.friday'"
                + " AND user_id IN (SELECT id FROM app_user WHERE username = 'hq_kf')").param("/reports/" + id)
                .query(Long.class).single()).isEqualTo(1);
        try (XWPFDocument doc = docx(as("sup_kf").getBytes("/api/v1/reports/" + id + "/docx"))) {
            assertThat(paragraphs(doc, ReportDocx.HEADING_2)).containsExactly("一、总体情况", "二、按责任单位", "三、按地区",
                    "四、督办事项明细");
            assertThat(cells(doc)).contains("开封市 供电公司", "责任单位", "逾期", "不满意", title + "（开封市 供电公司）");
        }
    }

    @Test
    void fridayReportIsGeneratedOnceWhenTheClockPassesFriday1700() {
        ZonedDateTime now = clock.now().atZone(BusinessClock.ZONE);
        ZonedDateTime nextFriday = now.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))
                .withHour(17).withMinute(0).withSecond(0).withNano(0);
        if (!nextFriday.isAfter(now)) {
            nextFriday = nextFriday.plusWeeks(1);
        }
        long hours = Duration.between(now, nextFriday).toHours() + 1;
        assertThat(admin.post("/api/v1/admin/clock/advance", Map.of("hours", hours)).status()).isEqualTo(200);
        String week = IsoWeek.of(nextFriday.toLocalDate()).toString();

        schedule.generateDue();
        schedule.generateDue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_report WHERE kind = 'FRIDAY_SUPERVISION' AND region_code = ?"
                + " AND iso_week = ? AND generated_by = ?").params(KAIFENG, week, ReportSchedule.SYSTEM)
                .query(Long.class).single()).as("one scheduled report for 开封's HQ office").isEqualTo(1);
        assertThat(as("hq_kf").get("/api/v1/reports?kind=FRIDAY_SUPERVISION").raw()).contains(week);
    }

    @Test
    void printablePageShowsTheReportWithoutConsoleErrors() throws IOException {
        ApiClient.Response r = as("hq_kf").post("/api/v1/reports/weekly?regionCode=" + KAIFENG, "");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        String id = r.text("id");
        try (Browser browser = Browser.start(port)) {
            browser.login("hq_kf", PASSWORD);
            browser.open("/reports/" + id);
            assertThat(browser.text(By.id("report-title"))).isEqualTo(r.text("title"));
            assertThat(browser.text(By.id("section-coverage"))).contains("二、分领域覆盖率", "工业生产");
            assertThat(browser.isPresent(By.id("report-print"))).isTrue();
            assertThat(browser.driver().findElement(By.id("report-docx")).getAttribute("href")).endsWith("/reports/" + id + ".docx");
            Path shot = browser.screenshot("tasking-weekly-report");
            assertThat(Files.size(shot)).isPositive();
            browser.open("/reports");
            assertThat(browser.text(By.id("report-list"))).contains(r.text("title"));
            browser.open("/tasks");
            assertThat(browser.isPresent(By.id("assign-form"))).isTrue();
            browser.screenshot("tasking-tasks");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
