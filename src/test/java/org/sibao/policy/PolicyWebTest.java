package org.sibao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The policy pages server-side: authoring by form, my policies with supplied facts, queue, reach, public page. */
@FullStackTest
class PolicyWebTest {

    @LocalServerPort
    int port;

    @Test
    void anOfficialAuthorsByFormAndSeesQueueAndReach() {
        WebClient web = new WebClient(port);
        web.login("sector_industry_ny", "Demo@2022");
        WebClient.Page list = web.get("/policies");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("NY40-20").contains("/policies/applications").contains("/policies/reach");
        assertThat(web.get("/policies?status=NOPE").status()).as("a bad filter is not a server error").isEqualTo(400);
        assertThat(list.body()).as("departments by name").contains(">税务局<", ">财政局<").doesNotContain(">TAX<", ">FINANCE<");
        assertThat(web.get("/policies/new").body()).contains(">人力资源和社会保障局<").doesNotContain(">HRSS<");

        web.get("/policies/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", "WF-" + Long.toString(System.nanoTime() % 10_000_000L, 36).toUpperCase());
        form.put("title", "表单创建的政策");
        form.put("category", "OTHER");
        form.put("mode", "AUTO");
        form.put("effectiveFrom", "2022-06-19");
        form.put("benefitText", "优先保障");
        form.put("eligibility", "{\"all\":[{\"fact\":\"colour\",\"op\":\"eq\",\"value\":\"red\"}]}");
        WebClient.Page invalid = web.post("/policies/new", form);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("form-errors").as("the field by its name and place")
                .contains("条件项（第 1 项）：").doesNotContain("eligibility.all[0].fact：");

        form.put("eligibility", "{\"all\":[{\"fact\":\"sector\",\"op\":\"eq\",\"value\":\"INDUSTRY\"}]}");
        WebClient.Page saved = web.post("/policies/new", form);
        assertThat(saved.status()).isEqualTo(302);
        WebClient.Page detail = web.get(saved.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(detail.body()).contains("所属领域为 工业生产").contains(form.get("code"));
        assertThat(web.get("/policies/new").body()).as("no error before the form is submitted")
                .doesNotContain("form-errors").doesNotContain("至少需要一项");

        // a new version narrowed to 卧龙区: the simulation lists the subjects whose outcome changes, by region name
        String id = saved.location().replaceFirst("^.*/policies/", "");
        assertThat(web.post("/policies/" + id + "/publish", Map.of()).status()).isEqualTo(302);
        String draft = web.post("/policies/" + id + "/version", Map.of()).location()
                .replaceFirst("^.*/policies/", "").replace("/edit", "");
        form.put("eligibility", "{\"all\":[{\"fact\":\"sector\",\"op\":\"eq\",\"value\":\"INDUSTRY\"},"
                + "{\"fact\":\"regionCode\",\"op\":\"within\",\"value\":[\"411303\"]}]}");
        assertThat(web.post("/policies/" + draft + "/edit", form).status()).isEqualTo(302);
        String simulation = web.post("/policies/" + draft + "/simulate", Map.of()).body();
        assertThat(simulation).contains("sim-changes").containsPattern("<td>\\p{IsHan}+[区县市]</td>")
                .doesNotContainPattern("<td>41\\d{4}</td>");

        WebClient.Page preview = web.post("/policies/preview", Map.of("eligibility",
                "{\"any\":[{\"fact\":\"employees\",\"op\":\"gte\",\"value\":1000},{\"fact\":\"flags\",\"op\":\"has\",\"value\":\"ABOVE_SCALE\"}]}"));
        assertThat(preview.body()).contains("员工人数 ≥ 1000").contains("或");

        // a fresh form's empty rule gets a hint; its problem is listed once the form was submitted (check)
        WebClient.Page fresh = web.post("/policies/preview", Map.of("eligibility", "{\"all\":[]}"));
        assertThat(fresh.body()).contains("尚未添加条件").doesNotContain("至少需要一项").doesNotContain("rule-preview-errors");
        assertThat(web.post("/policies/preview", Map.of("eligibility", "{\"all\":[]}", "check", "true")).body())
                .contains("rule-preview-errors").contains("至少需要一项");
        // industry sections with their GB/T 4754 names
        assertThat(web.post("/policies/preview", Map.of("eligibility",
                "{\"fact\":\"industrySection\",\"op\":\"in\",\"value\":[\"C\",\"M\"]}")).body())
                .contains("行业门类为 C 制造业 或 M 科学研究和技术服务业");
        // the builder's catalogue: operators and values with their labels, regions by name
        String facts = web.get("/policies/facts").body();
        assertThat(facts).contains("\"eq\":\"等于\"").contains("\"within\":\"位于（地区）之内\"")
                .contains("\"exists\":\"已填写\"").contains("\"label\":\"中型\"").contains("\"label\":\"C 制造业\"")
                .contains("\"label\":\"卧龙区\"").contains("\"label\":\"13 农副食品加工业\"");

        WebClient tax = new WebClient(port);
        tax.login("dept_tax_ny", "Demo@2022");
        assertThat(tax.get("/policies/applications").body()).contains("政策兑现")
                .as("regions by name, amounts grouped").containsPattern("（\\p{IsHan}+[区县市]）")
                .doesNotContainPattern("\\(41\\d{4}\\)").doesNotContainPattern(">\\d{7,}\\.\\d{2}<");
        assertThat(tax.get("/policies/applications?state=NOPE").status()).as("a bad filter is not a server error")
                .isEqualTo(400);
        assertThat(tax.get("/policies/reach").body()).contains("应享尽享率")
                .as("departments and regions by name").doesNotContain(">TAX<", ">HRSS<").doesNotContainPattern(">41\\d{4}<");
    }

    @Test
    void theEnterpriseSuppliesAMissingFactOnMyPolicies() {
        WebClient web = new WebClient(port);
        web.login("ent_ny", "Demo@2022");
        WebClient.Page mine = web.get("/policies/mine");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("我的政策").contains("NY40-")
                .as("conditions as sentences, not codes").contains("南阳市").doesNotContain(">within<", "[411300]");
        String table = mine.body().substring(mine.body().indexOf("explanation-line"));
        assertThat(table).as("every condition is written out").doesNotContainPattern("<td>\\s*<span[^>]*></span></td>")
                .contains("所属地区")
                .as("the enterprise's own values by name").contains("宛城区").doesNotContainPattern(">4113\\d\\d<")
                .doesNotContain(">MEDIUM<", ">ENTERPRISE<")
                .as("an alternative that fails under a passing verdict says it is one of several").contains("满足其一即可");
        WebClient.Page supplied = web.post("/policies/mine/facts", Map.of("key", "attributes.rentsStateOwnedPremises",
                "value", "否"));
        assertThat(supplied.status()).isEqualTo(302);
        assertThat(web.get("/policies/mine").body()).contains("信息已补充");
    }

    @Test
    void thePublicListIsAChinesePageForBrowsers() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/public/policies")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).contains("text/html");
        assertThat(page.body()).contains("惠企政策公开").contains("HN-BOOTH").contains("宛政办〔2022〕40号");
    }
}
