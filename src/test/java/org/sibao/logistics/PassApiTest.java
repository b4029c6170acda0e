package org.sibao.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.platform.personal.IdNumbers;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.TestWhitelist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Vehicle passes over the API: filing, the transport department's decision, the public check, and the drivers' list. */
@FullStackTest
class PassApiTest {

    private static final String XINZHENG = "410184";
    private static final String PASSWORD = "Demo@2022";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
    }

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, PASSWORD);
    }

    private ApiClient transport() {
        return as("sector_transport_xz");
    }

    /** A valid GB 11643 number from 17 digits. */
    static String idNumber(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    private String subject(String sector, WhitelistStatus status) {
        ApiClient.Response r = admin.post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc(XINZHENG),
                "新郑通行证测试" + TestSubjects.token(), XINZHENG, sector));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        if (status != null) {
            subjects.setWhitelistStatus(r.text("id"), status, "COUNTY");
        }
        return r.text("id");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now"));
    }

    private Map<String, Object> request(String carrier, String plate, List<String> served) {
        Map<String, Object> m = new HashMap<>();
        OffsetDateTime now = now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
        m.put("carrierEnterpriseId", carrier);
        m.put("plateNumber", plate);
        m.put("drivers", List.of(Map.of("name", "张师傅", "idNumber", idNumber("41018419850315123"), "phone", "13812345678")));
        m.put("origin", "郑州国际物流园");
        m.put("destination", "新郑市龙湖镇");
        m.put("validFrom", now.toLocalDate().toString());
        m.put("validTo", now.plusDays(2).withNano(0).toString());
        m.put("servedEnterpriseIds", served);
        return m;
    }

    private ApiClient.Response verify(String code) {
        return admin.anonymous().get("/public/passes/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    private String approvedPass(String plate) {
        String carrier = subject("TRANSPORT", null);
        String served = subject("INDUSTRY", WhitelistStatus.ACTIVE);
        ApiClient.Response filed = transport().post("/api/v1/passes", request(carrier, plate, List.of(served)));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        ApiClient.Response approved = transport().post("/api/v1/passes/" + filed.text("id") + "/approve", Map.of());
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        return approved.text("id");
    }

    @Test
    void filedApprovedAndVerifiedWithoutLogin() {
        String carrier = subject("TRANSPORT", null);
        String served = subject("INDUSTRY", WhitelistStatus.ACTIVE);
        ApiClient.Response filed = transport().post("/api/v1/passes", request(carrier, "豫AD12345", List.of(served)));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        assertThat(filed.text("status")).isEqualTo("PENDING");
        assertThat(filed.text("code")).isNull();
        JsonNode driver = filed.body().get("drivers").get(0);
        assertThat(driver.get("idNumber").asString()).isEqualTo("4101**********" + idNumber("41018419850315123").substring(14));
        assertThat(driver.get("phone").asString()).isEqualTo("138****5678");
        assertThat(filed.raw()).doesNotContain("13812345678", idNumber("41018419850315123"));
        String id = filed.text("id");

        ApiClient.Response approved = transport().post("/api/v1/passes/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        String code = approved.text("code");
        assertThat(code).startsWith(id + ".");
        assertThat(transport().post("/api/v1/passes/" + id + "/approve", Map.of()).status()).isEqualTo(409);

        ApiClient.Response ok = verify(code);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.body().get("valid").asBoolean()).isTrue();
        assertThat(ok.text("plateNumber")).isEqualTo("豫AD12345");
        assertThat(OffsetDateTime.parse(ok.text("validTo")).toInstant())
                .isEqualTo(OffsetDateTime.parse(approved.text("validTo")).toInstant());

        String forged = code.substring(0, code.length() - 2) + (code.endsWith("AA") ? "BB" : "AA");
        assertThat(verify(forged).body().get("valid").asBoolean()).isFalse();
        assertThat(verify(forged).text("plateNumber")).isNull();
        assertThat(verify("garbage").body().get("valid").asBoolean()).isFalse();
        assertThat(admin.anonymous().get("/public/passes/verify").body().get("valid").asBoolean()).isFalse();

        assertThat(transport().get("/api/v1/passes?status=APPROVED").raw()).contains(id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'pass' AND entity_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND (after_json LIKE '%13812345678%'"
                + " OR after_json LIKE ?)").params(id, "%" + idNumber("41018419850315123") + "%").query(Long.class).single())
                .isZero();
    }

    @Test
    void theCheckIsAlsoServedWithoutLoginUnderTheApiBasePath() throws Exception {
        String id = approvedPass("豫A1234挂");
        String code = transport().get("/api/v1/passes/" + id).text("code");
        String query = "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        ApiClient.Response root = admin.anonymous().get("/public/passes/verify" + query);
        ApiClient.Response api = admin.anonymous().get("/api/v1/public/passes/verify" + query);
        assertThat(api.status()).as(api.raw()).isEqualTo(200);
        assertThat(api.contentType()).startsWith("application/json");
        assertThat(api.body()).isEqualTo(root.body());
        assertThat(api.body().get("valid").asBoolean()).isTrue();
        assertThat(api.text("plateNumber")).isEqualTo("豫A1234挂");
        assertThat(admin.anonymous().get("/api/v1/public/passes/verify?code=garbage").body().get("valid").asBoolean())
                .isFalse();
        assertThat(admin.anonymous().get("/api/v1/public/passes/verify").body().get("valid").asBoolean()).isFalse();

        // like the root path: no session, never cached, and a stray Authorization header changes nothing
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/api/v1/public/passes/verify" + query)).header("Authorization", "Bearer not-a-token")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
        assertThat(raw.body()).contains("\"valid\":true");
        assertThat(raw.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(raw.headers().firstValue("Set-Cookie")).isEmpty();
        // the rest of the API still needs a token
        assertThat(admin.anonymous().get("/api/v1/passes/" + id).status()).isEqualTo(401);
    }

    @Test
    void theHtmlCheckPagesAreChineseAndPublic() throws Exception {
        String id = approvedPass("豫A12345D");
        String code = transport().get("/api/v1/passes/" + id).text("code");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = page(code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("有效通行证", "豫A12345D");
        assertThat(page("nope").body()).contains("无效通行证");
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/public/passes/check")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("通行证查验", "name=\"code\"");
    }

    @Test
    void revokedByTheCarrierAndExpiredOnTheBusinessClockAreInvalid() {
        String id = approvedPass("豫B12345");
        String code = transport().get("/api/v1/passes/" + id).text("code");
        assertThat(verify(code).body().get("valid").asBoolean()).isTrue();
        ApiClient.Response revoked = transport().post("/api/v1/passes/" + id + "/revoke", Map.of("reason", "车辆报废"));
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
        assertThat(verify(code).body().get("valid").asBoolean()).isFalse();
        assertThat(transport().post("/api/v1/passes/" + id + "/revoke", Map.of()).status()).isEqualTo(409);

        String other = approvedPass("豫C1234D");
        String otherCode = transport().get("/api/v1/passes/" + other).text("code");
        assertThat(verify(otherCode).body().get("valid").asBoolean()).isTrue();
        assertThat(admin.post("/api/v1/admin/clock/advance", Map.of("hours", 72)).status()).isEqualTo(200);
        assertThat(verify(otherCode).body().get("valid").asBoolean()).isFalse();
        assertThat(transport().get("/api/v1/passes/" + other).text("status")).isEqualTo("EXPIRED");
    }

    @Test
    void approvalChecksAgainWhatHeldWhenTheCarrierApplied() {
        String carrier = subject("TRANSPORT", null);
        String served = subject("INDUSTRY", WhitelistStatus.ACTIVE);
        String removedLater = transport().post("/api/v1/passes", request(carrier, "豫A6688D", List.of(served))).text("id");
        subjects.setWhitelistStatus(served, WhitelistStatus.REMOVED, null);
        ApiClient.Response refused = transport().post("/api/v1/passes/" + removedLater + "/approve", Map.of());
        assertThat(refused.status()).as("the served subject left the whitelist (熔断)").isEqualTo(409);
        assertThat(refused.raw()).contains("servedEnterpriseIds[0]");

        String stillServed = subject("INDUSTRY", WhitelistStatus.ACTIVE);
        String ending = transport().post("/api/v1/passes", request(carrier, "豫A6699D", List.of(stillServed))).text("id");
        admin.post("/api/v1/admin/clock/advance", Map.of("hours", 72));
        ApiClient.Response late = transport().post("/api/v1/passes/" + ending + "/approve", Map.of());
        assertThat(late.status()).as("its validity ended while pending").isEqualTo(409);
        assertThat(transport().get("/api/v1/passes/" + ending).text("status")).isEqualTo("PENDING");
    }

    @Test
    void theCarriersOwnUserFilesAndRevokesButCannotDecide() {
        String carrier = subject("TRANSPORT", null);
        String served = subject("COMMERCE", WhitelistStatus.ACTIVE);
        String username = TestUsers.uniqueName("carrier");
        TestUsers.create(admin, username, "ENTERPRISE", XINZHENG, Map.of("enterpriseId", carrier));
        ApiClient own = new ApiClient(port).as(username, TestUsers.PASSWORD);
        ApiClient.Response filed = own.post("/api/v1/passes", request(carrier, "豫A8K9M2", List.of(served)));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String id = filed.text("id");
        assertThat(own.post("/api/v1/passes/" + id + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(own.get("/api/v1/passes").body().get("total").asLong()).isEqualTo(1);
        ApiClient.Response rejectWithout = transport().post("/api/v1/passes/" + id + "/reject", Map.of());
        assertThat(rejectWithout.status()).isEqualTo(400);
        assertThat(rejectWithout.raw()).contains("\"reason\"");

        String other = subject("TRANSPORT", null);
        assertThat(own.post("/api/v1/passes", request(other, "豫A8K9M2", List.of(served))).status())
                .as("another carrier is out of the user's scope").isEqualTo(404);

        assertThat(transport().post("/api/v1/passes/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        ApiClient.Response revoked = own.post("/api/v1/passes/" + id + "/revoke", Map.of());
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
    }

    @Test
    void wrongOfficersAre403AndOtherRegions404() {
        String carrier = subject("TRANSPORT", null);
        String served = subject("INDUSTRY", WhitelistStatus.ACTIVE);
        ApiClient.Response filed = transport().post("/api/v1/passes", request(carrier, "豫AF1234", List.of(served)));
        String id = filed.text("id");
        assertThat(as("sector_industry_xz").post("/api/v1/passes/" + id + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(as("hq_xz").post("/api/v1/passes/" + id + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(as("sector_transport_kf").post("/api/v1/passes/" + id + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(as("sector_transport_kf").get("/api/v1/passes/" + id).status()).isEqualTo(404);
        assertThat(as("sector_transport_kf").post("/api/v1/passes", request(carrier, "豫AF1234", List.of(served))).status())
                .isEqualTo(404);
        assertThat(transport().get("/api/v1/passes/no-such-pass").status()).isEqualTo(404);
        assertThat(as("epi_xz").post("/api/v1/passes", request(carrier, "豫AF1234", List.of(served))).status()).isEqualTo(403);
        assertThat(admin.anonymous().get("/api/v1/passes").status()).isEqualTo(401);
        ApiClient.Response rejected = transport().post("/api/v1/passes/" + id + "/reject", Map.of("reason", "材料不全"));
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("decisionComment")).isEqualTo("材料不全");
    }

    @Test
    void platesAreValidatedInTheMainlandFormat() {
        String carrier = subject("TRANSPORT", null);
        String served = subject("INDUSTRY", WhitelistStatus.ACTIVE);
        for (String good : new String[] {"豫A12345", "豫AD12345", "豫A12345D", "京B12345",
                "粤BDA1234", "豫aX1234", "豫A1234挂"}) {
            ApiClient.Response r = transport().post("/api/v1/passes", request(carrier, good, List.of(served)));
            assertThat(r.status()).as(good + " " + r.raw()).isEqualTo(201);
        }
        for (String bad : new String[] {"豫A1234", "豫A123456", "豫AI2345", "豫AO2345", "XA12345", "豫112345", "豫A12345X",
                "豫AX12345", "豫A1234DD", "豫AD1234A", "豫I12345", "豫O1234挂", "豫A123挂", ""}) {
            ApiClient.Response r = transport().post("/api/v1/passes", request(carrier, bad, List.of(served)));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(fields(r)).as(bad).containsExactly("plateNumber");
        }
    }

    @Test
    void driversDatesAndServedEnterprisesAreValidatedNamingFields() {
        String carrier = subject("TRANSPORT", null);
        String served = subject("INDUSTRY", WhitelistStatus.ACTIVE);
        String notListed = subject("INDUSTRY", null);
        Map<String, Object> m = request(carrier, "豫A12345", List.of(served));
        String good = idNumber("41018419850315123");
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        m.put("drivers", List.of(Map.of("name", "张师傅", "idNumber", wrongCheck, "phone", "12345"),
                Map.of("name", "", "idNumber", idNumber("41018419851332123"), "phone", "13912345678")));
        m.put("validFrom", "2099-01-05");
        m.put("validTo", "2099-01-01");
        ApiClient.Response r = transport().post("/api/v1/passes", m);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fields(r)).containsExactlyInAnyOrder("drivers[0].idNumber", "drivers[0].phone", "drivers[1].name",
                "drivers[1].idNumber", "validTo");
        assertThat(r.raw()).doesNotContain(wrongCheck);

        Map<String, Object> pastAndBackwards = request(carrier, "豫A12345", List.of(served));
        pastAndBackwards.put("validFrom", "2020-01-05");
        pastAndBackwards.put("validTo", "2020-01-01");
        assertThat(fields(transport().post("/api/v1/passes", pastAndBackwards)))
                .as("an end both before the start and past is named once").containsExactly("validTo");

        Map<String, Object> none = request(carrier, "豫A12345", List.of("no-such-enterprise"));
        none.put("drivers", List.of());
        ApiClient.Response r2 = transport().post("/api/v1/passes", none);
        assertThat(fields(r2)).containsExactlyInAnyOrder("drivers", "servedEnterpriseIds[0]");

        ApiClient.Response r3 = transport().post("/api/v1/passes", request(carrier, "豫A12345", List.of(served, notListed)));
        assertThat(r3.status()).as("a served subject off the whitelist is invalid input").isEqualTo(400);
        assertThat(fields(r3)).containsExactly("servedEnterpriseIds[1]");
        String notListedName = subjects.find(notListed, org.sibao.identity.DataScope.system()).orElseThrow().name();
        assertThat(r3.raw()).as("off the whitelist reads as unknown; the register's names stay private")
                .contains(notListed).doesNotContain(notListedName);

        ApiClient.Response r4 = transport().post("/api/v1/passes", request("no-such-carrier", "豫A12345", List.of(served)));
        assertThat(r4.status()).isEqualTo(404);

        ApiClient.Response en = transport().english().post("/api/v1/passes", request(carrier, "X", List.of(served)));
        assertThat(en.raw()).contains("not a mainland plate number");
    }

    @Test
    void driversOfApprovedPassesFormTheTransportWhitelistMasked() {
        String id = approvedPass("豫A7J3K9");
        ApiClient.Response list = transport().get("/api/v1/passes/drivers?regionCode=" + XINZHENG + "&size=500");
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        assertThat(list.raw()).contains(id, "张师傅", "138****5678").doesNotContain("13812345678");
        assertThat(as("sector_transport_kf").get("/api/v1/passes/drivers?regionCode=" + XINZHENG).status()).isEqualTo(404);
        assertThat(as("sector_industry_xz").get("/api/v1/passes/drivers").status()).isEqualTo(403);
        String stored = jdbc.sql("SELECT id_number_cipher FROM pass_driver WHERE pass_id = ?").param(id).query(String.class).single();
        assertThat(stored).doesNotContain("41018419850315");
    }

    @Test
    void aValidCodeShowsTheRouteTheCarrierTheServedAndMaskedDriversButNoPersonalNumbers() throws Exception {
        String carrier = subject("TRANSPORT", null);
        String served = subject("INDUSTRY", WhitelistStatus.ACTIVE);
        String id1 = idNumber("41018419850315123");
        String id2 = idNumber("41018419920720456");
        Map<String, Object> m = request(carrier, "豫AD35791", List.of(served));
        m.put("drivers", List.of(Map.of("name", "张伟", "idNumber", id1, "phone", "13812345678"),
                Map.of("name", "欧阳娜娜", "idNumber", id2, "phone", "13998765432")));
        String id = transport().post("/api/v1/passes", m).text("id");
        ApiClient.Response approved = transport().post("/api/v1/passes/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        String code = approved.text("code");

        ApiClient.Response ok = verify(code);
        assertThat(ok.body().get("valid").asBoolean()).isTrue();
        assertThat(ok.text("plateNumber")).isEqualTo("豫AD35791");
        assertThat(OffsetDateTime.parse(ok.text("validFrom")).toInstant())
                .isEqualTo(OffsetDateTime.parse(approved.text("validFrom")).toInstant());
        assertThat(OffsetDateTime.parse(ok.text("validTo")).toInstant())
                .isEqualTo(OffsetDateTime.parse(approved.text("validTo")).toInstant());
        assertThat(ok.text("origin")).isEqualTo("郑州国际物流园");
        assertThat(ok.text("destination")).isEqualTo("新郑市龙湖镇");
        assertThat(ok.text("carrierName")).isEqualTo(approved.text("carrierName"));
        assertThat(texts(ok.body().get("servedEnterprises")))
                .containsExactly(subjects.find(served, org.sibao.identity.DataScope.system()).orElseThrow().name());
        assertThat(texts(ok.body().get("drivers"))).containsExactly("张*", "欧阳**");
        assertNoPersonalNumbers(ok.raw(), id1, id2);
        assertThat(ok.raw()).doesNotContain("张伟", "欧阳娜娜", carrier, served);

        HttpResponse<String> page = page(code);
        assertThat(page.body()).contains("有效通行证", "豫AD35791", "郑州国际物流园", "新郑市龙湖镇",
                approved.text("carrierName"), texts(ok.body().get("servedEnterprises")).get(0), "张*、欧阳**", "路线（点对点）");
        assertNoPersonalNumbers(page.body(), id1, id2);
        assertThat(page.body()).doesNotContain("张伟", "欧阳娜娜");
        HttpResponse<String> english = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/public/passes/verify?lang=en&code=" + URLEncoder.encode(code,
                        StandardCharsets.UTF_8))).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).contains("Valid pass", "Route (point to point)", "张*、欧阳**");

        String forged = code.substring(0, code.length() - 2) + (code.endsWith("AA") ? "BB" : "AA");
        assertThat(names(verify(forged).body())).as("an invalid code answers as little as before")
                .containsExactly("valid", "plateNumber", "validTo");
        assertThat(page(forged).body()).contains("无效通行证").doesNotContain("豫AD35791", "id=\"pass-why\"");
        transport().post("/api/v1/passes/" + id + "/revoke", Map.of("reason", "车辆停运检修"));
        assertThat(names(verify(code).body())).containsExactly("valid", "plateNumber", "validTo");
        assertThat(page(code).body()).as("an authentic revoked code says so, and nothing more")
                .contains("无效通行证", "已撤销").doesNotContain("豫AD35791", "车辆停运检修", "移出白名单", "郑州国际物流园");
    }

    @Test
    void removingTheOnlyServedSubjectFromTheWhitelistRevokesThePass() throws Exception {
        String carrier = subject("TRANSPORT", null);
        String username = TestUsers.uniqueName("delisted");
        TestUsers.create(admin, username, "ENTERPRISE", XINZHENG, Map.of("enterpriseId", carrier));
        String listed = TestWhitelist.activeEntry(admin, as("sector_industry_xz"), XINZHENG, "新郑熔断测试");
        String listedName = subjects.find(listed, org.sibao.identity.DataScope.system()).orElseThrow().name();
        String stillActive = subject("COMMERCE", WhitelistStatus.ACTIVE);
        String paused = subject("INDUSTRY", WhitelistStatus.ACTIVE);

        String only = approved(carrier, "豫A3R5T7", List.of(listed));
        String shared = approved(carrier, "豫A3R5T8", List.of(listed, stillActive));
        String withPaused = approved(carrier, "豫A3R5T9", List.of(listed, paused));
        String pending = transport().post("/api/v1/passes", request(carrier, "豫A3R6T1", List.of(listed))).text("id");
        String onlyCode = transport().get("/api/v1/passes/" + only).text("code");
        assertThat(verify(onlyCode).body().get("valid").asBoolean()).isTrue();
        // a shutdown (at most 3 days) suspends the entry: its passes stay valid
        subjects.setWhitelistStatus(paused, WhitelistStatus.SUSPENDED, "COUNTY");

        String entry = jdbc.sql("SELECT id FROM wl_entry WHERE enterprise_id = ? AND status = 'ACTIVE'").param(listed)
                .query(String.class).single();
        ApiClient.Response removed = as("sector_industry_xz").post("/api/v1/whitelist/entries/" + entry + "/remove",
                Map.of("reason", "发生聚集性疫情，熔断"));
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        assertThat(verify(onlyCode).body().get("valid").asBoolean()).as("invalid at once").isFalse();

        ApiClient.Response revoked = eventually(() -> transport().get("/api/v1/passes/" + only),
                r -> "REVOKED".equals(r.text("status")));
        assertThat(revoked.text("revokedBy")).isEqualTo("system");
        assertThat(revoked.text("decisionComment")).contains(listedName, "熔断移出白名单");
        assertThat(revoked.raw()).doesNotContain("发生聚集性疫情");
        assertThat(names(verify(onlyCode).body())).containsExactly("valid", "plateNumber", "validTo");
        assertThat(page(onlyCode).body()).contains("无效通行证", "已撤销：服务企业已移出白名单")
                .doesNotContain("豫A3R5T7", listedName, revoked.text("carrierName"), "发生聚集性疫情");

        for (String kept : List.of(shared, withPaused)) {
            assertThat(transport().get("/api/v1/passes/" + kept).text("status")).isEqualTo("APPROVED");
            ApiClient.Response check = verify(transport().get("/api/v1/passes/" + kept).text("code"));
            assertThat(check.body().get("valid").asBoolean()).as("still serves a whitelist subject").isTrue();
            assertThat(texts(check.body().get("servedEnterprises"))).as("only the subjects still listed")
                    .hasSize(1).doesNotContain(listedName);
        }
        assertThat(transport().get("/api/v1/passes/" + pending).text("status")).as("the approval checks again")
                .isEqualTo("PENDING");

        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_type = 'pass' AND entity_id = ?"
                + " AND action = 'passes.revoke'").param(only).query(String.class).list()).containsExactly("system");
        assertThat(jdbc.sql("SELECT after_json FROM audit_log WHERE entity_id = ? AND action = 'passes.revoke'")
                .param(only).query(String.class).single()).contains("REVOKED", listedName);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_id IN (?, ?) AND action = 'passes.revoke'")
                .params(shared, withPaused).query(Long.class).single()).isZero();
        for (String user : List.of(username, "sector_transport_xz", "sector_transport_zz")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                    + " WHERE u.username = ? AND n.message_key = 'passes.notice.delisted' AND n.link = ?")
                    .params(user, "/passes/" + only).query(Long.class).single()).as(user).isEqualTo(1);
        }
        assertThat(new ApiClient(port).as(username, TestUsers.PASSWORD).get("/api/v1/notifications?size=100").raw())
                .contains("豫A3R5T7", listedName, "已移出白名单");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE message_key = 'passes.notice.delisted'"
                + " AND link IN (?, ?)").params("/passes/" + shared, "/passes/" + withPaused).query(Long.class).single())
                .isZero();
    }

    private String approved(String carrier, String plate, List<String> served) {
        ApiClient.Response filed = transport().post("/api/v1/passes", request(carrier, plate, served));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        ApiClient.Response approved = transport().post("/api/v1/passes/" + filed.text("id") + "/approve", Map.of());
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        return filed.text("id");
    }

    private HttpResponse<String> page(String code) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/public/passes/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Neither the drivers' ID numbers nor their phones, in clear or masked. */
    private static void assertNoPersonalNumbers(String text, String... idNumbers) {
        assertThat(text).doesNotContain("****", "idNumber", "phone", "13812345678", "13998765432",
                IdNumbers.maskPhone("13812345678"), IdNumbers.maskPhone("13998765432"));
        for (String id : idNumbers) {
            assertThat(text).doesNotContain(id, IdNumbers.maskId(id));
        }
    }

    private static ApiClient.Response eventually(java.util.function.Supplier<ApiClient.Response> call,
            java.util.function.Predicate<ApiClient.Response> done) {
        long until = System.currentTimeMillis() + 10_000;
        ApiClient.Response r = call.get();
        while (!done.test(r) && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            r = call.get();
        }
        assertThat(done.test(r)).as(r.raw()).isTrue();
        return r;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.propertyNames().forEach(out::add);
        return out;
    }

    private static List<String> fields(ApiClient.Response r) {
        List<String> out = new ArrayList<>();
        JsonNode errors = r.body().get("errors");
        if (errors != null) {
            errors.forEach(e -> out.add(e.get("field").asString()));
        }
        return out;
    }
}
