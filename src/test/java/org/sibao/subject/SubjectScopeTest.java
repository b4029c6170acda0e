package org.sibao.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.subject.SubjectApiTest.errors;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Data scope and write rights by role, with the demo users (SPEC §2). */
@FullStackTest
class SubjectScopeTest {

    private static final String PW = "Demo@2022";

    @LocalServerPort
    int port;

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, PW);
    }

    private String create(ApiClient client, String region, String sector) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc(region), "范围测试" + TestSubjects.token(), region, sector);
        if (!"INDUSTRY".equals(sector)) {
            body.put("industryCode", "51");
            body.put("flags", List.of());
        }
        Response r = client.post("/api/v1/enterprises", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    @Test
    void aCountyHqDoesNotSeeAnotherCountysSubject() {
        String kaifeng = create(as("hq_kf"), "410202", "INDUSTRY");
        assertThat(as("hq_xz").get("/api/v1/enterprises/" + kaifeng).status()).isEqualTo(404);
        assertThat(as("hq_kf").get("/api/v1/enterprises/" + kaifeng).status()).isEqualTo(200);
        assertThat(as("hq_hn").get("/api/v1/enterprises/" + kaifeng).status()).isEqualTo(200);
        JsonNode items = as("hq_xz").get("/api/v1/enterprises?size=500").body().get("items");
        assertThat(items.size()).isPositive();
        items.forEach(i -> assertThat(i.get("regionCode").asString()).isEqualTo("410184"));
        // and may not move it there, nor create outside its own county
        Response outside = as("hq_xz").post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc("410202"), "越界", "410202", "INDUSTRY"));
        assertThat(outside.status()).as("an action it may not do").isEqualTo(403);
        assertThat(outside.text("detail")).contains("本辖区");
        assertThat(as("hq_xz").put("/api/v1/enterprises/" + kaifeng,
                TestSubjects.enterprise(TestSubjects.uscc("410202"), "越界", "410202", "INDUSTRY")).status()).isEqualTo(404);
    }

    @Test
    void aSectorOfficerSeesAndWritesOnlyItsSector() {
        ApiClient industry = as("sector_industry_kf");
        String commerce = create(as("hq_kf"), "410203", "COMMERCE");
        String own = create(industry, "410203", "INDUSTRY");
        assertThat(industry.get("/api/v1/enterprises/" + commerce).status()).isEqualTo(404);
        assertThat(as("sector_commerce_kf").get("/api/v1/enterprises/" + commerce).status()).isEqualTo(200);
        assertThat(industry.get("/api/v1/enterprises/" + own).status()).isEqualTo(200);
        JsonNode items = industry.get("/api/v1/enterprises?size=500").body().get("items");
        assertThat(items.size()).isPositive();
        items.forEach(i -> {
            assertThat(i.get("sector").asString()).isEqualTo("INDUSTRY");
            assertThat(i.get("regionCode").asString()).startsWith("4102");
        });
        Map<String, Object> other = TestSubjects.enterprise(TestSubjects.uscc("410203"), "别的领域", "410203", "COMMERCE");
        Response r = industry.post("/api/v1/enterprises", other);
        assertThat(r.status()).as("an action it may not do").isEqualTo(403);
        assertThat(r.text("detail")).contains("本领域");
    }

    @Test
    void anEnterpriseUserSeesAndEditsOnlyItsOwnSubject() {
        ApiClient ent = as("ent_kf");
        Response mine = ent.get("/api/v1/enterprises?size=500");
        assertThat(mine.body().get("total").asLong()).isEqualTo(1);
        JsonNode own = mine.body().get("items").get(0);
        String ownId = own.get("id").asString();
        String other = create(as("hq_kf"), "410204", "INDUSTRY");
        assertThat(ent.get("/api/v1/enterprises/" + other).status()).isEqualTo(404);
        assertThat(ent.get("/api/v1/enterprises/" + ownId).status()).isEqualTo(200);
        assertThat(ent.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc("410204"), "x", "410204", "INDUSTRY")).status()).isEqualTo(403);

        Map<String, Object> body = bodyOf(as("admin_kf").get("/api/v1/enterprises/" + ownId).body());
        body.put("address", "开封市企业自报新地址");
        Response updated = ent.put("/api/v1/enterprises/" + ownId, body);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.text("address")).isEqualTo("开封市企业自报新地址");

        body.put("uscc", TestSubjects.uscc("410204"));
        body.put("regionCode", "410205");
        Response locked = ent.put("/api/v1/enterprises/" + ownId, body);
        assertThat(locked.status()).isEqualTo(400);
        assertThat(errors(locked)).containsKeys("uscc", "regionCode");
    }

    @Test
    void aLiaisonSeesOnlyItsAssignedSubjects() {
        ApiClient liaison = as("liaison_kf");
        JsonNode items = liaison.get("/api/v1/enterprises?size=500").body().get("items");
        assertThat(items.size()).isBetween(1, 3);
        String other = create(as("hq_kf"), "410212", "INDUSTRY");
        assertThat(liaison.get("/api/v1/enterprises/" + other).status()).isEqualTo(404);
        String assigned = items.get(0).get("id").asString();
        assertThat(liaison.get("/api/v1/enterprises/" + assigned).status()).isEqualTo(200);
        Map<String, Object> body = bodyOf(as("admin_kf").get("/api/v1/enterprises/" + assigned).body());
        body.put("employees", 77);
        Response r = liaison.put("/api/v1/enterprises/" + assigned, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("employees").asInt()).isEqualTo(77);
    }

    @Test
    void readOnlyRolesMayReadButNotWrite() {
        String id = create(as("hq_kf"), "410221", "INDUSTRY");
        ApiClient tax = as("dept_tax_kf");
        Response read = tax.get("/api/v1/enterprises/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("contactPhone")).isEqualTo("138****5678");
        Map<String, Object> body = bodyOf(as("admin_kf").get("/api/v1/enterprises/" + id).body());
        assertThat(tax.put("/api/v1/enterprises/" + id, body).status()).isEqualTo(403);
        assertThat(tax.post("/api/v1/enterprises", body).status()).isEqualTo(403);
        assertThat(new ApiClient(port).get("/api/v1/enterprises").status()).isEqualTo(401);
    }

    /** A PUT body from a resource (read-only fields dropped). */
    static Map<String, Object> bodyOf(JsonNode resource) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (String f : List.of("uscc", "projectNo", "name", "kind", "regionCode", "address", "legalRepresentative",
                "sector", "industryCode")) {
            JsonNode n = resource.get(f);
            m.put(f, n == null || n.isNull() ? null : n.asString());
        }
        m.put("contactPhone", "13912345678");
        for (String f : List.of("employees", "annualRevenue", "totalAssets", "outputValue", "totalInvestment", "annualInvestment")) {
            JsonNode n = resource.get(f);
            m.put(f, n == null || n.isNull() ? null : n.decimalValue());
        }
        List<String> flags = new java.util.ArrayList<>();
        resource.get("flags").forEach(f -> flags.add(f.asString()));
        m.put("flags", flags);
        return m;
    }
}
