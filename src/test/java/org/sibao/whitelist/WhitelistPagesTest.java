package org.sibao.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every whitelist page renders for the role that uses it, and one action of each goes through. */
@FullStackTest
class WhitelistPagesTest {

    @LocalServerPort
    int port;

    WhitelistFixture fx;

    @BeforeEach
    void setUp() {
        fx = new WhitelistFixture(port);
    }

    /** A signed-in web session of a new user of that role. */
    WebClient web(String role, String region, Map<String, String> extra) {
        String name = TestUsers.uniqueName("wlp_" + role.toLowerCase());
        TestUsers.create(fx.admin, name, role, region, extra);
        WebClient web = new WebClient(port);
        assertThat(web.login(name, TestUsers.PASSWORD).location()).doesNotContain("error");
        return web;
    }

    static Map<String, String> form(Map<String, Object> declarations, String level) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("level", level);
        declarations.forEach((k, v) -> f.put("d." + k, v.toString()));
        return f;
    }

    @Test
    void theEnterpriseAppliesWithALivePrecheckUploadsAndSubmits() {
        String county = "410311";
        String subject = fx.subject(county, "INDUSTRY", true);
        WebClient web = web("ENTERPRISE", county, Map.of("enterpriseId", subject));

        WebClient.Page page = web.get("/whitelist/apply");
        assertThat(page.status()).isEqualTo(200);
        String subjectName = fx.admin.get("/api/v1/enterprises/" + subject).text("name");
        assertThat(page.body()).contains("id=\"wl-subject-name\"", subjectName);
        assertThat(web.get("/whitelist/apply?lang=en").body()).contains("Apply for the whitelist", "Instant precheck",
                "Epidemic-prevention task force set up");
        assertThat(page.body()).contains("id=\"wl-apply-form\"", "id=\"wl-d-epidemicTaskForce\"", "/js/whitelist.js")
                .contains("id=\"wl-precheck-table\"").doesNotContain("onclick=").contains("申请白名单");

        Map<String, String> partial = new LinkedHashMap<>();
        partial.put("enterpriseId", subject);
        partial.put("level", "COUNTY");
        partial.put("d.operatingNormally", "true");
        WebClient.Page unknown = web.post("/whitelist/applications/precheck", partial);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("id=\"wl-precheck-outcome\"", "data-outcome=\"UNKNOWN\"")
                .doesNotContain("<html");
        partial.put("d.meetsSafetyStandards", "false");
        assertThat(web.post("/whitelist/applications/precheck", partial).body())
                .contains("data-outcome=\"FAIL\"", "不符合");

        Map<String, String> ready = form(WhitelistFixture.readyDeclarations(), "COUNTY");
        ready.put("enterpriseId", subject);
        assertThat(web.post("/whitelist/applications/precheck", ready).body()).contains("data-outcome=\"PASS\"")
                .doesNotContain("data-outcome=\"FAIL\"");
        WebClient.Page saved = web.post("/whitelist/applications", ready);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        String id = saved.location().substring(saved.location().lastIndexOf('/') + 1);

        WebClient.Page detail = web.get("/whitelist/applications/" + id);
        assertThat(detail.body()).contains("data-status=\"DRAFT\"", "id=\"wl-app-submit\"", "id=\"wl-upload-form\"",
                "申请已保存").doesNotContain("id=\"wl-review-form\"");
        assertThat(detail.body()).as("the region by name, criteria by title, the facts read as names")
                .contains("id=\"wl-app-region\">洛龙区</dd>").doesNotContain(">410311<")
                .doesNotContainPattern("实际：\\d{6}").doesNotContainPattern(">[A-Z][A-Z_]{3,}</span>");
        assertThat(web.post("/whitelist/applications/precheck", ready).body()).doesNotContainPattern("实际：\\d{6}")
                .doesNotContainPattern(">[A-Z][A-Z_]{3,}</span>");
        WebClient.Page uploaded = web.postFile("/whitelist/applications/" + id + "/attachments", "file", "预案.pdf",
                "application/pdf", WhitelistExtrasTest.PDF);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
        WebClient.Page wrong = web.postFile("/whitelist/applications/" + id + "/attachments", "file", "x.txt",
                "text/plain", "hello".getBytes());
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"wl-errors\"", "仅支持 pdf");
        detail = web.get("/whitelist/applications/" + id);
        String attachment = detail.body().replaceAll("(?s).*id=\"wl-attachment-([^\"]+)\".*", "$1");
        assertThat(web.bytes("/whitelist/applications/" + id + "/attachments/" + attachment))
                .isEqualTo(WhitelistExtrasTest.PDF);

        fx.sectorOfficer(county, "INDUSTRY"); // the county's reviewer, so the county step stays at 洛龙区
        WebClient.Page submitted = web.post("/whitelist/applications/" + id + "/submit", Map.of());
        assertThat(submitted.status()).isEqualTo(302);
        String submittedPage = web.get("/whitelist/applications/" + id).body();
        assertThat(submittedPage).contains("data-status=\"SUBMITTED\"")
                .doesNotContain("id=\"wl-app-submit\"").contains("提交申请")
                .as("the due region and the review steps by name").contains("id=\"wl-app-due-region\">洛龙区 县级</dd>")
                .containsPattern("id=\"wl-step-COUNTY\">\\s*<td>县级</td><td>洛龙区</td>").doesNotContain("410311");
    }

    @Test
    void aReturnedApplicationIsEditedAndResubmittedOnItsPages() {
        String county = "410329";
        String subject = fx.subject(county, "INDUSTRY", true);
        ApiClient officer = fx.sectorOfficer(county, "INDUSTRY");
        String id = officer.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations())).text("id");
        officer.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of());
        officer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "RETURN", "comment", "请补充隔离观察点"));

        WebClient web = web("ENTERPRISE", county, Map.of("enterpriseId", subject));
        WebClient.Page detail = web.get("/whitelist/applications/" + id);
        assertThat(detail.body()).contains("data-status=\"RETURNED\"", "请补充隔离观察点", "id=\"wl-app-edit\"",
                "重新提交");
        WebClient.Page edit = web.get("/whitelist/applications/" + id + "/edit");
        assertThat(edit.body()).contains("id=\"wl-apply-form\"", "value=\"5\"");
        Map<String, String> changed = form(WhitelistFixture.readyDeclarations(), "COUNTY");
        changed.put("d.isolationPlaces", "12");
        assertThat(web.post("/whitelist/applications/" + id, changed).status()).isEqualTo(302);
        assertThat(web.get("/whitelist/applications/" + id).body()).contains(">12</td>");
        assertThat(web.post("/whitelist/applications/" + id + "/submit", Map.of()).status()).isEqualTo(302);
        assertThat(web.get("/whitelist/applications/" + id).body()).contains("data-status=\"SUBMITTED\"", "重新提交")
                .doesNotContain("id=\"wl-app-edit\"");
    }

    @Test
    void aFailingPrecheckShowsTheFailedCriteriaInsteadOfSubmitting() {
        String county = "410323";
        String subject = fx.subject(county, "INDUSTRY", false);
        WebClient web = web("ENTERPRISE", county, Map.of("enterpriseId", subject));
        assertThat(web.get("/whitelist/applications/new?enterpriseId=" + subject).body())
                .contains("data-outcome=\"FAIL\"");
        Map<String, String> ready = form(WhitelistFixture.readyDeclarations(), "COUNTY");
        ready.put("enterpriseId", subject);
        WebClient.Page saved = web.post("/whitelist/applications", ready);
        assertThat(saved.status()).isEqualTo(302);
        String id = saved.location().substring(saved.location().lastIndexOf('/') + 1);
        web.get("/whitelist/applications/" + id);
        WebClient.Page refused = web.post("/whitelist/applications/" + id + "/submit", Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"wl-errors\"", "预审未通过", "未达标")
                .contains("data-status=\"DRAFT\"");
    }

    @Test
    void theCountyOfficerReviewsBatchesPublishesAndRemoves() {
        String county = "410324";
        String subject = fx.subject(county, "INDUSTRY", true);
        ApiClient enterprise = fx.enterpriseUser(county, subject);
        String id = enterprise.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations())).text("id");
        // the county's reviewer exists before the submission, which routes the step to it (a county without one
        // would be reviewed above it)
        WebClient web = web("SECTOR_OFFICER", county, Map.of("sector", "INDUSTRY"));
        enterprise.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of());

        WebClient.Page detail = web.get("/whitelist/applications/" + id);
        assertThat(detail.body()).contains("id=\"wl-review-form\"", "id=\"wl-step-COUNTY\"", "待审核");
        WebClient.Page noComment = web.post("/whitelist/applications/" + id + "/review", Map.of("decision", "RETURN"));
        assertThat(noComment.status()).isEqualTo(200);
        assertThat(noComment.body()).contains("id=\"wl-errors\"");
        assertThat(web.post("/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE", "comment", "县级同意")).status()).isEqualTo(302);
        assertThat(web.get("/whitelist/applications/" + id).body()).contains("data-status=\"APPROVED\"", "县级同意")
                .doesNotContain("id=\"wl-review-form\"");

        WebClient.Page batches = web.get("/whitelist/batches");
        assertThat(batches.body()).contains("id=\"wl-batch-app-" + id + "\"");
        assertThat(batches.body()).as("a batch's region chosen by name; the candidates' regions by name")
                .contains("<select class=\"form-select form-select-sm\" name=\"regionCode\" id=\"wl-batch-region\">")
                .contains("value=\"410324\" selected=\"selected\">栾川县</option>").contains("<td>栾川县</td>")
                .doesNotContain(">410324<");
        Map<String, String> batch = Map.of("name", "第一批", "regionCode", county, "publicityDays", "0",
                "applicationIds", id);
        assertThat(web.post("/whitelist/batches", batch).status()).isEqualTo(302);
        batches = web.get("/whitelist/batches");
        String batchId = batches.body().replaceAll("(?s).*id=\"wl-batch-publish-([^\"]+)\".*", "$1");
        assertThat(batches.body()).contains("data-confirm=\"确定发布“第一批”吗").doesNotContain("wl-batch-app-" + id);
        assertThat(batches.body()).contains("<td>栾川县</td>").doesNotContain(">410324<");
        assertThat(web.post("/whitelist/batches/" + batchId + "/publish", Map.of()).status()).isEqualTo(302);
        assertThat(web.get("/whitelist/batches").body()).contains("批次已发布公示");

        String entryId = WhitelistFlowTest.entryOf(fx.sectorOfficer(county, "INDUSTRY"), subject).get("id").asString();
        WebClient.Page entry = web.get("/whitelist/entries/" + entryId);
        assertThat(entry.body()).contains("data-status=\"ACTIVE\"", "id=\"wl-remove-form\"", "data-confirm=",
                "id=\"wl-entry-history\"");
        WebClient.Page noReason = web.post("/whitelist/entries/" + entryId + "/remove", Map.of("reason", ""));
        assertThat(noReason.body()).contains("id=\"wl-errors\"").contains("data-status=\"ACTIVE\"");
        assertThat(web.post("/whitelist/entries/" + entryId + "/remove", Map.of("reason", "发生聚集性疫情")).status())
                .isEqualTo(302);
        assertThat(web.get("/whitelist/entries/" + entryId).body()).contains("data-status=\"REMOVED\"", "发生聚集性疫情")
                .doesNotContain("id=\"wl-remove-form\"");
        String list = web.get("/whitelist/entries").body();
        assertThat(list).contains("/whitelist/entries/" + entryId);
        assertThat(list).as("regions by name, filtered from a list").contains(">栾川县</td>", "id=\"wl-filter-region\"")
                .doesNotContain(">410324</td>");
        assertThat(web.get("/whitelist/applications").body()).contains(">栾川县</td>").doesNotContain(">410324</td>");
        assertThat(list).as("the page's download works with the browser's session").contains("href=\"/whitelist/entries/export");
        var xlsx = web.download("/whitelist/entries/export?status=REMOVED");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(web.download("/whitelist/applications/export").statusCode()).isEqualTo(200);
    }

    @Test
    void objectionsAndRecommendationsAreDecidedOnTheirPages() {
        String county = "410325";
        ApiClient officer = fx.sectorOfficer(county, "INDUSTRY");
        String subject = fx.subject(county, "INDUSTRY", true);
        String app = WhitelistExtrasTest.approve(officer, subject);
        String batch = officer.post("/api/v1/whitelist/batches", Map.of("name", "异议页测试批", "sector", "INDUSTRY",
                "regionCode", county, "applicationIds", List.of(app), "publicityDays", 2)).text("id");
        officer.post("/api/v1/whitelist/batches/" + batch + "/publish", Map.of());
        String entry = WhitelistFlowTest.entryOf(officer, subject).get("id").asString();
        String objection = fx.anonymous.post("/public/whitelist/objections", Map.of("entryId", entry,
                "contactName", "赵六", "contactPhone", "13612345678", "reason", "名单有误")).text("id");

        WebClient web = web("SECTOR_OFFICER", county, Map.of("sector", "INDUSTRY"));
        WebClient.Page queue = web.get("/whitelist/objections");
        assertThat(queue.body()).contains("id=\"wl-objection-" + objection + "\"", "136****5678", "名单有误");
        assertThat(web.post("/whitelist/objections/" + objection + "/dismiss", Map.of("note", "经核实不成立")).status())
                .isEqualTo(302);
        assertThat(web.get("/whitelist/objections").body()).doesNotContain("wl-objection-" + objection);
        assertThat(web.get("/whitelist/objections?status=DISMISSED").body()).contains("经核实不成立");

        String supplier = fx.subject(county, "INDUSTRY", true);
        Map<String, Object> body = org.sibao.subject.TestSubjects.enterprise(
                org.sibao.subject.TestSubjects.uscc(county), "推荐页测试" + org.sibao.subject.TestSubjects.token(),
                county, "INDUSTRY");
        body.put("incidents", List.of());
        body.put("links", List.of(Map.of("enterpriseId", supplier, "relation", "SUPPLIER")));
        String source = fx.admin.post("/api/v1/enterprises", body).text("id");
        String sourceApp = WhitelistExtrasTest.approve(officer, source);
        String b2 = officer.post("/api/v1/whitelist/batches", Map.of("name", "第二批", "sector", "INDUSTRY",
                "regionCode", county, "applicationIds", List.of(sourceApp), "publicityDays", 0)).text("id");
        officer.post("/api/v1/whitelist/batches/" + b2 + "/publish", Map.of());
        WebClient.Page recs = web.get("/whitelist/recommendations");
        String recId = recs.body().replaceAll("(?s).*id=\"wl-rec-dismiss-([^\"]+)\".*", "$1");
        assertThat(recs.body()).contains("供应商", fx.admin.get("/api/v1/enterprises/" + supplier).text("name"));
        assertThat(web.post("/whitelist/recommendations/" + recId + "/dismiss", Map.of()).status()).isEqualTo(302);
        assertThat(web.get("/whitelist/recommendations?status=DISMISSED").body()).contains("wl-rec-" + recId);
    }

    @Test
    void theCriteriaEditorShowsPreviewsValidatesEachCriterionAndPublishesAVersion() {
        // KEY_PROJECT at province level: no other test applies at that level for that sector
        WebClient web = web("SECTOR_OFFICER", "410000", Map.of("sector", "KEY_PROJECT"));
        WebClient.Page page = web.get("/whitelist/criteria");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"wl-criteria-form\"", "wl-criterion-preview", "河南省",
                "id=\"wl-criteria-publish\"", "id=\"wl-criteria-v1\"", "id=\"wl-criterion-template\"");
        int version = Integer.parseInt(page.body().replaceAll("(?s).*id=\"wl-criteria-v(\\d+)\".*", "$1"));

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("sector", "KEY_PROJECT");
        bad.put("level", "PROVINCE");
        bad.put("code", "STAFF");
        bad.put("title", "员工人数");
        bad.put("kind", "ELIGIBILITY");
        bad.put("rule", "{\"fact\": \"shoeSize\", \"op\": \"eq\", \"value\": 1}");
        WebClient.Page invalid = web.post("/whitelist/criteria", bad);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("id=\"wl-errors\"").containsPattern(
                "(?s)id=\"wl-criterion-row-0\".*wl-criterion-errors\">条件项（第 1 项）：");
        bad.put("rule", "{not json");
        assertThat(web.post("/whitelist/criteria", bad).body()).contains("规则不是有效的 JSON");

        Map<String, String> good = new LinkedHashMap<>(bad);
        good.put("rule", "{\"fact\": \"employees\", \"op\": \"gte\", \"value\": 10}");
        good.put("note", "页面测试");
        WebClient.Page published = web.post("/whitelist/criteria", good);
        assertThat(published.status()).as(published.body()).isEqualTo(302);
        WebClient.Page after = web.get("/whitelist/criteria?sector=KEY_PROJECT&level=PROVINCE");
        assertThat(after.body()).contains("id=\"wl-criteria-v" + (version + 1) + "\"", "页面测试", "STAFF");
        assertThat(web.get("/whitelist/criteria?sector=KEY_PROJECT&level=PROVINCE&version=" + version).body())
                .doesNotContain("页面测试");

        WebClient county = web("SECTOR_OFFICER", "410311", Map.of("sector", "KEY_PROJECT"));
        assertThat(county.get("/whitelist/criteria?sector=KEY_PROJECT&level=PROVINCE").body())
                .contains("id=\"wl-criteria-readonly\"").doesNotContain("id=\"wl-criteria-publish\"");
    }

    @Test
    void eachRoleSeesOnlyTheWhitelistEntriesItMayUse() {
        WebClient officer = web("SECTOR_OFFICER", "410326", Map.of("sector", "INDUSTRY"));
        String home = officer.get("/").body();
        assertThat(home).contains("href=\"/whitelist/batches\"", "href=\"/whitelist/objections\"",
                "href=\"/whitelist/criteria\"", "href=\"/whitelist/recommendations\"")
                .doesNotContain("href=\"/whitelist/apply\"");
        WebClient enterprise = web("ENTERPRISE", "410326", Map.of("enterpriseId", fx.subject("410326", "INDUSTRY", true)));
        String enterpriseHome = enterprise.get("/").body();
        assertThat(enterpriseHome).contains("href=\"/whitelist/apply\"")
                .doesNotContain("href=\"/whitelist/batches\"").doesNotContain("href=\"/whitelist/criteria\"");
        assertThat(enterprise.get("/whitelist/batches").status()).isEqualTo(403);
        assertThat(enterprise.get("/whitelist/objections").status()).isEqualTo(403);
        assertThat(enterprise.get("/whitelist/criteria").status()).isEqualTo(403);
    }
}
