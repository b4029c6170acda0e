package org.sibao.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@FullStackTest
class SubjectApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
    }

    @Test
    void createsReadsAndDerivesTheReadOnlyFacts() {
        String uscc = TestSubjects.uscc("410184");
        Response created = admin.post("/api/v1/enterprises", TestSubjects.enterprise(uscc, "新郑市测试机械有限公司", "410184", "INDUSTRY"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.body();
        String id = body.get("id").asString();
        assertThat(id).isNotBlank();
        assertThat(body.get("uscc").asString()).isEqualTo(uscc);
        assertThat(body.get("kind").asString()).isEqualTo("ENTERPRISE");
        // C 36: X 350 ≥ 300 and Y 2500 ≥ 2000 → MEDIUM; revenue ≥ 2000 → ABOVE_SCALE added
        assertThat(body.get("sizeClass").asString()).isEqualTo("MEDIUM");
        assertThat(texts(body.get("flags"))).containsExactlyInAnyOrder("ABOVE_SCALE", "SPECIALIZED");
        assertThat(body.get("whitelistStatus").asString()).isEqualTo("NONE");
        assertThat(body.get("operationMode").asString()).isEqualTo("NORMAL");
        assertThat(body.get("contactPhone").asString()).isEqualTo("13812345678");
        assertThat(body.get("incidents").get(0).get("date").asString()).isEqualTo("2021-03-05");
        assertThat(body.get("attributes").get("rentsStateOwnedPremises").asBoolean()).isTrue();
        assertThat(body.get("attributes").get("revenueGrowthPct").asDouble()).isEqualTo(12.5);

        Response read = admin.get("/api/v1/enterprises/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("name")).isEqualTo("新郑市测试机械有限公司");
        assertThat(read.text("regionCode")).isEqualTo("410184");
    }

    @Test
    void defaultsTheKindFromTheUsccCategory() {
        Map<String, Object> ib = TestSubjects.enterprise(TestSubjects.uscc("92", "410184"), "新郑市测试便利店", "410184", "COMMERCE");
        ib.put("industryCode", "52");
        ib.put("flags", List.of());
        Response r = admin.post("/api/v1/enterprises", ib);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("kind")).isEqualTo("INDIVIDUAL_BUSINESS");

        Map<String, Object> coop = TestSubjects.enterprise(TestSubjects.uscc("93", "410184"), "新郑市测试种植专业合作社", "410184", "COMMERCE");
        coop.put("industryCode", "01");
        coop.put("flags", List.of());
        Response c = admin.post("/api/v1/enterprises", coop);
        assertThat(c.status()).isEqualTo(201);
        assertThat(c.text("kind")).isEqualTo("ENTERPRISE");
    }

    @Test
    void masksThePhoneForEveryoneButAdminsAndInTheAuditLog() {
        String uscc = TestSubjects.uscc("410184");
        String id = admin.post("/api/v1/enterprises", TestSubjects.enterprise(uscc, "新郑市测试掩码有限公司", "410184", "INDUSTRY"))
                .text("id");
        ApiClient hq = new ApiClient(port).as("hq_xz", "Demo@2022");
        assertThat(hq.get("/api/v1/enterprises/" + id).text("contactPhone")).isEqualTo("138****5678");
        Response list = hq.get("/api/v1/enterprises?q=" + uscc);
        assertThat(list.body().get("items").get(0).get("contactPhone").asString()).isEqualTo("138****5678");

        String after = jdbc.sql("SELECT after_json FROM audit_log WHERE entity_id = ? AND action = 'subject.create'")
                .param(id).query(String.class).single();
        assertThat(after).contains("138****5678").doesNotContain("13812345678");
        assertThat(phoneReads(id)).as("masked reads are not recorded").isZero();

        assertThat(admin.get("/api/v1/enterprises/" + id).text("contactPhone")).isEqualTo("13812345678");
        assertThat(phoneReads(id)).as("a clear read of one subject names it").isEqualTo(1);
        long pages = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.phone.read' AND after_json LIKE ?")
                .param("%" + id + "%").query(Long.class).single();
        assertThat(admin.get("/api/v1/enterprises?q=" + uscc).body().get("items").get(0).get("contactPhone").asString())
                .isEqualTo("13812345678");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.phone.read' AND after_json LIKE ?")
                .param("%" + id + "%").query(Long.class).single()).as("a page read in clear lists its subjects")
                .isEqualTo(pages + 1);
        String entry = jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'subject.phone.read' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        assertThat(entry).contains(id).doesNotContain("13812345678");
    }

    private long phoneReads(String subjectId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.phone.read' AND entity_id = ?")
                .param(subjectId).query(Long.class).single();
    }

    @Test
    void namesEveryInvalidFieldAtOnceInChinese() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("uscc", "91350100M000100Y44");
        bad.put("name", "");
        bad.put("regionCode", "999999");
        bad.put("sector", "MINING");
        bad.put("industryCode", "C");
        bad.put("employees", -1);
        bad.put("annualRevenue", -5);
        bad.put("contactPhone", "12345");
        bad.put("flags", List.of("FAMOUS"));
        bad.put("incidents", List.of(Map.of("kind", "SAFETY", "date", "2021-02-30"), Map.of("kind", "THEFT", "date", "2021-01-01")));
        bad.put("attributes", Map.of("fullCapacityQ2", "sometimes", "colour", "red", "boothCostYuan", true));
        Response r = admin.post("/api/v1/enterprises", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        Map<String, String> errors = errors(r);
        assertThat(errors.keySet()).contains("uscc", "name", "regionCode", "sector", "industryCode", "employees",
                "annualRevenue", "contactPhone", "flags[0]", "incidents[0].date", "incidents[1].kind",
                "attributes.fullCapacityQ2", "attributes.colour", "attributes.boothCostYuan");
        assertThat(errors.get("uscc")).contains("校验位");
        assertThat(errors.get("employees")).isEqualTo("不能为负数");
        assertThat(errors.get("contactPhone")).contains("手机号");
    }

    @Test
    void namesEveryNumberItsColumnCannotHold() {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc("410184"), "新郑市测试大数有限公司", "410184", "INDUSTRY");
        body.put("annualRevenue", new BigDecimal("1e20"));
        body.put("totalAssets", new BigDecimal("1999.999"));
        body.put("outputValue", new BigDecimal("1e16"));
        body.put("totalInvestment", new BigDecimal("0.001"));
        body.put("annualInvestment", new BigDecimal("12345678901234567"));
        body.put("employees", new BigDecimal("1.5"));
        body.put("attributes", Map.of("revenueGrowthPct", new BigDecimal("1e300"), "boothCostYuan", new BigDecimal("0.001")));
        Response r = admin.post("/api/v1/enterprises", body);
        assertThat(r.status()).isEqualTo(400);
        Map<String, String> errors = errors(r);
        assertThat(errors.keySet()).containsExactlyInAnyOrder("annualRevenue", "totalAssets", "outputValue",
                "totalInvestment", "annualInvestment", "employees", "attributes.revenueGrowthPct",
                "attributes.boothCostYuan");
        assertThat(errors.get("totalAssets")).contains("2位小数");
        assertThat(errors.get("employees")).contains("整数");
        assertThat(errors.get("annualRevenue")).contains("9999999999999999.99");

        body.put("employees", new BigDecimal("1e12"));
        body.put("annualRevenue", new BigDecimal("1999.999"));
        body.put("totalAssets", 3000);
        body.put("outputValue", 2600);
        body.put("totalInvestment", null);
        body.put("annualInvestment", null);
        body.put("attributes", Map.of("revenueGrowthPct", -101, "boothCostYuan", new BigDecimal("1e400")));
        Response again = admin.english().post("/api/v1/enterprises", body);
        assertThat(again.status()).isEqualTo(400);
        assertThat(errors(again).keySet()).containsExactlyInAnyOrder("employees", "annualRevenue",
                "attributes.revenueGrowthPct", "attributes.boothCostYuan");
        assertThat(errors(again).get("employees")).contains("2147483647");
        assertThat(errors(again).get("annualRevenue")).contains("2 decimal places");
        assertThat(errors(again).get("attributes.revenueGrowthPct")).contains("-100");
    }

    @Test
    void checksTheRangeOfAnAttributeSetOnItsOwn() {
        String id = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc("410184"), "新郑市测试扩展属性有限公司", "410184", "INDUSTRY")).text("id");
        Response tooBig = admin.put("/api/v1/enterprises/" + id + "/policy-facts", Map.of("boothCostYuan", new BigDecimal("1e300")));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(errors(tooBig)).containsKey("attributes.boothCostYuan");
        Response tooFine = admin.put("/api/v1/enterprises/" + id + "/policy-facts", Map.of("revenueGrowthPct", new BigDecimal("3.125")));
        assertThat(tooFine.status()).isEqualTo(400);
        assertThat(errors(tooFine).get("attributes.revenueGrowthPct")).contains("2位小数");
        assertThat(admin.put("/api/v1/enterprises/" + id + "/policy-facts", Map.of("revenueGrowthPct", -100)).status()).isEqualTo(200);
    }

    @Test
    void answersACreationWithTheStoredResource() {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc("410184"), "新郑市测试存储有限公司", "410184", "INDUSTRY");
        body.put("annualRevenue", new BigDecimal("1999.990"));
        body.put("totalAssets", new BigDecimal("9999999999999999.99"));
        body.put("employees", new BigDecimal("12.0"));
        body.put("flags", List.of());
        Response created = admin.post("/api/v1/enterprises", body);
        assertThat(created.status()).isEqualTo(201);
        Response read = admin.get("/api/v1/enterprises/" + created.text("id"));
        for (String field : List.of("annualRevenue", "totalAssets", "outputValue", "employees", "flags", "sizeClass")) {
            assertThat(created.body().get(field)).as(field).isEqualTo(read.body().get(field));
        }
        assertThat(read.body().get("annualRevenue").decimalValue()).isEqualByComparingTo("1999.99");
        // the client reads numbers as doubles: the largest amount is checked in the text
        assertThat(read.raw()).contains("\"totalAssets\":9999999999999999.99");
        assertThat(created.raw()).contains("\"totalAssets\":9999999999999999.99");
        assertThat(read.body().get("employees").asInt()).isEqualTo(12);
        assertThat(texts(read.body().get("flags"))).doesNotContain("ABOVE_SCALE");
        assertThat(created.raw()).doesNotContain("1999.990");

        body.put("annualRevenue", new BigDecimal("2000.10"));
        Response updated = admin.put("/api/v1/enterprises/" + created.text("id"), body);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("annualRevenue")).isEqualTo(admin.get("/api/v1/enterprises/" + created.text("id")).body().get("annualRevenue"));
        assertThat(texts(updated.body().get("flags"))).contains("ABOVE_SCALE");

        // read, lower the revenue, write back: the derived flag sent back as read is derived again, not refused
        Map<String, Object> echoed = new java.util.HashMap<>(body);
        echoed.put("flags", texts(updated.body().get("flags")));
        echoed.put("annualRevenue", new BigDecimal("1500"));
        Response lowered = admin.put("/api/v1/enterprises/" + created.text("id"), echoed);
        assertThat(lowered.status()).as(lowered.raw()).isEqualTo(200);
        assertThat(texts(lowered.body().get("flags"))).doesNotContain("ABOVE_SCALE");
        echoed.put("flags", List.of("ABOVE_SCALE"));
        assertThat(admin.put("/api/v1/enterprises/" + created.text("id"), echoed).status())
                .as("claimed against the revenue, once it no longer holds").isEqualTo(400);
    }

    @Test
    void keepsThePhoneWhenAnOfficialSendsItBackMaskedOrLeavesItOut() {
        String id = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc("410184"), "新郑市测试电话有限公司", "410184", "INDUSTRY")).text("id");
        ApiClient hq = new ApiClient(port).as("hq_xz", "Demo@2022");
        keepsThePhone(hq, id);
    }

    @Test
    void keepsThePhoneWhenTheEnterpriseSendsItBackMaskedOrLeavesItOut() {
        String id = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc("410184"), "新郑市测试企业电话有限公司", "410184", "INDUSTRY")).text("id");
        String username = TestUsers.uniqueName("ent_phone");
        TestUsers.create(admin, username, "ENTERPRISE", "410184", Map.of("enterpriseId", id));
        keepsThePhone(new ApiClient(port).as(username, TestUsers.PASSWORD), id);
    }

    @Test
    void anEnterpriseCannotClearItsComplianceHistoryNorGiveItselfOfficialDesignations() {
        Map<String, Object> created = TestSubjects.enterprise(TestSubjects.uscc("410184"), "新郑市测试自评有限公司", "410184",
                "INDUSTRY");
        created.put("incidents", List.of(Map.of("kind", "SAFETY", "date", "2021-03-05")));
        created.put("flags", List.of("LIVELIHOOD"));
        String id = admin.post("/api/v1/enterprises", created).text("id");
        String username = TestUsers.uniqueName("ent_self");
        TestUsers.create(admin, username, "ENTERPRISE", "410184", Map.of("enterpriseId", id));
        ApiClient enterprise = new ApiClient(port).as(username, TestUsers.PASSWORD);
        String path = "/api/v1/enterprises/" + id;
        Map<String, Object> body = asMap(enterprise.get(path).body());
        body.put("incidents", List.of());
        body.put("flags", List.of("SPECIALIZED", "LIAISON"));
        body.put("address", "自评路1号");
        Response edited = enterprise.put(path, body);
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        Response stored = admin.get(path);
        assertThat(stored.text("address")).as("its own facts change").isEqualTo("自评路1号");
        assertThat(stored.body().get("incidents").size()).as("the accident stays on record").isEqualTo(1);
        List<String> flags = new java.util.ArrayList<>();
        stored.body().get("flags").forEach(f -> flags.add(f.asString()));
        assertThat(flags).as("designations stay as officials gave them").contains("LIVELIHOOD")
                .doesNotContain("SPECIALIZED", "LIAISON");
    }

    private void keepsThePhone(ApiClient editor, String id) {
        String path = "/api/v1/enterprises/" + id;
        Response read = editor.get(path);
        assertThat(read.text("contactPhone")).isEqualTo("138****5678");
        Map<String, Object> body = asMap(read.body());
        body.put("address", "测试路2号");
        Response sentBack = editor.put(path, body);
        assertThat(sentBack.status()).as(sentBack.raw()).isEqualTo(200);
        assertThat(sentBack.text("contactPhone")).isEqualTo("138****5678");
        assertThat(admin.get(path).text("contactPhone")).isEqualTo("13812345678");

        body.remove("contactPhone");
        body.put("address", "测试路3号");
        assertThat(editor.put(path, body).status()).isEqualTo(200);
        assertThat(admin.get(path).text("contactPhone")).isEqualTo("13812345678");
        assertThat(admin.get(path).text("address")).isEqualTo("测试路3号");

        body.put("contactPhone", "139****0000");
        Response otherMask = editor.put(path, body);
        assertThat(otherMask.status()).isEqualTo(400);
        assertThat(errors(otherMask)).containsKey("contactPhone");

        body.put("contactPhone", "13987654321");
        assertThat(editor.put(path, body).text("contactPhone")).isEqualTo("139****4321");
        assertThat(admin.get(path).text("contactPhone")).isEqualTo("13987654321");

        body.put("contactPhone", "");
        assertThat(editor.put(path, body).status()).isEqualTo(200);
        assertThat(admin.get(path).body().get("contactPhone").isNull()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(JsonNode node) {
        return new LinkedHashMap<>(JSON.convertValue(node, Map.class));
    }

    @Test
    void answersInEnglishWhenAsked() {
        Map<String, Object> bad = TestSubjects.enterprise("91350100M000100Y4", "x", "410184", "INDUSTRY");
        bad.put("contactPhone", "0371");
        Response r = admin.english().post("/api/v1/enterprises", bad);
        assertThat(r.status()).isEqualTo(400);
        Map<String, String> errors = errors(r);
        assertThat(errors.get("uscc")).contains("18 characters");
        assertThat(errors.get("contactPhone")).contains("mobile");
    }

    @Test
    void saysWhichUsccRuleFailed() {
        Map<String, String> expected = Map.of(
                "91350100M00010", "18位",
                "91350100M000100I43", "非法字符",
                "9135A100M000100Y43", "行政区划码",
                "91350100M000100Y44", "校验位");
        expected.forEach((code, phrase) -> {
            Response r = admin.post("/api/v1/enterprises", TestSubjects.enterprise(code, "测试", "410184", "INDUSTRY"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(errors(r).get("uscc")).as(code).contains(phrase);
        });
    }

    @Test
    void rejectsANonCountyRegionAndInconsistentAboveScale() {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc("410200"), "开封测试有限公司", "410200", "INDUSTRY");
        body.put("annualRevenue", 1000);
        body.put("flags", List.of("ABOVE_SCALE"));
        Response r = admin.post("/api/v1/enterprises", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(errors(r)).containsKeys("regionCode", "flags");
    }

    @Test
    void refusesADuplicateUsccWith409() {
        String uscc = TestSubjects.uscc("410184");
        assertThat(admin.post("/api/v1/enterprises", TestSubjects.enterprise(uscc, "甲", "410184", "INDUSTRY")).status()).isEqualTo(201);
        Response again = admin.post("/api/v1/enterprises", TestSubjects.enterprise(uscc, "乙", "410184", "INDUSTRY"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains(uscc);
    }

    @Test
    void keysProjectsByBuilderUsccAndProjectNumber() {
        String builder = TestSubjects.uscc("411302");
        Map<String, Object> p1 = TestSubjects.enterprise(builder, "南阳测试高速公路建设项目", "411302", "KEY_PROJECT");
        p1.put("projectNo", "XM-001");
        p1.put("industryCode", "48");
        p1.put("totalInvestment", 500000);
        p1.put("annualInvestment", 120000);
        p1.put("flags", List.of());
        Response r1 = admin.post("/api/v1/enterprises", p1);
        assertThat(r1.status()).isEqualTo(201);
        assertThat(r1.text("kind")).isEqualTo("PROJECT");
        assertThat(r1.text("projectNo")).isEqualTo("XM-001");
        Map<String, Object> p2 = new HashMap<>(p1);
        p2.put("projectNo", "XM-002");
        assertThat(admin.post("/api/v1/enterprises", p2).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/enterprises", p1).status()).isEqualTo(409);
    }

    @Test
    void unknownIdIs404() {
        Response r = admin.get("/api/v1/enterprises/00000000-0000-0000-0000-000000000000");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(admin.put("/api/v1/enterprises/nope", TestSubjects.enterprise(TestSubjects.uscc("410184"), "x", "410184", "INDUSTRY"))
                .status()).isEqualTo(404);
    }

    @Test
    void updatesTheWholeResourceAndAuditsIt() {
        String uscc = TestSubjects.uscc("410184");
        Map<String, Object> body = TestSubjects.enterprise(uscc, "新郑市测试更新有限公司", "410184", "INDUSTRY");
        String id = admin.post("/api/v1/enterprises", body).text("id");
        String supplier = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc("410184"), "新郑市测试供应商有限公司", "410184", "INDUSTRY")).text("id");
        body.put("name", "新郑市测试更新后有限公司");
        body.put("employees", 1200);
        body.put("annualRevenue", 45000);
        body.put("incidents", List.of());
        body.put("links", List.of(Map.of("enterpriseId", supplier, "relation", "SUPPLIER")));
        body.put("contactPhone", "0371-62345678");
        Response r = admin.put("/api/v1/enterprises/" + id, body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("name")).isEqualTo("新郑市测试更新后有限公司");
        assertThat(r.text("sizeClass")).isEqualTo("LARGE");
        assertThat(r.body().get("incidents").size()).isZero();
        assertThat(r.body().get("links").get(0).get("enterpriseId").asString()).isEqualTo(supplier);
        assertThat(r.body().get("links").get(0).get("relation").asString()).isEqualTo("SUPPLIER");

        ApiClient hq = new ApiClient(port).as("hq_xz", "Demo@2022");
        assertThat(hq.get("/api/v1/enterprises/" + id).text("contactPhone")).isEqualTo("0371-****5678");
        String before = jdbc.sql("SELECT before_json FROM audit_log WHERE entity_id = ? AND action = 'subject.update'")
                .param(id).query(String.class).single();
        assertThat(before).contains("新郑市测试更新有限公司").doesNotContain("13812345678");

        body.put("links", List.of(Map.of("enterpriseId", "missing-id", "relation", "CUSTOMER")));
        Response bad = admin.put("/api/v1/enterprises/" + id, body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errors(bad)).containsKey("links[0].enterpriseId");
    }

    @Test
    void listsWithFiltersAndPaging() {
        String token = TestSubjects.token();
        admin.post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc("410184"), "新郑市" + token + "甲有限公司", "410184", "INDUSTRY"));
        Map<String, Object> shop = TestSubjects.enterprise(TestSubjects.uscc("410202"), "开封" + token + "乙商贸有限公司", "410202", "COMMERCE");
        shop.put("industryCode", "51");
        shop.put("flags", List.of());
        admin.post("/api/v1/enterprises", shop);

        Response all = admin.get("/api/v1/enterprises?q=" + token);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().get("total").asLong()).isEqualTo(2);
        assertThat(all.body().get("page").asInt()).isZero();
        assertThat(all.body().get("size").asInt()).isEqualTo(20);
        assertThat(admin.get("/api/v1/enterprises?q=" + token + "&sector=COMMERCE").body().get("total").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/v1/enterprises?q=" + token + "&regionCode=410200").body().get("items").get(0).get("regionCode").asString())
                .isEqualTo("410202");
        Response paged = admin.get("/api/v1/enterprises?q=" + token + "&size=1&page=1");
        assertThat(paged.body().get("items").size()).isEqualTo(1);
        assertThat(paged.body().get("total").asLong()).isEqualTo(2);

        Response demo = admin.get("/api/v1/enterprises?regionCode=410200&size=500");
        assertThat(demo.body().get("total").asLong()).isGreaterThan(50);
        demo.body().get("items").forEach(i -> assertThat(i.get("regionCode").asString()).startsWith("4102"));
        // deterministic demo subjects of the service sectors (other tests add subjects of their own to these areas)
        for (String name : List.of("开封大地超市有限公司", "杞县圣光仓储有限公司", "唐河圣光文化传媒有限公司")) {
            JsonNode found = admin.get("/api/v1/enterprises?q=" + name).body().get("items");
            assertThat(found).as(name).isNotEmpty();
            assertThat(found.get(0).path("outputValue").isNumber())
                    .as("%s has an output value: its sector's coverage has a denominator", name).isTrue();
        }

        Response bad = admin.get("/api/v1/enterprises?sector=MINING&size=501");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errors(bad)).as("the paging and the filter named together").containsKeys("sector", "size");
        Response badPage = admin.get("/api/v1/enterprises?page=-1");
        assertThat(badPage.status()).as("a bad page alone is still refused").isEqualTo(400);
        assertThat(errors(badPage)).containsKeys("page");
    }

    @Test
    void isDocumentedInOpenApi() {
        Response docs = new ApiClient(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw()).contains("/api/v1/enterprises/{id}", "/api/v1/enterprises/import", "/api/v1/jobs/{id}");
    }

    static Map<String, String> errors(Response r) {
        Map<String, String> m = new LinkedHashMap<>();
        JsonNode errors = r.body().get("errors");
        if (errors != null) {
            errors.forEach(e -> m.put(e.get("field").asString(), e.get("message").asString()));
        }
        return m;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
