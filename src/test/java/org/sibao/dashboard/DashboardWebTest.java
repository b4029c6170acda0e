package org.sibao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one-screen page and its data endpoint over a web session. */
@FullStackTest
class DashboardWebTest {

    @LocalServerPort
    int port;

    private WebClient signedIn(String username) {
        WebClient web = new WebClient(port);
        web.login(username, "Demo@2022");
        return web;
    }

    @Test
    void rendersCardsChartsAndLinksForTheProvince() {
        WebClient web = signedIn("hq_hn");
        WebClient.Page page = web.get("/dashboard");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("一屏掌控", "id=\"dashboard-sector-chart\"", "id=\"dashboard-region-chart\"",
                "/js/dashboard.js", "echarts.min.js", "href=\"/dashboard\"",
                "/whitelist/entries?regionCode=410000", "/coverage?regionCode=410000",
                "/epidemic/alerts?status=OPEN&amp;regionCode=410000",
                "/policies/reach?regionCode=410000", "/appeal-metrics?regionCode=410000", "郑州市",
                "/dashboard?regionCode=410100");
        // the production card of its own: reports received / expected, the index, links to the weekly summary
        assertThat(page.body()).contains("id=\"card-production\"", "id=\"card-production-states\"", "闭环生产 ", "未报 ", "id=\"card-production-index\"", "生产指数",
                "/production?regionCode=410000", "万元");
        assertThat(page.body()).doesNotContain("<script>").as("no empty sector in the drill links")
                .doesNotContain("&amp;sector=\"").contains("/dashboard?regionCode=410100\"");
        WebClient.Page quiet = web.get("/dashboard?regionCode=411700");
        assertThat(quiet.body()).as("a rate over nothing reads —, not 0.0%")
                .contains("响应率 —", "按时检测率 —").doesNotContain("响应率 0.0%")
                .containsPattern("id=\"card-coverage\"[^>]*>—<");

        WebClient.Page data = web.get("/dashboard/data?regionCode=410100");
        assertThat(data.status()).isEqualTo(200);
        assertThat(data.body()).contains("\"whitelist\"", "\"children\"", "\"regionCode\":\"410184\"", "\"path\"");
    }

    @Test
    void aCountyHasNoChildrenAndScopeHolds() {
        WebClient web = signedIn("hq_xz");
        WebClient.Page page = web.get("/dashboard");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("新郑市", "id=\"dashboard-sector-chart\"").doesNotContain("id=\"dashboard-region-chart\"");
        assertThat(web.get("/dashboard?regionCode=410000").status()).isEqualTo(404);
        WebClient city = signedIn("hq_kf");
        assertThat(city.get("/dashboard?regionCode=410202").body()).as("breadcrumbs stop at the user's own region")
                .contains("regionCode=410200").doesNotContain("regionCode=410000");
        assertThat(city.get("/coverage?regionCode=410202").body()).doesNotContain("regionCode=410000");
        assertThat(web.get("/dashboard/data?regionCode=410000").status()).isEqualTo(404);
        assertThat(signedIn("ent_xz").get("/dashboard").status()).isEqualTo(403);

        // the cards' lists keep to the region drilled into
        WebClient province = signedIn("hq_hn");
        assertThat(province.get("/epidemic/alerts?status=OPEN&regionCode=410200").body()).doesNotContain("新郑");
        assertThat(province.get("/epidemic/alerts?status=OPEN&regionCode=410184").body()).doesNotContain("开封");
        assertThat(province.get("/appeals?status=SUBMITTED,ASSIGNED&regionCode=410200").body()).doesNotContain("新郑市");
    }

    @Test
    void speaksEnglish() {
        WebClient web = signedIn("hq_xz");
        assertThat(web.get("/dashboard?lang=en").body()).contains("Overview", "<html lang=\"en\"");
        assertThat(web.get("/dashboard?lang=zh-CN").body()).contains("<html lang=\"zh-CN\"");
    }
}
