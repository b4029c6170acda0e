package org.sibao.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Criteria validation and versioning, and objections on the public page. */
@FullStackTest
class WhitelistCriteriaAndObjectionTest {

    @LocalServerPort
    int port;

    WhitelistFixture fx;

    @BeforeEach
    void setUp() {
        fx = new WhitelistFixture(port);
    }

    @Test
    void criteriaAreValidatedAndVersionedAndAnApplicationKeepsItsVersion() {
        // CULTURE_TOURISM at county level: no other test publishes these
        ApiClient officer = fx.sectorOfficer("410221", "CULTURE_TOURISM");
        Response seeded = officer.get("/api/v1/whitelist/criteria?sector=CULTURE_TOURISM&level=COUNTY");
        assertThat(seeded.status()).isEqualTo(200);
        assertThat(seeded.body().get("criteria").size()).isGreaterThanOrEqualTo(10);
        assertThat(seeded.body().get("criteria").get(0).get("preview").asString()).contains("河南省");
        int version = seeded.body().get("version").asInt();

        String subject = fx.subject("410221", "CULTURE_TOURISM", true);
        Response app = officer.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations()));
        assertThat(app.status()).isEqualTo(201);
        assertThat(app.body().get("criteriaVersion").asInt()).isEqualTo(version);

        Map<String, Object> bad = Map.of("criteria", List.of(Map.of("code", "X1", "title", "测试", "kind", "ELIGIBILITY",
                "rule", Map.of("fact", "shoeSize", "op", "eq", "value", 1))));
        Response invalid = officer.post("/api/v1/whitelist/criteria?sector=CULTURE_TOURISM&level=COUNTY", bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(WhitelistFlowTest.texts(invalid.body().get("errors"), "field")).contains("criteria[0].rule.fact");

        ApiClient cityOfficer = fx.sectorOfficer("410200", "CULTURE_TOURISM");
        Map<String, Object> good = Map.of("note", "只要求员工人数", "criteria", List.of(Map.of("code", "STAFF",
                "title", "员工人数不少于10人", "kind", "ELIGIBILITY",
                "rule", Map.of("fact", "employees", "op", "gte", "value", 10))));
        assertThat(cityOfficer.post("/api/v1/whitelist/criteria?sector=CULTURE_TOURISM&level=COUNTY", good).status())
                .as("a city officer does not author county criteria").isEqualTo(403);
        Response published = officer.post("/api/v1/whitelist/criteria?sector=CULTURE_TOURISM&level=COUNTY", good);
        assertThat(published.status()).as(published.raw()).isEqualTo(201);
        assertThat(published.body().get("version").asInt()).isEqualTo(version + 1);
        assertThat(published.body().get("criteria").get(0).get("preview").asString()).contains("员工人数");

        Response old = officer.get("/api/v1/whitelist/criteria?sector=CULTURE_TOURISM&level=COUNTY&version=" + version);
        assertThat(old.body().get("criteria").size()).isEqualTo(seeded.body().get("criteria").size());
        Response kept = officer.get("/api/v1/whitelist/applications/" + app.text("id"));
        assertThat(kept.body().get("criteriaVersion").asInt()).isEqualTo(version);
        assertThat(kept.body().get("precheck").get("criteria").size()).isEqualTo(seeded.body().get("criteria").size());

        // 杞县's criteria are 杞县's: a subject of 通许县 next door is still checked against the default
        assertThat(published.body().get("regionCode").asString()).isEqualTo("410221");
        String neighbour = fx.subject("410222", "CULTURE_TOURISM", true);
        Response there = fx.sectorOfficer("410222", "CULTURE_TOURISM").post("/api/v1/whitelist/applications",
                WhitelistFixture.application(neighbour, "COUNTY", WhitelistFixture.readyDeclarations()));
        assertThat(there.status()).as(there.raw()).isEqualTo(201);
        assertThat(there.body().get("criteriaVersion").asInt()).as("not a sibling county's criteria").isEqualTo(version);
        Response here = officer.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(fx.subject("410221", "CULTURE_TOURISM", true), "COUNTY",
                        WhitelistFixture.readyDeclarations()));
        assertThat(here.body().get("criteriaVersion").asInt()).isEqualTo(version + 1);
        assertThat(cityOfficer.get("/api/v1/whitelist/criteria?sector=CULTURE_TOURISM&level=COUNTY&regionCode=410222")
                .body().get("version").asInt()).isEqualTo(version);
        assertThat(cityOfficer.get("/api/v1/whitelist/criteria?sector=CULTURE_TOURISM&level=COUNTY&regionCode=410221")
                .body().get("version").asInt()).isEqualTo(version + 1);
    }

    @Test
    void objectionsHoldActivationUntilDecidedAndASustainedOneWithdrawsTheEntry() {
        String county = "410222";
        ApiClient officer = fx.sectorOfficer(county, "INDUSTRY");
        String kept = approvedApplication(officer, county);
        String withdrawn = approvedApplication(officer, county);
        Response batch = officer.post("/api/v1/whitelist/batches", Map.of("name", "异议测试批", "sector", "INDUSTRY",
                "regionCode", county, "applicationIds", List.of(kept, withdrawn), "publicityDays", 1));
        assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
        assertThat(officer.post("/api/v1/whitelist/batches/" + batch.text("id") + "/publish", Map.of()).status())
                .isEqualTo(200);
        String keptSubject = officer.get("/api/v1/whitelist/applications/" + kept).text("enterpriseId");
        String withdrawnSubject = officer.get("/api/v1/whitelist/applications/" + withdrawn).text("enterpriseId");
        String keptEntry = WhitelistFlowTest.entryOf(officer, keptSubject).get("id").asString();
        String withdrawnEntry = WhitelistFlowTest.entryOf(officer, withdrawnSubject).get("id").asString();

        WebClient web = new WebClient(port);
        // the JSON answer of the public list carries no form; any page of the session supplies the CSRF token
        assertThat(web.get("/public/whitelist").body()).contains(keptEntry);
        web.get("/login");
        WebClient.Page badPhone = web.post("/public/whitelist/objections", Map.of("entryId", keptEntry,
                "contactName", "李四", "contactPhone", "12345", "reason", "不符合条件"));
        assertThat(badPhone.body()).contains("手机号码");
        for (String entry : List.of(keptEntry, withdrawnEntry)) {
            WebClient.Page lodged = web.post("/public/whitelist/objections", Map.of("entryId", entry,
                    "contactName", "李四", "contactPhone", "13912345678", "reason", "该企业近期发生安全事故"));
            assertThat(lodged.status()).isEqualTo(302);
        }

        fx.admin.post("/api/v1/admin/clock/advance", Map.of("hours", 25));
        assertThat(WhitelistFlowTest.entryOf(officer, keptSubject).get("status").asString())
                .as("an open objection holds activation").isEqualTo("PUBLICIZED");

        JsonNode open = officer.get("/api/v1/whitelist/objections?status=OPEN").body().get("items");
        String keptObjection = null;
        String withdrawnObjection = null;
        for (JsonNode o : open) {
            if (o.get("entryId").asString().equals(keptEntry)) {
                keptObjection = o.get("id").asString();
                assertThat(o.get("contactPhone").asString()).isEqualTo("139****5678");
            }
            if (o.get("entryId").asString().equals(withdrawnEntry)) {
                withdrawnObjection = o.get("id").asString();
            }
        }
        assertThat(keptObjection).isNotNull();
        assertThat(withdrawnObjection).isNotNull();

        Response dismissed = officer.post("/api/v1/whitelist/objections/" + keptObjection + "/dismiss",
                Map.of("comment", "经核实不属实"));
        assertThat(dismissed.text("status")).isEqualTo("DISMISSED");
        assertThat(WhitelistFlowTest.entryOf(officer, keptSubject).get("status").asString()).isEqualTo("ACTIVE");

        Response sustained = officer.post("/api/v1/whitelist/objections/" + withdrawnObjection + "/sustain",
                Map.of("comment", "经核实近三年发生重大安全事故"));
        assertThat(sustained.text("status")).isEqualTo("SUSTAINED");
        assertThat(WhitelistFlowTest.entryOf(officer, withdrawnSubject).get("status").asString()).isEqualTo("WITHDRAWN");
        Response app = officer.get("/api/v1/whitelist/applications/" + withdrawn);
        assertThat(app.text("status")).isEqualTo("REJECTED");
        assertThat(app.text("decisionReason")).contains("重大安全事故");
        assertThat(officer.post("/api/v1/whitelist/objections/" + withdrawnObjection + "/dismiss", Map.of()).status())
                .isEqualTo(409);
    }

    private String approvedApplication(ApiClient officer, String county) {
        String subject = fx.subject(county, "INDUSTRY", true);
        Response created = officer.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations()));
        String id = created.text("id");
        officer.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of());
        Response r = officer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE", "comment", "同意"));
        assertThat(r.text("status")).isEqualTo("APPROVED");
        return id;
    }
}
