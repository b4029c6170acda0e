package org.sibao.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.TestSubjects;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The whitelist's lists: paging with the list envelope, and filters checked (400 naming every bad one). */
@FullStackTest
class WhitelistListsTest {

    /** 平顶山市新华区: no other test files whitelist subjects here. */
    private static final String COUNTY = "410402";

    @LocalServerPort
    int port;

    WhitelistFixture fx;

    @BeforeEach
    void setUp() {
        fx = new WhitelistFixture(port);
    }

    @Test
    void batchesObjectionsRecommendationsAndThePublicListArePaged() {
        ApiClient industry = fx.sectorOfficer(COUNTY, "INDUSTRY");
        ApiClient commerce = fx.sectorOfficer(COUNTY, "COMMERCE");
        // two ACTIVE entries (two batches) linking three unlisted COMMERCE subjects: three recommendations
        activeEntry(industry, List.of(link(fx.subject(COUNTY, "COMMERCE", true)),
                link(fx.subject(COUNTY, "COMMERCE", true))));
        activeEntry(industry, List.of(link(fx.subject(COUNTY, "COMMERCE", true))));
        // a third batch in publicity with two objections
        String subject = fx.subject(COUNTY, "INDUSTRY", true);
        String app = WhitelistExtrasTest.approve(industry, subject);
        String batch = industry.post("/api/v1/whitelist/batches", Map.of("name", "分页异议批", "sector", "INDUSTRY",
                "regionCode", COUNTY, "applicationIds", List.of(app), "publicityDays", 5)).text("id");
        assertThat(industry.post("/api/v1/whitelist/batches/" + batch + "/publish", Map.of()).status()).isEqualTo(200);
        String entry = WhitelistFlowTest.entryOf(industry, subject).get("id").asString();
        for (String phone : List.of("13712345678", "13812345678")) {
            Response lodged = fx.anonymous.post("/public/whitelist/objections", Map.of("entryId", entry,
                    "contactName", "王五", "contactPhone", phone, "reason", "分页测试异议"));
            assertThat(lodged.status()).as(lodged.raw()).isEqualTo(201);
        }

        assertPaged(industry, "/api/v1/whitelist/batches", 3, "id");
        assertPaged(industry, "/api/v1/whitelist/objections", 2, "id");
        assertPaged(commerce, "/api/v1/whitelist/recommendations", 3, "id");
        assertPaged(fx.anonymous, "/public/whitelist", 42, "entryId");
        assertPaged(fx.anonymous, "/public/whitelist?regionCode=" + COUNTY + "&sector=INDUSTRY", 3, "entryId");
        assertPaged(industry, "/api/v1/whitelist/entries", 3, "id");
        assertPaged(industry, "/api/v1/whitelist/applications", 3, "id");
    }

    /** The whole list (no size: everything up to 500), one page of it, past its end, and sizes out of range. */
    private static void assertPaged(ApiClient client, String path, int atLeast, String idField) {
        String sep = path.contains("?") ? "&" : "?";
        Response all = client.get(path + sep + "size=500");
        assertThat(all.status()).as(path + " " + all.raw()).isEqualTo(200);
        long total = all.body().get("total").asLong();
        assertThat(total).as(path).isGreaterThanOrEqualTo(atLeast).isEqualTo(all.body().get("items").size());
        List<String> ids = ids(all, idField);

        Response page = client.get(path + sep + "size=2&page=1");
        assertThat(page.status()).as(path).isEqualTo(200);
        assertThat(page.body().get("page").asInt()).as(path).isEqualTo(1);
        assertThat(page.body().get("size").asInt()).as(path).isEqualTo(2);
        assertThat(page.body().get("total").asLong()).as(path).isEqualTo(total);
        assertThat(ids(page, idField)).as(path).isEqualTo(ids.subList(2, (int) Math.min(4, total)));
        Response past = client.get(path + sep + "size=2&page=" + (total / 2 + 1));
        assertThat(past.body().get("items").size()).as(path).isZero();

        for (String bad : List.of("size=501", "size=0", "page=-1")) {
            Response r = client.get(path + sep + bad);
            assertThat(r.status()).as(path + " " + bad).isEqualTo(400);
            assertThat(r.contentType()).as(path + " " + bad).startsWith("application/problem+json");
            assertThat(fields(r)).as(path + " " + bad).containsExactly(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void unknownFilterValuesAre400NamingEachAtOnce() {
        ApiClient hq = new ApiClient(port).as("hq_kf", "Demo@2022");
        Response entries = hq.get("/api/v1/whitelist/entries?status=BOGUS&sector=X&regionCode=999999&size=501");
        assertThat(entries.status()).as(entries.raw()).isEqualTo(400);
        assertThat(entries.contentType()).startsWith("application/problem+json");
        assertThat(fields(entries)).containsExactlyInAnyOrder("status", "sector", "regionCode", "size");
        assertThat(fields(hq.get("/api/v1/whitelist/entries?regionCode=abc"))).containsExactly("regionCode");
        assertThat(fields(hq.get("/api/v1/whitelist/entries/export?status=BOGUS"))).containsExactly("status");

        Response apps = hq.get("/api/v1/whitelist/applications?status=Y&sector=X&regionCode=999999");
        assertThat(apps.status()).isEqualTo(400);
        assertThat(fields(apps)).containsExactlyInAnyOrder("status", "sector", "regionCode");
        assertThat(fields(hq.get("/api/v1/whitelist/applications/export?sector=X"))).containsExactly("sector");
        assertThat(fields(hq.get("/api/v1/whitelist/objections?status=NOPE"))).containsExactly("status");
        assertThat(fields(hq.get("/api/v1/whitelist/recommendations?status=NOPE"))).containsExactly("status");

        Response pub = fx.anonymous.get("/public/whitelist?sector=BAD&regionCode=999999");
        assertThat(pub.status()).as(pub.raw()).isEqualTo(400);
        assertThat(pub.contentType()).startsWith("application/problem+json");
        assertThat(fields(pub)).containsExactlyInAnyOrder("sector", "regionCode");
        assertThat(fx.anonymous.english().get("/public/whitelist?sector=BAD").raw()).contains("must be one of");

        // good values still filter; a known region outside the caller's scope is simply empty
        for (String ok : List.of("status=ACTIVE", "sector=INDUSTRY", "regionCode=410200", "status=",
                "regionCode=410184")) {
            Response r = hq.get("/api/v1/whitelist/entries?" + ok);
            assertThat(r.status()).as(ok + " " + r.raw()).isEqualTo(200);
        }
        assertThat(hq.get("/api/v1/whitelist/entries?regionCode=410184").body().get("total").asLong()).isZero();
        assertThat(hq.get("/api/v1/whitelist/applications?status=APPROVED&sector=INDUSTRY").status()).isEqualTo(200);
        assertThat(hq.get("/api/v1/whitelist/objections?status=OPEN").status()).isEqualTo(200);
        assertThat(fx.anonymous.get("/public/whitelist?sector=INDUSTRY&regionCode=410200").status()).isEqualTo(200);
    }

    @Test
    void pagesShowABadFilterAboveAnEmptyList() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/public/whitelist?sector=BAD")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"objection-errors\"", "取值必须是以下之一");

        WebClient web = new WebClient(port);
        web.login("hq_kf", "Demo@2022");
        WebClient.Page entries = web.get("/whitelist/entries?regionCode=999999");
        assertThat(entries.status()).isEqualTo(200);
        assertThat(entries.body()).contains("id=\"wl-errors\"", "行政区划代码不存在：999999");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Map<String, Object> link(String enterpriseId) {
        return Map.of("enterpriseId", enterpriseId, "relation", "SUPPLIER");
    }

    private void activeEntry(ApiClient officer, List<Map<String, Object>> links) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc(COUNTY), "分页测试企业" + TestSubjects.token(),
                COUNTY, "INDUSTRY");
        body.put("incidents", List.of());
        body.put("links", links);
        Response created = fx.admin.post("/api/v1/enterprises", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String app = WhitelistExtrasTest.approve(officer, created.text("id"));
        Response batch = officer.post("/api/v1/whitelist/batches", Map.of("name", "分页批", "sector", "INDUSTRY",
                "regionCode", COUNTY, "applicationIds", List.of(app), "publicityDays", 0));
        assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
        assertThat(officer.post("/api/v1/whitelist/batches/" + batch.text("id") + "/publish", Map.of()).status())
                .isEqualTo(200);
    }

    private static List<String> ids(Response r, String field) {
        List<String> out = new ArrayList<>();
        r.body().get("items").forEach(i -> out.add(i.get(field).asString()));
        return out;
    }

    private static List<String> fields(Response r) {
        List<String> out = new ArrayList<>();
        JsonNode errors = r.body() == null ? null : r.body().get("errors");
        if (errors != null) {
            errors.forEach(e -> out.add(e.get("field").asString()));
        }
        return out;
    }
}
