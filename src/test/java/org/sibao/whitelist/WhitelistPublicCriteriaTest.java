package org.sibao.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.sibao.subject.TestSubjects;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The selection criteria made public (遴选标准和管理办法并向社会公布): a page without login listing every published
 * set in force by sector, level and region in plain Chinese, linked from the public whitelist, under the CSP.
 */
@FullStackTest
class WhitelistPublicCriteriaTest {

    private static final String PATH = "/public/whitelist/criteria";
    /** A script element without {@code src} (inline), or an inline event handler: the CSP would block either. */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+=\"",
            Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Test
    void everyoneReadsThePublishedCriteriaInPlainChineseFromThePublicWhitelist() throws Exception {
        WhitelistFixture fx = new WhitelistFixture(port);
        HttpResponse<String> list = page("/public/whitelist");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).as("linked from the public whitelist").contains("href=\"" + PATH + "\"", "遴选标准");

        HttpResponse<String> all = page(PATH);
        assertThat(all.statusCode()).as("no login").isEqualTo(200);
        String body = text(all.body());
        assertThat(body).contains("白名单遴选标准", "工业生产 · 县级", "重点项目 · 省级", "全省通用", "入选条件", "排除情形");
        // the seeded sets' rules in words, as the criteria editor previews them
        Response seeded = fx.admin.get("/api/v1/whitelist/criteria?sector=INDUSTRY&level=COUNTY");
        assertThat(seeded.status()).isEqualTo(200);
        String preview = seeded.body().get("criteria").get(0).get("preview").asString();
        assertThat(preview).isNotBlank();
        assertThat(body).contains(preview).doesNotContain("\"fact\"");
        assertThat(all.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(INLINE_SCRIPT.matcher(all.body()).find()).as("no inline script under the CSP").isFalse();
    }

    @Test
    void aCountyDepartmentsCriteriaAreListedUnderItsRegionAndApplyThere() throws Exception {
        WhitelistFixture fx = new WhitelistFixture(port);
        String county = "411326"; // 淅川县: no other test publishes COMMERCE criteria there
        String title = "商贸企业年营业收入不少于500万元" + TestSubjects.token();
        Response published = fx.sectorOfficer(county, "COMMERCE").post("/api/v1/whitelist/criteria?sector=COMMERCE&level=COUNTY",
                Map.of("note", "淅川县商贸流通标准", "criteria", List.of(Map.of("code", "REVENUE", "title", title,
                        "kind", "ELIGIBILITY", "rule", Map.of("fact", "annualRevenue", "op", "gte", "value", 500)))));
        assertThat(published.status()).as(published.raw()).isEqualTo(201);

        String all = text(page(PATH + "?sector=COMMERCE").body());
        assertThat(all).as("every area's set in force").contains(title, "淅川县", "全省通用").doesNotContain("工业生产 · 县级");
        String there = text(page(PATH + "?sector=COMMERCE&regionCode=" + county).body());
        assertThat(there).as("what applies to 淅川's subjects: its own county set").contains(title);
        assertThat(there.split("商贸流通 · 县级", -1)).as("one county set there").hasSize(2);
        String sibling = text(page(PATH + "?sector=COMMERCE&regionCode=411325").body());
        assertThat(sibling).as("a sibling county keeps the province-wide set").doesNotContain(title).contains("全省通用");

        HttpResponse<String> bad = page(PATH + "?sector=BAD&regionCode=999999");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"public-criteria-errors\"", "public-criteria-empty");
    }

    private HttpResponse<String> page(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page's text as a reader sees it (entities decoded). */
    private static String text(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
