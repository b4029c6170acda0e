package org.sibao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.platform.BusinessClock;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The policy API end to end: library, validation, versions, matching with explanations, push, redemption, reach. */
@FullStackTest
class PolicyApiTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessClock clock;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient sector;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
        sector = new ApiClient(port).as("sector_industry_ny", "Demo@2022");
    }

    /** A 南阳 (卧龙区) above-scale manufacturer at full capacity with 12 % growth. */
    private String subject(Map<String, Object> attributes, int employees) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc("411303"), "政策测试" + TestSubjects.token(),
                "411303", "INDUSTRY");
        body.put("flags", new ArrayList<>(List.of("ABOVE_SCALE")));
        body.put("employees", employees);
        body.put("attributes", attributes);
        ApiClient.Response r = admin.post("/api/v1/enterprises", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    /** Creates and signs in an ENTERPRISE user of the subject. */
    private ApiClient enterpriseUser(String subjectId, String userName) {
        TestUsers.create(admin, userName, "ENTERPRISE", "411303", Map.of("enterpriseId", subjectId));
        return new ApiClient(port).as(userName, TestUsers.PASSWORD);
    }

    private long appliedNotices(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? AND n.kind = 'policy.applied'").param(username).query(Long.class).single();
    }

    private static JsonNode match(ApiClient.Response r, String code) {
        for (JsonNode i : r.body().get("items")) {
            if (i.get("policyCode").stringValue().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no match for " + code + " in " + r.raw());
    }

    private static Map<String, BigDecimal> shares(JsonNode item) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        item.get("shares").forEach(s -> m.put(s.get("payer").stringValue(), s.get("amountYuan").decimalValue()));
        return m;
    }

    /** Payers in order with their amounts, compared as numbers. */
    private static void assertShares(JsonNode item, String payer1, String amount1, String payer2, String amount2) {
        Map<String, BigDecimal> m = shares(item);
        assertThat(m.keySet()).containsExactly(payer1, payer2);
        assertThat(m.get(payer1)).isEqualByComparingTo(amount1);
        assertThat(m.get(payer2)).isEqualByComparingTo(amount2);
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private String stored(String subjectId, String code) {
        return jdbc.sql("SELECT m.outcome FROM policy_match m JOIN policy p ON p.id = m.policy_id"
                + " WHERE m.subject_id = ? AND p.code = ?").params(subjectId, code).query(String.class).optional()
                .orElse("INELIGIBLE");
    }

    private Map<String, Object> policy(String code, String mode, LocalDate from, Object eligibility) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", code);
        p.put("title", "测试政策 " + code);
        p.put("category", "FISCAL_SUBSIDY");
        p.put("mode", mode);
        p.put("effectiveFrom", from.toString());
        p.put("departmentCode", "TAX");
        p.put("eligibility", eligibility);
        p.put("benefit", Map.of("text", "奖励1万元", "formula", Map.of("amount", Map.of("fixedYuan", 10000),
                "shares", List.of(Map.of("payer", "PROVINCE", "ratio", 1), Map.of("payer", "LOCAL", "ratio", 1)))));
        return p;
    }

    private static String code() {
        return "T-" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    }

    @Test
    void theSeededLibraryIsPublishedAndPublic() {
        ApiClient.Response r = admin.get("/api/v1/policies?status=PUBLISHED&size=500");
        assertThat(r.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        r.body().get("items").forEach(i -> codes.add(i.get("code").stringValue()));
        assertThat(codes).contains("NY40-01", "NY40-02", "NY40-03", "NY40-06", "NY40-10", "NY40-16", "NY40-20", "HN-BOOTH");
        assertThat(r.body().get("total").asLong()).isGreaterThanOrEqualTo(24);
        JsonNode ny20 = r.body().get("items").get(codes.indexOf("NY40-20"));
        assertThat(ny20.get("documentNumber").stringValue()).isEqualTo("宛政办〔2022〕40号");
        assertThat(ny20.at("/source/sentence").stringValue()).contains("奖励资金由省级和属地财政按照 1：1 的比例分担");
        assertThat(ny20.get("status").stringValue()).isEqualTo("PUBLISHED");
        assertThat(ny20.get("eligibilityText").stringValue()).contains("二季度满负荷生产");

        ApiClient.Response pub = new ApiClient(port).get("/public/policies");
        assertThat(pub.status()).isEqualTo(200);
        assertThat(pub.raw()).contains("HN-BOOTH").contains("NY40-20");
        ApiClient.Response anonymous = new ApiClient(port).get("/api/v1/policies");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void invalidRulesAreRejectedNamingThePath() {
        Map<String, Object> bad = policy(code(), "APPLY", clock.today(), Map.of("all", List.of(
                Map.of("fact", "regionCode", "op", "within", "value", List.of("411300")),
                Map.of("fact", "colour", "op", "eq", "value", "red"),
                Map.of("fact", "employees", "op", "about", "value", 5))));
        ApiClient.Response r = sector.post("/api/v1/policies", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).contains("problem+json");
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").stringValue()));
        assertThat(fields).contains("eligibility.all[1].fact", "eligibility.all[2].op");

        Map<String, Object> badCategory = policy(code(), "SOMETIMES", clock.today(), Map.of("fact", "employees", "op", "gte", "value", 1));
        badCategory.put("category", "GIFTS");
        ApiClient.Response c = sector.post("/api/v1/policies", badCategory);
        assertThat(c.status()).isEqualTo(400);
        assertThat(c.raw()).contains("\"category\"").contains("\"mode\"");

        ApiClient.Response enterprise = new ApiClient(port).as("ent_ny", "Demo@2022").post("/api/v1/policies",
                policy(code(), "APPLY", clock.today(), Map.of("fact", "employees", "op", "gte", "value", 1)));
        assertThat(enterprise.status()).isEqualTo(403);
    }

    @Test
    void matchesArePagedLikeTheOtherLists() {
        String id = subject(Map.of("fullCapacityQ2", true), 1500);
        String path = "/api/v1/enterprises/" + id + "/policy-matches";
        ApiClient.Response all = sector.get(path);
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        long total = all.body().get("total").asLong();
        assertThat(total).isGreaterThan(10).isEqualTo(all.body().get("items").size());
        List<String> codes = new ArrayList<>();
        all.body().get("items").forEach(i -> codes.add(i.get("policyCode").stringValue()));

        ApiClient.Response second = sector.get(path + "?size=5&page=1");
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.body().get("page").asInt()).isEqualTo(1);
        assertThat(second.body().get("size").asInt()).isEqualTo(5);
        assertThat(second.body().get("total").asLong()).isEqualTo(total);
        List<String> page = new ArrayList<>();
        second.body().get("items").forEach(i -> page.add(i.get("policyCode").stringValue()));
        assertThat(page).isEqualTo(codes.subList(5, 10));
        ApiClient.Response beyond = sector.get(path + "?size=5&page=" + (total / 5 + 1));
        assertThat(beyond.body().get("items").size()).isZero();
        assertThat(beyond.body().get("total").asLong()).isEqualTo(total);

        for (String bad : new String[] {"size=501", "size=0", "page=-1&size=501"}) {
            ApiClient.Response r = sector.get(path + "?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            r.body().get("errors").forEach(e -> fields.add(e.get("field").stringValue()));
            assertThat(fields).as(bad).contains("size");
        }
        assertThat(sector.get("/api/v1/enterprises/no-such-subject/policy-matches?size=5").status()).isEqualTo(404);
    }

    @Test
    void matchesExplainThemselvesWithBenefitsAndShares() {
        String id = subject(Map.of("fullCapacityQ2", true, "revenueGrowthPct", 12.5, "boothCostYuan", 86000), 1500);
        subjects.setWhitelistStatus(id, WhitelistStatus.ACTIVE, "CITY");
        // a fact the enterprise may have to supply: whether the epidemic affected it
        String affected = code();
        ApiClient.Response epi = sector.post("/api/v1/policies", policy(affected, "APPLY", clock.today(), Map.of("all",
                List.of(Map.of("fact", "regionCode", "op", "within", "value", List.of("411303")),
                        Map.of("fact", "attributes.affectedByEpidemic", "op", "eq", "value", true)))));
        assertThat(sector.post("/api/v1/policies/" + epi.text("id") + "/publish", Map.of()).status()).isEqualTo(200);

        ApiClient.Response r = sector.get("/api/v1/enterprises/" + id + "/policy-matches");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode ny20 = match(r, "NY40-20");
        assertThat(ny20.get("outcome").stringValue()).isEqualTo("ELIGIBLE");
        assertThat(ny20.get("benefitYuan").decimalValue()).isEqualByComparingTo("200000");
        assertShares(ny20, "PROVINCE", "100000", "LOCAL", "100000");
        JsonNode line = ny20.get("explanation").get(3);
        assertThat(line.get("fact").stringValue()).isEqualTo("attributes.fullCapacityQ2");
        assertThat(line.get("op").stringValue()).isEqualTo("eq");
        assertThat(line.get("expected").booleanValue()).isTrue();
        assertThat(line.get("actual").booleanValue()).isTrue();
        assertThat(line.get("outcome").stringValue()).isEqualTo("ELIGIBLE");

        JsonNode booth = match(r, "HN-BOOTH");
        assertThat(booth.get("outcome").stringValue()).isEqualTo("ELIGIBLE");
        assertThat(booth.get("benefitYuan").decimalValue()).isEqualByComparingTo("43000");
        assertShares(booth, "PROVINCE", "30100", "LOCAL", "12900");

        assertThat(match(r, "NY40-16").get("outcome").stringValue()).as("a medium enterprise of 南阳")
                .isEqualTo("ELIGIBLE");
        JsonNode unknown = match(r, affected);
        assertThat(unknown.get("outcome").stringValue()).isEqualTo("UNKNOWN");
        assertThat(unknown.get("missingFacts").toString()).contains("attributes.affectedByEpidemic");
        assertThat(unknown.has("benefitYuan") && !unknown.get("benefitYuan").isNull()).isFalse();

        // stored by the listeners; supplying the missing fact matches the subject again
        eventually(() -> "ELIGIBLE".equals(stored(id, "NY40-20")) && "ELIGIBLE".equals(stored(id, "HN-BOOTH")),
                "stored matches");
        eventually(() -> "UNKNOWN".equals(stored(id, affected)), "stored UNKNOWN");
        ApiClient.Response supplied = admin.put("/api/v1/enterprises/" + id + "/policy-facts",
                Map.of("affectedByEpidemic", true));
        assertThat(supplied.status()).as(supplied.raw()).isEqualTo(200);
        assertThat(match(supplied, affected).get("outcome").stringValue()).isEqualTo("ELIGIBLE");
        eventually(() -> "ELIGIBLE".equals(stored(id, affected)), "rematch after the subject changed");

        // growth below 10 %: the lower tier
        ApiClient.Response lower = admin.put("/api/v1/enterprises/" + id + "/policy-facts", Map.of("revenueGrowthPct", 5));
        assertThat(match(lower, "NY40-20").get("benefitYuan").decimalValue()).isEqualByComparingTo("100000");

        ApiClient.Response wrongType = admin.put("/api/v1/enterprises/" + id + "/policy-facts",
                Map.of("affectedByEpidemic", "perhaps"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.raw()).contains("attributes.affectedByEpidemic");

        // outside the caller's scope the subject does not exist
        ApiClient.Response kaifeng = new ApiClient(port).as("sector_industry_kf", "Demo@2022")
                .get("/api/v1/enterprises/" + id + "/policy-matches");
        assertThat(kaifeng.status()).isEqualTo(404);
    }

    @Test
    void draftsAreEditedPublishedOnceAndVersioned() {
        LocalDate today = clock.today();
        String id = subject(Map.of("revenueGrowthPct", 3), 200);
        String code = code();
        Object rule = Map.of("all", List.of(Map.of("fact", "regionCode", "op", "within", "value", List.of("411303")),
                Map.of("fact", "attributes.revenueGrowthPct", "op", "lt", "value", 4)));
        ApiClient.Response created = sector.post("/api/v1/policies", policy(code, "APPLY", today.minusDays(10), rule));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        String v1 = created.text("id");

        Map<String, Object> edit = policy(code, "APPLY", today.minusDays(10), rule);
        edit.put("title", "改过的标题");
        ApiClient.Response put = sector.put("/api/v1/policies/" + v1, edit);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.text("title")).isEqualTo("改过的标题");
        assertThat(sector.post("/api/v1/policies", policy(code, "APPLY", today, rule)).status()).isEqualTo(409);

        ApiClient.Response sim = sector.post("/api/v1/policies/" + v1 + "/simulate", Map.of());
        assertThat(sim.status()).as(sim.raw()).isEqualTo(200);
        ApiClient.Response asAdmin = admin.post("/api/v1/policies/" + v1 + "/simulate", Map.of());
        for (String figure : List.of("eligible", "ineligible", "unknown")) {
            assertThat(asAdmin.body().get(figure).asLong()).as("the same subjects whoever asks: " + figure)
                    .isEqualTo(sim.body().get(figure).asLong());
        }
        assertThat(sim.body().get("eligible").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(sim.body().has("ineligible")).isTrue();
        assertThat(sim.body().has("unknown")).isTrue();
        assertThat(sim.body().get("estimatedCostYuan").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(10000L * sim.body().get("eligible").asLong()));

        ApiClient.Response published = sector.post("/api/v1/policies/" + v1 + "/publish", Map.of());
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.text("status")).isEqualTo("PUBLISHED");
        assertThat(sector.put("/api/v1/policies/" + v1, edit).status()).isEqualTo(409);
        assertThat(sector.post("/api/v1/policies/" + v1 + "/publish", Map.of()).status()).isEqualTo(409);
        eventually(() -> "ELIGIBLE".equals(stored(id, code)), "matches of the published policy");

        // a new version from today with a stricter rule: the subject's outcome changes, the old version expires
        ApiClient.Response v2 = sector.post("/api/v1/policies/" + v1 + "/versions", Map.of("effectiveFrom", today.toString()));
        assertThat(v2.status()).as(v2.raw()).isEqualTo(201);
        assertThat(v2.text("status")).isEqualTo("DRAFT");
        assertThat(v2.body().get("version").asInt()).isEqualTo(2);
        Object stricter = Map.of("all", List.of(Map.of("fact", "regionCode", "op", "within", "value", List.of("411303")),
                Map.of("fact", "attributes.revenueGrowthPct", "op", "lt", "value", 2)));
        assertThat(sector.put("/api/v1/policies/" + v2.text("id"), policy(code, "APPLY", today, stricter)).status())
                .isEqualTo(200);
        ApiClient.Response diff = sector.post("/api/v1/policies/" + v2.text("id") + "/simulate", Map.of());
        assertThat(diff.body().get("changedCount").asLong()).isGreaterThanOrEqualTo(1);
        List<String> changed = new ArrayList<>();
        diff.body().get("changed").forEach(c -> changed.add(c.get("subjectId").stringValue()));
        assertThat(changed).contains(id);

        assertThat(sector.post("/api/v1/policies/" + v2.text("id") + "/publish", Map.of()).status()).isEqualTo(200);
        ApiClient.Response old = sector.get("/api/v1/policies/" + v1);
        assertThat(old.text("status")).isEqualTo("EXPIRED");
        assertThat(old.text("effectiveTo")).isEqualTo(today.minusDays(1).toString());
        eventually(() -> "INELIGIBLE".equals(stored(id, code)), "the old version's matches replaced");
        ApiClient.Response expired = sector.get("/api/v1/policies?status=EXPIRED&q=" + code);
        assertThat(expired.body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aCountysPolicyServesThatCountyOnly() {
        ApiClient countyHq = new ApiClient(port).as("hq_xz", "Demo@2022");
        ApiClient.Response local = admin.post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc("410184"),
                "新郑政策测试" + TestSubjects.token(), "410184", "INDUSTRY"));
        assertThat(local.status()).as(local.raw()).isEqualTo(201);
        String inCounty = local.text("id");
        String elsewhere = subject(Map.of(), 200);
        String code = code();
        ApiClient.Response created = countyHq.post("/api/v1/policies",
                policy(code, "APPLY", clock.today(), Map.of("fact", "employees", "op", "gte", "value", 1)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("regionCode")).isEqualTo("410184");
        assertThat(countyHq.post("/api/v1/policies/" + created.text("id") + "/publish", Map.of()).status()).isEqualTo(200);
        eventually(() -> "ELIGIBLE".equals(stored(inCounty, code)), "the county's subject matched");
        assertThat(stored(elsewhere, code)).as("a 南阳 enterprise is not served by 新郑's policy").isEqualTo("INELIGIBLE");
        JsonNode explained = match(admin.get("/api/v1/enterprises/" + elsewhere + "/policy-matches"), code);
        assertThat(explained.get("outcome").stringValue()).isEqualTo("INELIGIBLE");
        assertThat(explained.get("explanation").toString()).contains("regionCode");

        // 南阳's officer naming 新郑 in a rule reaches nobody there, and the simulation says so beforehand
        String foreign = code();
        ApiClient.Response reaching = sector.post("/api/v1/policies", policy(foreign, "APPLY", clock.today(),
                Map.of("fact", "regionCode", "op", "within", "value", List.of("410184"))));
        assertThat(reaching.status()).as(reaching.raw()).isEqualTo(201);
        assertThat(sector.post("/api/v1/policies/" + reaching.text("id") + "/simulate", Map.of()).body().get("eligible")
                .asLong()).isZero();
        assertThat(sector.post("/api/v1/policies/" + reaching.text("id") + "/publish", Map.of()).status()).isEqualTo(200);
        assertThat(match(admin.get("/api/v1/enterprises/" + inCounty + "/policy-matches"), foreign).get("outcome")
                .stringValue()).isEqualTo("INELIGIBLE");
    }

    @Test
    void aGrantBelongsToThePolicyNotToOneVersion() {
        BigDecimal cost = BigDecimal.valueOf(100_000 + (System.nanoTime() % 40_000));
        String id = subject(Map.of("boothCostYuan", cost), 300);
        ApiClient ent = enterpriseUser(id, TestUsers.uniqueName("ent_ver"));
        ApiClient tax = new ApiClient(port).as("dept_tax_ny", "Demo@2022");
        LocalDate today = clock.today();
        Object rule = Map.of("all", List.of(Map.of("fact", "regionCode", "op", "within", "value", List.of("411303")),
                Map.of("fact", "attributes.boothCostYuan", "op", "eq", "value", cost)));
        String code = code();
        String v1 = sector.post("/api/v1/policies", policy(code, "APPLY", today.minusDays(10), rule)).text("id");
        assertThat(sector.post("/api/v1/policies/" + v1 + "/publish", Map.of()).status()).isEqualTo(200);
        eventually(() -> "ELIGIBLE".equals(stored(id, code)), "matches of v1");
        assertThat(ent.post("/api/v1/enterprises/" + id + "/policy-matches/" + v1 + "/apply", Map.of()).status())
                .isEqualTo(200);
        assertThat(tax.post("/api/v1/policies/" + v1 + "/applications/" + id + "/grant", Map.of("grantedYuan", 8000))
                .status()).isEqualTo(200);

        // the measure is re-issued with amended text from today: the same benefit, not a second one
        String v2 = sector.post("/api/v1/policies/" + v1 + "/versions", Map.of("effectiveFrom", today.toString())).text("id");
        assertThat(sector.post("/api/v1/policies/" + v2 + "/publish", Map.of()).status()).isEqualTo(200);
        eventually(() -> jdbc.sql("SELECT COUNT(*) FROM policy_match WHERE subject_id = ? AND policy_id = ?")
                .params(id, v2).query(Long.class).single() == 1, "matches of v2");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_redemption WHERE subject_id = ? AND policy_id = ?")
                .params(id, v2).query(Long.class).single()).as("not pushed again").isZero();
        ApiClient.Response again = ent.post("/api/v1/enterprises/" + id + "/policy-matches/" + v2 + "/apply", Map.of());
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.body().get("detail").asString()).contains(code);
        JsonNode shown = match(ent.get("/api/v1/enterprises/" + id + "/policy-matches"), code);
        assertThat(shown.get("state").stringValue()).as("the enterprise sees it as granted").isEqualTo("GRANTED");
        assertThat(shown.get("grantedYuan").decimalValue()).isEqualByComparingTo("8000");

        JsonNode fig = null;
        for (JsonNode f : tax.get("/api/v1/policies/reach?regionCode=411303").body().get("byPolicy")) {
            if (f.get("key").stringValue().equals(code)) {
                fig = f;
            }
        }
        assertThat(fig).as("the policy in force carries the earlier version's grant").isNotNull();
        assertThat(fig.get("eligible").asLong()).isEqualTo(1);
        assertThat(fig.get("granted").asLong()).isEqualTo(1);
        assertThat(fig.get("grantedYuan").decimalValue()).isEqualByComparingTo("8000");
    }

    @Test
    void pushApplyGrantAutoConfirmationAndReach() {
        BigDecimal cost = BigDecimal.valueOf(50_000 + (System.nanoTime() % 40_000));
        String id = subject(Map.of("boothCostYuan", cost), 300);
        String userName = TestUsers.uniqueName("ent_pol");
        ApiClient ent = enterpriseUser(id, userName);
        LocalDate today = clock.today();

        Object rule = Map.of("all", List.of(Map.of("fact", "regionCode", "op", "within", "value", List.of("411303")),
                Map.of("fact", "attributes.boothCostYuan", "op", "eq", "value", cost)));
        String applyCode = code();
        String applyId = sector.post("/api/v1/policies", policy(applyCode, "APPLY", today, rule)).text("id");
        assertThat(sector.post("/api/v1/policies/" + applyId + "/publish", Map.of()).status()).isEqualTo(200);
        String autoCode = code() + "A";
        String autoId = sector.post("/api/v1/policies", policy(autoCode, "AUTO", today, rule)).text("id");
        assertThat(sector.post("/api/v1/policies/" + autoId + "/publish", Map.of()).status()).isEqualTo(200);

        eventually(() -> jdbc.sql("SELECT COUNT(*) FROM policy_redemption WHERE subject_id = ? AND policy_id IN (?, ?)"
                + " AND state = 'PUSHED'").params(id, applyId, autoId).query(Long.class).single() == 2, "pushes");
        long notices = jdbc.sql("SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? AND n.kind = 'policy.pushed'").param(userName).query(Long.class).single();
        assertThat(notices).isGreaterThanOrEqualTo(2);

        ApiClient.Response mine = ent.get("/api/v1/enterprises/" + id + "/policy-matches");
        assertThat(match(mine, applyCode).get("state").stringValue()).isIn("PUSHED", "VIEWED");
        assertThat(ent.get("/api/v1/enterprises/" + id + "/policy-matches").raw()).contains("\"VIEWED\"");
        assertThat(ent.post("/api/v1/enterprises/" + id + "/policy-matches/" + autoId + "/apply", Map.of()).status())
                .isEqualTo(409);
        long taxTold = appliedNotices("dept_tax_ny");
        long hrssTold = appliedNotices("dept_hrss_ny");
        ApiClient.Response applied = ent.post("/api/v1/enterprises/" + id + "/policy-matches/" + applyId + "/apply",
                Map.of("note", "申请兑现"));
        assertThat(applied.status()).as(applied.raw()).isEqualTo(200);
        assertThat(applied.text("state")).isEqualTo("APPLIED");
        assertThat(appliedNotices("dept_tax_ny")).as("the policy's department nearest the subject (the city's 税务局)")
                .isEqualTo(taxTold + 1);
        assertThat(appliedNotices("dept_hrss_ny")).as("not every department").isEqualTo(hrssTold);

        ApiClient tax = new ApiClient(port).as("dept_tax_ny", "Demo@2022");
        ApiClient.Response queue = tax.get("/api/v1/policies/applications?state=APPLIED&size=500");
        assertThat(queue.raw()).contains(applyCode);
        ApiClient hrss = new ApiClient(port).as("dept_hrss_ny", "Demo@2022");
        assertThat(hrss.post("/api/v1/policies/" + applyId + "/applications/" + id + "/grant",
                Map.of("grantedYuan", 10000)).status()).isEqualTo(403);
        assertThat(tax.post("/api/v1/policies/" + applyId + "/applications/" + id + "/grant", Map.of()).status())
                .isEqualTo(400);
        long grantedBefore = tax.get("/api/v1/dashboard?regionCode=411303").body().get("policies").get("granted").asLong();
        ApiClient.Response granted = tax.post("/api/v1/policies/" + applyId + "/applications/" + id + "/grant",
                Map.of("grantedYuan", 10000));
        assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
        assertThat(granted.text("state")).isEqualTo("GRANTED");
        assertThat(tax.get("/api/v1/dashboard?regionCode=411303").body().get("policies").get("granted").asLong())
                .as("the dashboard's next read shows the grant").isEqualTo(grantedBefore + 1);
        assertThat(tax.post("/api/v1/policies/" + applyId + "/applications/" + id + "/decline",
                Map.of("reason", "重复")).status()).isEqualTo(409);

        ApiClient.Response confirmed = tax.post("/api/v1/policies/" + autoId + "/confirm", Map.of("subjectIds", List.of(id)));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.body().get("granted").asInt()).isEqualTo(1);
        ApiClient.Response again = tax.post("/api/v1/policies/" + autoId + "/confirm", Map.of("subjectIds", List.of(id)));
        assertThat(again.status()).as("a re-sent confirmation changes nothing").isEqualTo(200);
        assertThat(again.body().get("granted").asInt()).isZero();
        ApiClient.Response unknown = tax.post("/api/v1/policies/" + autoId + "/confirm",
                Map.of("subjectIds", List.of(id, "no-such-subject")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.raw()).contains("subjectIds[1]").doesNotContain("subjectIds[0]");
        assertThat(tax.post("/api/v1/policies/" + applyId + "/confirm", Map.of()).status()).isEqualTo(409);

        ApiClient.Response reach = tax.get("/api/v1/policies/reach?regionCode=411303");
        assertThat(reach.status()).as(reach.raw()).isEqualTo(200);
        for (String c : List.of(applyCode, autoCode)) {
            JsonNode fig = null;
            for (JsonNode f : reach.body().get("byPolicy")) {
                if (f.get("key").stringValue().equals(c)) {
                    fig = f;
                }
            }
            assertThat(fig).as(c).isNotNull();
            assertThat(fig.get("eligible").asLong()).isEqualTo(1);
            assertThat(fig.get("granted").asLong()).isEqualTo(1);
            assertThat(fig.get("rate").decimalValue()).isEqualByComparingTo("1");
            assertThat(fig.get("grantedYuan").decimalValue()).isEqualByComparingTo("10000");
        }
        JsonNode total = reach.body();
        BigDecimal expectedRate = BigDecimal.valueOf(total.get("granted").asLong())
                .divide(BigDecimal.valueOf(total.get("eligible").asLong()), 4, java.math.RoundingMode.HALF_UP);
        assertThat(total.get("rate").decimalValue()).isEqualByComparingTo(expectedRate);
        assertThat(tax.get("/api/v1/policies/reach?regionCode=410200").status()).isEqualTo(404);

        ApiClient.Response rematch = sector.post("/api/v1/policies/rematch", Map.of());
        assertThat(rematch.status()).isEqualTo(403);
    }
}
