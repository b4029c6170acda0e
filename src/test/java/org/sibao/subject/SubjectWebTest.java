package org.sibao.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The web pages through a real browser session: login, list, the form with field errors, create, detail. */
@FullStackTest
class SubjectWebTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpClient browser() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = get(client, "/login").body();
        post(client, "/login", Map.of("username", "hq_kf", "password", "Demo@2022", "_csrf", csrf(login)));
        return client;
    }

    @Test
    void theEnterprisePickerOffersSubjectsInScopeByName() throws Exception {
        HttpClient client = browser();
        HttpResponse<String> options = get(client, "/enterprises/options?q=" + java.net.URLEncoder.encode("开封", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.body()).contains("<option value=\"", "开封");
        assertThat(options.body()).doesNotContain("新郑市");
        assertThat(options.body().split("<option").length - 1).isBetween(1, 20);
    }

    @Test
    void listsFiltersAndShowsTheMenuEntry() throws Exception {
        HttpClient client = browser();
        HttpResponse<String> list = get(client, "/enterprises?sector=INDUSTRY");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"subject-table\"", "工业生产", "href=\"/enterprises\"", "导出 Excel", "id=\"filter-region\"", "兰考县");
        assertThat(list.body()).doesNotContain("<script>");
        HttpResponse<String> home = get(client, "/");
        assertThat(home.body()).contains("辖区市场主体");
    }

    @Test
    void showsFieldErrorsInChineseAndCreatesThroughTheForm() throws Exception {
        HttpClient client = browser();
        String form = get(client, "/enterprises/new").body();
        assertThat(form).contains("id=\"subject-form\"", "name=\"uscc\"", "id=\"save-subject\"");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf(form));
        fields.put("uscc", "91410202MA00000001");
        fields.put("name", "");
        fields.put("regionCode", "410202");
        fields.put("sector", "INDUSTRY");
        fields.put("employees", "很多");
        fields.put("contactPhone", "123");
        HttpResponse<String> invalid = post(client, "/enterprises", fields);
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("id=\"error-uscc\"", "校验位", "id=\"error-name\"", "必填", "id=\"error-employees\"",
                "id=\"error-contactPhone\"");

        String uscc = TestSubjects.uscc("410202");
        fields.put("_csrf", csrf(invalid.body()));
        fields.put("uscc", uscc);
        fields.put("name", "开封网页测试有限公司");
        fields.put("employees", "25");
        fields.put("annualRevenue", "400");
        fields.put("industryCode", "36");
        fields.put("contactPhone", "13812345678");
        fields.put("attributes[fullCapacityQ2]", "true");
        fields.put("incidents", "SAFETY:2021-03-05");
        HttpResponse<String> created = post(client, "/enterprises", fields);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.uri().getPath()).startsWith("/enterprises/");
        assertThat(created.body()).contains("开封网页测试有限公司", uscc, "小型", "138****5678", "重大安全事故", "已保存");
    }

    @Test
    void importsThroughTheWebPageWithAPolledProgressFragment() throws Exception {
        HttpClient client = browser();
        String page = get(client, "/enterprises/import").body();
        assertThat(page).contains("id=\"download-template\"", "id=\"import-form\"", "enctype=\"multipart/form-data\"");
        HttpResponse<byte[]> template = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/enterprises/import/template")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body().length).isGreaterThan(1000);

        String boundary = "----web" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(page) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(template.body());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/enterprises/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(uploaded.uri().getQuery()).startsWith("job=");
        String jobId = uploaded.uri().getQuery().substring(4);
        assertThat(uploaded.body()).contains("hx-get=\"/enterprises/import/jobs/" + jobId + "\"");

        String fragment = "";
        for (int i = 0; i < 100 && !fragment.contains("data-status=\"SUCCEEDED\""); i++) {
            Thread.sleep(100);
            fragment = get(client, "/enterprises/import/jobs/" + jobId).body();
        }
        // the template's example row is valid, so it is saved the first time and a duplicate afterwards
        assertThat(fragment).contains("id=\"import-progress\"", "data-status=\"SUCCEEDED\"", "100%").doesNotContain("every 1s");
    }

    @Test
    void anEnterpriseUserCannotChangeItsIdentityInTheForm() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = get(client, "/login").body();
        post(client, "/login", Map.of("username", "ent_kf", "password", "Demo@2022", "_csrf", csrf(login)));
        String list = get(client, "/enterprises").body();
        Matcher m = Pattern.compile("href=\"/enterprises/([0-9a-f-]{36})\"").matcher(list);
        assertThat(m.find()).isTrue();
        String edit = get(client, "/enterprises/" + m.group(1) + "/edit").body();
        assertThat(edit).contains("id=\"subject-form\"").containsPattern("id=\"uscc\"[^>]*readonly");
        assertThat(get(client, "/enterprises/new").statusCode()).isEqualTo(403);
    }

    @Test
    void theEditFormShowsThePhoneMaskedAndKeepsItWhenSavedUnchanged() throws Exception {
        HttpClient client = browser();
        String form = get(client, "/enterprises/new").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf(form));
        fields.put("uscc", TestSubjects.uscc("410202"));
        fields.put("name", "开封网页电话测试有限公司");
        fields.put("regionCode", "410202");
        fields.put("sector", "INDUSTRY");
        fields.put("industryCode", "36");
        fields.put("contactPhone", "13812345678");
        HttpResponse<String> created = post(client, "/enterprises", fields);
        String id = created.uri().getPath().substring("/enterprises/".length());

        String edit = get(client, "/enterprises/" + id + "/edit").body();
        assertThat(edit).containsPattern("id=\"contactPhone\"[^>]*value=\"138\\*\\*\\*\\*5678\"").doesNotContain("13812345678");
        fields.put("_csrf", csrf(edit));
        fields.put("contactPhone", "138****5678");
        fields.put("name", "开封网页电话测试后有限公司");
        HttpResponse<String> saved = post(client, "/enterprises/" + id, fields);
        assertThat(saved.body()).contains("已保存", "开封网页电话测试后有限公司", "138****5678");
        assertThat(jdbc.sql("SELECT contact_phone FROM subject WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("13812345678");
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token in page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
