package org.sibao.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.sibao.tasking.IsoWeek;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages: the enterprise's form with last week beside it, errors shown in place, the officials' summary. */
@FullStackTest
class ProductionWebTest {

    private static final String GONGYI = "410181";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void enterpriseFilesThroughTheFormAndOfficialsSeeTheSummary() {
        ProductionFixture fx = new ProductionFixture(port, subjects);
        String id = fx.subject(GONGYI, "INDUSTRY", WhitelistStatus.ACTIVE);
        String user = fx.enterpriseUser(id, GONGYI);
        ApiClient api = fx.as(user);
        String week = api.post("/api/v1/enterprises/" + id + "/production-reports", ProductionFixture.report(null, 10))
                .text("week");
        String previous = IsoWeek.parse(week).orElseThrow().previous().toString();
        api.post("/api/v1/enterprises/" + id + "/production-reports", ProductionFixture.report(previous, 400));

        WebClient web = new WebClient(port);
        web.login(user, TestUsers.PASSWORD);
        WebClient.Page home = web.get("/production");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/production/enterprises/" + id);
        WebClient.Page form = web.get("/production/enterprises/" + id);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"production-form\"").contains("上周（" + previous + "）：400.00")
                .contains("本周已填报").contains("降幅超20%");

        Map<String, String> fields = new HashMap<>(Map.of("week", week, "outputValue", "380",
                "capacityUtilisation", "150", "staffOnDuty", "80", "ordersOnHand", "900", "rawMaterialDays", "12",
                "operatingState", "NORMAL", "problems", "", "category", "OTHER"));
        WebClient.Page invalid = web.post("/production/enterprises/" + id, fields);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("id=\"form-error\"").contains("应在0到100之间").contains("value=\"380\"");

        fields.put("outputValue", "abc");
        WebClient.Page word = web.post("/production/enterprises/" + id, fields);
        assertThat(word.body()).as("a word where a number belongs").contains("请输入数字").doesNotContain("不能为负数")
                .contains("value=\"abc\"");
        fields.put("outputValue", "380");
        fields.put("capacityUtilisation", "75");
        WebClient.Page saved = web.post("/production/enterprises/" + id, fields);
        assertThat(saved.status()).isEqualTo(302);
        WebClient.Page after = web.get(saved.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body()).contains("生产周报已更新").doesNotContain("降幅超20%");

        WebClient official = new WebClient(port);
        official.login("hq_hn", "Demo@2022");
        WebClient.Page summary = official.get("/production?regionCode=410100&week=" + week);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body()).contains("生产经营周调度汇总").contains("巩义市").contains("id=\"chart-region\"")
                .contains("/js/production.js");
        WebClient.Page county = official.get("/production?regionCode=" + GONGYI + "&week=" + week);
        assertThat(county.body()).contains("未报送周报的白名单企业");
        HttpResponse<byte[]> xlsx = official.download("/production/summary.xlsx?regionCode=" + GONGYI + "&week=" + week);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(xlsx.body().length).isGreaterThan(1000);
    }
}
