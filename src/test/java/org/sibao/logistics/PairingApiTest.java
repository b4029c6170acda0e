package org.sibao.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Pairing (结对合作) over the API: the state machine with its 409s and 400s, who may act, scope, and the ranking of
 * suggestions. Uses 鹤壁 (4106xx), where neither the demo data nor other tests put subjects.
 */
@FullStackTest
class PairingApiTest {

    static final String HEBI = "410600";
    static final String XUNXIAN = "410621";
    static final String QIXIAN = "410622";
    static final String XINXIANG_HONGQI = "410702";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
    }

    private ApiClient user(String role, String region, Map<String, String> extra) {
        String name = TestUsers.uniqueName("pair_" + role.toLowerCase());
        TestUsers.create(admin, name, role, region, extra);
        return new ApiClient(port).as(name, TestUsers.PASSWORD);
    }

    private ApiClient hq() {
        return user("HQ_OFFICER", HEBI, Map.of());
    }

    private ApiClient enterpriseUser(String enterpriseId, String region) {
        return user("ENTERPRISE", region, Map.of("enterpriseId", enterpriseId));
    }

    private String subject(String region, String sector, String industry, WhitelistStatus status, String name) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc(region), name + TestSubjects.token(), region, sector);
        body.put("industryCode", industry);
        ApiClient.Response r = admin.post("/api/v1/enterprises", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        if (status != null) {
            subjects.setWhitelistStatus(r.text("id"), status, "COUNTY");
        }
        return r.text("id");
    }

    private String industry(String region) {
        return subject(region, "INDUSTRY", "36", null, "鹤壁结对需求");
    }

    private String transport(String region, WhitelistStatus status) {
        return subject(region, "TRANSPORT", "54", status, "鹤壁结对运输");
    }

    private static Map<String, Object> proposal(String demand, String supply, String kind) {
        Map<String, Object> m = new HashMap<>();
        m.put("demandEnterpriseId", demand);
        m.put("supplyEnterpriseId", supply);
        m.put("kind", kind);
        m.put("note", "保障原材料运输");
        return m;
    }

    private static List<String> fields(ApiClient.Response r) {
        List<String> out = new ArrayList<>();
        JsonNode errors = r.body().get("errors");
        if (errors != null) {
            errors.forEach(e -> out.add(e.get("field").asString()));
        }
        return out;
    }

    @Test
    void proposedConfirmedEndedWithConflictsOnIllegalTransitions() {
        String demand = industry(XUNXIAN);
        String supply = transport(XUNXIAN, null);
        ApiClient hq = hq();
        ApiClient demandUser = enterpriseUser(demand, XUNXIAN);
        ApiClient supplyUser = enterpriseUser(supply, XUNXIAN);

        ApiClient.Response proposed = hq.post("/api/v1/pairings", proposal(demand, supply, "TRANSPORT"));
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
        assertThat(proposed.text("status")).isEqualTo("PROPOSED");
        assertThat(proposed.text("kind")).isEqualTo("TRANSPORT");
        assertThat(proposed.text("demandSector")).isEqualTo("INDUSTRY");
        String id = proposed.text("id");
        assertThat(supplyUser.get("/api/v1/notifications").raw()).contains("/pairings/" + id);

        ApiClient.Response duplicate = hq.post("/api/v1/pairings", proposal(demand, supply, "TRANSPORT"));
        assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(409);
        assertThat(duplicate.contentType()).contains("problem+json");
        assertThat(demandUser.post("/api/v1/pairings/" + id + "/end", Map.of()).status()).isEqualTo(409);
        assertThat(demandUser.post("/api/v1/pairings/" + id + "/confirm", Map.of()).status()).isEqualTo(403);

        ApiClient.Response confirmed = supplyUser.post("/api/v1/pairings/" + id + "/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("ACTIVE");
        ApiClient.Response again = supplyUser.post("/api/v1/pairings/" + id + "/confirm", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asString()).contains("当前状态").as("the state in words")
                .contains("结对中").doesNotContain("ACTIVE");
        assertThat(supplyUser.post("/api/v1/pairings/" + id + "/decline", Map.of()).status()).isEqualTo(409);
        assertThat(demandUser.get("/api/v1/notifications").raw()).contains("/pairings/" + id);

        ApiClient.Response ended = demandUser.post("/api/v1/pairings/" + id + "/end", Map.of("reason", "疫情缓解"));
        assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
        assertThat(ended.text("status")).isEqualTo("ENDED");
        assertThat(ended.text("reason")).isEqualTo("疫情缓解");
        assertThat(hq.post("/api/v1/pairings/" + id + "/end", Map.of()).status()).isEqualTo(409);
        assertThat(hq.get("/api/v1/pairings/" + id).text("status")).isEqualTo("ENDED");

        // the demand enterprise proposes itself; the supply side declines; nothing follows a decline
        ApiClient.Response own = demandUser.post("/api/v1/pairings", proposal(demand, supply, "TRANSPORT"));
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
        ApiClient.Response declined = supplyUser.post("/api/v1/pairings/" + own.text("id") + "/decline",
                Map.of("reason", "运力不足"));
        assertThat(declined.text("status")).isEqualTo("DECLINED");
        assertThat(hq.post("/api/v1/pairings/" + own.text("id") + "/confirm", Map.of()).status()).isEqualTo(409);

        // the HQ confirms and ends on the parties' behalf
        String third = hq.post("/api/v1/pairings", proposal(demand, supply, "TRANSPORT")).text("id");
        assertThat(hq.post("/api/v1/pairings/" + third + "/confirm", Map.of()).text("status")).isEqualTo("ACTIVE");
        assertThat(supplyUser.post("/api/v1/pairings/" + third + "/end", Map.of()).text("status")).isEqualTo("ENDED");

        // a supply enterprise cannot propose, and an enterprise cannot propose for another demand subject
        assertThat(supplyUser.post("/api/v1/pairings", proposal(demand, supply, "TRANSPORT")).status()).isEqualTo(400);
    }

    @Test
    void invalidProposalsNameTheirFields() {
        ApiClient hq = hq();
        String demand = industry(XUNXIAN);
        String carrier = transport(XUNXIAN, null);
        String shop = subject(XUNXIAN, "COMMERCE", "52", null, "鹤壁结对商贸");
        String hotel = subject(XUNXIAN, "COMMERCE", "61", null, "鹤壁结对宾馆");

        ApiClient.Response empty = hq.post("/api/v1/pairings", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).contains("demandEnterpriseId", "supplyEnterpriseId", "kind");
        assertThat(fields(hq.post("/api/v1/pairings", proposal(demand, carrier, "FERRY")))).containsExactly("kind");
        assertThat(fields(hq.post("/api/v1/pairings", proposal(carrier, carrier, "TRANSPORT"))))
                .containsExactly("demandEnterpriseId");
        assertThat(fields(hq.post("/api/v1/pairings", proposal(demand, shop, "TRANSPORT"))))
                .containsExactly("supplyEnterpriseId");
        assertThat(fields(hq.post("/api/v1/pairings", proposal(demand, shop, "LODGING"))))
                .containsExactly("supplyEnterpriseId");
        assertThat(fields(hq.post("/api/v1/pairings", proposal("no-such-subject", carrier, "TRANSPORT"))))
                .containsExactly("demandEnterpriseId");
        ApiClient.Response english = hq.english().post("/api/v1/pairings", proposal(demand, shop, "TRANSPORT"));
        assertThat(english.body().get("errors").get(0).get("message").asString()).contains("does not fit");
        ApiClient.Response chinese = hq.post("/api/v1/pairings", proposal(demand, shop, "TRANSPORT"));
        assertThat(chinese.body().get("errors").get(0).get("message").asString()).contains("结对类型");

        assertThat(hq.post("/api/v1/pairings", proposal(demand, hotel, "LODGING")).status()).isEqualTo(201);
        assertThat(hq.post("/api/v1/pairings", proposal(demand, shop, "SUPPLY")).status()).isEqualTo(201);
        ApiClient industryOfficer = user("SECTOR_OFFICER", HEBI, Map.of("sector", "INDUSTRY"));
        assertThat(industryOfficer.post("/api/v1/pairings", proposal(demand, carrier, "TRANSPORT")).status()).isEqualTo(201);
        ApiClient tourismOfficer = user("SECTOR_OFFICER", HEBI, Map.of("sector", "CULTURE_TOURISM"));
        assertThat(tourismOfficer.post("/api/v1/pairings", proposal(demand, hotel, "LODGING")).status()).isEqualTo(403);
        assertThat(industryOfficer.post("/api/v1/pairings/" + "x" + "/confirm", Map.of()).status()).isEqualTo(404);
        assertThat(hq.get("/api/v1/pairings?status=WHATEVER").status()).isEqualTo(400);
    }

    @Test
    void anotherRegionsOfficerSeesNothing() {
        String demand = industry(XUNXIAN);
        String supply = transport(XUNXIAN, null);
        ApiClient hq = hq();
        String id = hq.post("/api/v1/pairings", proposal(demand, supply, "TRANSPORT")).text("id");

        ApiClient kaifeng = new ApiClient(port).as("hq_kf", "Demo@2022");
        assertThat(kaifeng.get("/api/v1/pairings/" + id).status()).isEqualTo(404);
        assertThat(kaifeng.post("/api/v1/pairings/" + id + "/confirm", Map.of()).status()).isEqualTo(404);
        assertThat(kaifeng.get("/api/v1/pairings?enterpriseId=" + demand).body().get("total").asLong()).isZero();
        assertThat(fields(kaifeng.post("/api/v1/pairings", proposal(demand, supply, "TRANSPORT"))))
                .contains("demandEnterpriseId", "supplyEnterpriseId");
        assertThat(kaifeng.get("/api/v1/enterprises/" + demand + "/pairing-suggestions?kind=TRANSPORT").status())
                .isEqualTo(404);
        assertThat(new ApiClient(port).as("ent_kf", "Demo@2022").get("/api/v1/pairings/" + id).status()).isEqualTo(404);

        ApiClient.Response list = hq.get("/api/v1/pairings?regionCode=" + HEBI + "&status=PROPOSED&enterpriseId=" + demand);
        assertThat(list.body().get("total").asLong()).isEqualTo(1);
        assertThat(list.body().get("items").get(0).get("id").asString()).isEqualTo(id);
        ApiClient transportOfficer = user("SECTOR_OFFICER", HEBI, Map.of("sector", "TRANSPORT"));
        assertThat(transportOfficer.get("/api/v1/pairings/" + id).status()).isEqualTo(200);
        ApiClient commerceOfficer = user("SECTOR_OFFICER", HEBI, Map.of("sector", "COMMERCE"));
        assertThat(commerceOfficer.get("/api/v1/pairings/" + id).status()).isEqualTo(404);
    }

    @Test
    void suggestionsRankByPlaceWhitelistAndLoad() {
        String demand = industry(XUNXIAN);
        String countyPlain = transport(XUNXIAN, null);
        String countyWhitelisted = transport(XUNXIAN, WhitelistStatus.ACTIVE);
        String countyBusy = transport(XUNXIAN, WhitelistStatus.ACTIVE);
        String cityWhitelisted = transport(QIXIAN, WhitelistStatus.ACTIVE);
        String province = transport(XINXIANG_HONGQI, WhitelistStatus.ACTIVE);
        String paired = transport(XUNXIAN, WhitelistStatus.ACTIVE);
        String shop = subject(XUNXIAN, "COMMERCE", "52", WhitelistStatus.ACTIVE, "鹤壁结对商贸");
        String hotel = subject(XUNXIAN, "COMMERCE", "62", null, "鹤壁结对饭店");
        ApiClient hq = hq();
        String other = industry(XUNXIAN);
        String busy = hq.post("/api/v1/pairings", proposal(other, countyBusy, "TRANSPORT")).text("id");
        assertThat(hq.post("/api/v1/pairings/" + busy + "/confirm", Map.of()).status()).isEqualTo(200);
        assertThat(hq.post("/api/v1/pairings", proposal(demand, paired, "TRANSPORT")).status()).isEqualTo(201);

        ApiClient demandUser = enterpriseUser(demand, XUNXIAN);
        ApiClient.Response r = demandUser.get("/api/v1/enterprises/" + demand + "/pairing-suggestions?kind=TRANSPORT&limit=50");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> mine = List.of(countyPlain, countyWhitelisted, countyBusy, cityWhitelisted, province, paired, shop);
        List<String> order = new ArrayList<>();
        Map<String, JsonNode> byId = new HashMap<>();
        r.body().get("items").forEach(i -> {
            if (mine.contains(i.get("enterpriseId").asString())) {
                order.add(i.get("enterpriseId").asString());
                byId.put(i.get("enterpriseId").asString(), i);
            }
        });
        assertThat(order).containsExactly(countyWhitelisted, countyBusy, countyPlain, cityWhitelisted, province);
        assertThat(byId.get(countyBusy).get("activePairings").asInt()).isEqualTo(1);
        assertThat(byId.get(countyWhitelisted).get("proximity").asString()).isEqualTo("COUNTY");
        assertThat(byId.get(cityWhitelisted).get("proximity").asString()).isEqualTo("CITY");
        assertThat(byId.get(province).get("proximity").asString()).isEqualTo("PROVINCE");

        List<String> lodging = new ArrayList<>();
        hq.get("/api/v1/enterprises/" + demand + "/pairing-suggestions?kind=LODGING&limit=50").body().get("items")
                .forEach(i -> lodging.add(i.get("enterpriseId").asString()));
        assertThat(lodging).contains(hotel).doesNotContain(shop, countyPlain);
        List<String> supply = new ArrayList<>();
        hq.get("/api/v1/enterprises/" + demand + "/pairing-suggestions?kind=SUPPLY&limit=50").body().get("items")
                .forEach(i -> supply.add(i.get("enterpriseId").asString()));
        assertThat(supply).contains(shop, hotel).doesNotContain(countyPlain);
        // a county officer only gets candidates a proposal can reach: its own county
        ApiClient countyHq = user("HQ_OFFICER", XUNXIAN, Map.of());
        List<String> near = new ArrayList<>();
        countyHq.get("/api/v1/enterprises/" + demand + "/pairing-suggestions?kind=TRANSPORT&limit=50").body().get("items")
                .forEach(i -> near.add(i.get("enterpriseId").asString()));
        assertThat(near).contains(countyWhitelisted).doesNotContain(cityWhitelisted, province);

        assertThat(fields(hq.get("/api/v1/enterprises/" + demand + "/pairing-suggestions"))).containsExactly("kind");
        assertThat(fields(hq.get("/api/v1/enterprises/" + countyPlain + "/pairing-suggestions?kind=TRANSPORT")))
                .containsExactly("enterpriseId");
    }
}
