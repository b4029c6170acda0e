package org.sibao.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The whole whitelist flow through the API, from application to removal (熔断). */
@FullStackTest
class WhitelistFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WhitelistFixture fx;

    @BeforeEach
    void setUp() {
        fx = new WhitelistFixture(port);
    }

    @Test
    void appliesIsReviewedLevelByLevelPublishedActivatedAndRemoved() {
        String county = "410203";
        String subject = fx.subject(county, "INDUSTRY", true);
        ApiClient enterprise = fx.enterpriseUser(county, subject);
        ApiClient countyOfficer = fx.sectorOfficer(county, "INDUSTRY");
        ApiClient cityOfficer = fx.sectorOfficer("410200", "INDUSTRY");

        Response created = enterprise.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "CITY", WhitelistFixture.readyDeclarations()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        JsonNode precheck = created.body().get("precheck");
        assertThat(precheck.get("outcome").asString()).isEqualTo("PASS");
        assertThat(precheck.get("criteria").size()).isGreaterThanOrEqualTo(10);
        JsonNode category = find(precheck.get("criteria"), "CATEGORY");
        assertThat(category.get("outcome").asString()).isEqualTo("PASS");
        assertThat(category.get("detail").asString()).contains("专精特新");
        assertThat(category.get("conditions").size()).isEqualTo(4);
        String id = created.text("id");

        Response submitted = enterprise.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.text("dueRegionCode")).isEqualTo(county);

        Response early = cityOfficer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE", "comment", "同意"));
        assertThat(early.status()).as("the city may not review before the county").isEqualTo(403);

        Response byCounty = countyOfficer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE", "comment", "县级同意"));
        assertThat(byCounty.status()).as(byCounty.raw()).isEqualTo(200);
        assertThat(byCounty.text("status")).isEqualTo("UNDER_REVIEW");
        assertThat(byCounty.text("dueRegionCode")).isEqualTo("410200");

        Response byCity = cityOfficer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE", "comment", "市级同意"));
        assertThat(byCity.status()).as(byCity.raw()).isEqualTo(200);
        assertThat(byCity.text("status")).isEqualTo("APPROVED");
        JsonNode reviews = byCity.body().get("reviews");
        assertThat(reviews.size()).isEqualTo(2);
        assertThat(reviews.get(0).get("level").asString()).isEqualTo("COUNTY");
        assertThat(reviews.get(0).get("regionCode").asString()).isEqualTo(county);
        assertThat(reviews.get(1).get("level").asString()).isEqualTo("CITY");
        assertThat(reviews.get(1).get("comment").asString()).isEqualTo("市级同意");

        Response again = cityOfficer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE"));
        assertThat(again.status()).as("no review after the last level").isEqualTo(409);

        Response history = enterprise.get("/api/v1/whitelist/applications/" + id);
        assertThat(history.status()).isEqualTo(200);
        assertThat(texts(history.body().get("history"), "action")).containsSubsequence("CREATED", "SUBMITTED", "APPROVE",
                "APPROVE");

        Response batch = cityOfficer.post("/api/v1/whitelist/batches", Map.of("name", "第一批", "sector", "INDUSTRY",
                "regionCode", "410200", "applicationIds", List.of(id), "publicityDays", 2));
        assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
        String batchId = batch.text("id");
        Response twice = cityOfficer.post("/api/v1/whitelist/batches", Map.of("name", "第二批", "sector", "INDUSTRY",
                "regionCode", "410200", "applicationIds", List.of(id), "publicityDays", 0));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.raw()).contains(id);

        Response published = cityOfficer.post("/api/v1/whitelist/batches/" + batchId + "/publish", Map.of());
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        JsonNode entry = entryOf(cityOfficer, subject);
        assertThat(entry.get("status").asString()).isEqualTo("PUBLICIZED");
        assertThat(entry.get("batchId").asString()).isEqualTo(batchId);
        assertThat(fx.admin.get("/api/v1/enterprises/" + subject).text("whitelistStatus")).isEqualTo("NONE");

        Response advanced = fx.admin.post("/api/v1/admin/clock/advance", Map.of("hours", 49));
        assertThat(advanced.status()).isEqualTo(200);
        assertThat(fx.admin.get("/api/v1/enterprises/" + subject).text("whitelistStatus"))
                .as("active as soon as the advance answers, before anyone reads the entries").isEqualTo("ACTIVE");

        entry = entryOf(cityOfficer, subject);
        assertThat(entry.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(entry.get("activeSince").isNull()).isFalse();
        assertThat(java.time.OffsetDateTime.parse(entry.get("activeSince").asString()).toInstant())
                .as("active from the end of publicity").isEqualTo(java.time.OffsetDateTime.parse(
                        published.body().has("publicityEndsAt") ? published.text("publicityEndsAt")
                                : entry.get("publicityEndsAt").asString()).toInstant());

        Response pub = fx.anonymous.get("/public/whitelist?regionCode=410200&sector=INDUSTRY");
        assertThat(pub.status()).isEqualTo(200);
        assertThat(pub.raw()).contains(subject.isEmpty() ? "-" : fx.admin.get("/api/v1/enterprises/" + subject).text("uscc"));
        assertThat(pub.raw()).contains("第一批");

        String entryId = entry.get("id").asString();
        Response late = fx.anonymous.post("/public/whitelist/objections", Map.of("entryId", entryId,
                "contactName", "李四", "contactPhone", "13812345678", "reason", "公示结束后才发现问题"));
        assertThat(late.status()).as("objections belong to the publicity period").isEqualTo(409);
        Response noReason = countyOfficer.post("/api/v1/whitelist/entries/" + entryId + "/remove", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        Response removed = countyOfficer.post("/api/v1/whitelist/entries/" + entryId + "/remove",
                Map.of("reason", "未按要求落实防控措施导致疫情输入"));
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        assertThat(removed.text("status")).isEqualTo("REMOVED");
        assertThat(texts(removed.body().get("history"), "toStatus")).containsExactly("PUBLICIZED", "ACTIVE", "REMOVED");
        assertThat(fx.admin.get("/api/v1/enterprises/" + subject).text("whitelistStatus")).isEqualTo("REMOVED");

        Long notices = jdbc.sql("SELECT count(*) FROM notification WHERE message_key = 'whitelist.notice.removed' "
                + "AND args_json LIKE ?").param("%未按要求落实防控措施导致疫情输入%").query(Long.class).single();
        assertThat(notices).as("the enterprise user is notified").isGreaterThanOrEqualTo(1);
        Long audits = jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'WL_ENTRY_REMOVED'")
                .param(entryId).query(Long.class).single();
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void aFailingPrecheckCannotBeSubmitted() {
        String county = "410204";
        String subject = fx.subject(county, "INDUSTRY", false);
        ApiClient officer = fx.sectorOfficer(county, "INDUSTRY");
        Response created = officer.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("precheck").get("outcome").asString()).isEqualTo("FAIL");
        JsonNode accident = find(created.body().get("precheck").get("criteria"), "NO_MAJOR_ACCIDENT");
        assertThat(accident.get("outcome").asString()).isEqualTo("FAIL");
        assertThat(accident.get("detail").asString()).contains("重大安全事故");

        Response submit = officer.post("/api/v1/whitelist/applications/" + created.text("id") + "/submit", Map.of());
        assertThat(submit.status()).isEqualTo(409);
        assertThat(submit.contentType()).contains("application/problem+json");
        assertThat(texts(submit.body().get("errors"), "field")).containsExactly("criteria.NO_MAJOR_ACCIDENT");
    }

    @Test
    void missingDeclarationsAreUnknownAndAReturnedApplicationIsEditedAndResubmitted() {
        String county = "410205";
        String subject = fx.subject(county, "INDUSTRY", true);
        ApiClient enterprise = fx.enterpriseUser(county, subject);
        ApiClient officer = fx.sectorOfficer(county, "INDUSTRY");
        Map<String, Object> partial = WhitelistFixture.readyDeclarations();
        partial.remove("masksStocked");
        Response created = enterprise.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", partial));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("precheck").get("outcome").asString()).isEqualTo("UNKNOWN");
        assertThat(find(created.body().get("precheck").get("criteria"), "SUPPLIES").get("outcome").asString())
                .isEqualTo("UNKNOWN");
        String id = created.text("id");
        assertThat(enterprise.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of()).status()).isEqualTo(200);

        Response noComment = officer.post("/api/v1/whitelist/applications/" + id + "/review", Map.of("decision", "RETURN"));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.raw()).contains("comment");
        Response returned = officer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "RETURN", "comment", "请补充口罩储备情况"));
        assertThat(returned.text("status")).isEqualTo("RETURNED");
        assertThat(enterprise.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE")).status()).as("enterprise users never review").isEqualTo(403);

        Map<String, Object> stated = new java.util.HashMap<>(WhitelistFixture.readyDeclarations());
        stated.put("nucleicTestPointOnSite", true);   // a declaration no criterion names: kept, not refused
        stated.put("remarks", "  已储备口罩2万只  ");
        Response edited = enterprise.put("/api/v1/whitelist/applications/" + id, Map.of("declarations", stated));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.body().get("precheck").get("outcome").asString()).isEqualTo("PASS");
        assertThat(edited.body().get("declarations").get("nucleicTestPointOnSite").asBoolean()).isTrue();
        assertThat(edited.body().get("declarations").get("remarks").asString()).isEqualTo("已储备口罩2万只");
        Response nested = enterprise.put("/api/v1/whitelist/applications/" + id,
                Map.of("declarations", Map.of("stocks", Map.of("masks", 20000), "masksStocked", "maybe")));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.raw()).contains("declarations.stocks", "declarations.masksStocked");
        Response resubmitted = enterprise.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of());
        assertThat(resubmitted.text("status")).isEqualTo("SUBMITTED");
        Response approved = officer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE", "comment", "同意"));
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(texts(approved.body().get("history"), "action")).contains("RETURN", "UPDATED", "RESUBMITTED");
        assertThat(enterprise.put("/api/v1/whitelist/applications/" + id, Map.of("declarations", Map.of())).status())
                .as("no edits once approved").isEqualTo(409);
    }

    @Test
    void anApplicationIsCheckedOnTodaysFactsUntilItIsDecided() {
        String county = "410204";
        String subject = fx.subject(county, "INDUSTRY", true);
        ApiClient officer = fx.sectorOfficer(county, "INDUSTRY");
        Response created = officer.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations()));
        assertThat(created.body().get("precheck").get("outcome").asString()).isEqualTo("PASS");
        String id = created.text("id");
        assertThat(officer.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of()).text("status"))
                .isEqualTo("SUBMITTED");

        // a major quality accident comes to light while the application waits for review
        Map<String, Object> facts = new java.util.HashMap<>();
        fx.admin.get("/api/v1/enterprises/" + subject).body().properties()
                .forEach(e -> facts.put(e.getKey(), e.getValue()));
        String today = java.time.OffsetDateTime.parse(fx.admin.get("/api/v1/admin/clock").text("now")).toLocalDate().toString();
        facts.put("incidents", List.of(Map.of("kind", "QUALITY", "date", today)));
        Response updated = fx.admin.put("/api/v1/enterprises/" + subject, facts);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);

        Response read = officer.get("/api/v1/whitelist/applications/" + id);
        assertThat(read.body().get("precheck").get("outcome").asString()).as("today's facts").isEqualTo("FAIL");
        Response approve = officer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE", "comment", "同意"));
        assertThat(approve.status()).as(approve.raw()).isEqualTo(409);
        JsonNode failed = approve.body().get("criteria").get(0);
        assertThat(failed.get("outcome").asString()).isEqualTo("FAIL");
        assertThat(approve.body().get("errors").get(0).get("field").asString()).isEqualTo("criteria." + failed.get("code").asString());
        assertThat(officer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "REJECT", "comment", "近三年发生重大质量事故")).text("status")).isEqualTo("REJECTED");
    }

    @Test
    void reviewersOutsideTheSubjectsRegionOrSectorDoNotSeeIt() {
        String county = "410202";
        String subject = fx.subject(county, "INDUSTRY", true);
        ApiClient officer = fx.sectorOfficer(county, "INDUSTRY");
        Response created = officer.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations()));
        String id = created.text("id");
        officer.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of());

        ApiClient otherCounty = fx.sectorOfficer("410203", "INDUSTRY");
        ApiClient otherSector = fx.sectorOfficer(county, "COMMERCE");
        ApiClient hq = fx.user("HQ_OFFICER", county, Map.of());
        Map<String, Object> approve = Map.of("decision", "APPROVE", "comment", "同意");
        assertThat(otherCounty.post("/api/v1/whitelist/applications/" + id + "/review", approve).status()).isEqualTo(404);
        assertThat(otherSector.post("/api/v1/whitelist/applications/" + id + "/review", approve).status()).isEqualTo(404);
        assertThat(otherCounty.get("/api/v1/whitelist/applications/" + id).status()).isEqualTo(404);
        assertThat(hq.post("/api/v1/whitelist/applications/" + id + "/review", approve).status()).isEqualTo(403);
        assertThat(hq.post("/api/v1/whitelist/applications", WhitelistFixture.application(subject, "COUNTY", Map.of()))
                .status()).as("only the enterprise, its liaison or its sector officer apply").isEqualTo(403);
        assertThat(otherCounty.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", Map.of())).status()).isEqualTo(404);
        Response bad = officer.post("/api/v1/whitelist/applications/" + id + "/review", Map.of("decision", "MAYBE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(officer.post("/api/v1/whitelist/applications/" + id + "/review", approve).text("status"))
                .isEqualTo("APPROVED");
    }

    static JsonNode entryOf(ApiClient client, String subject) {
        Response list = client.get("/api/v1/whitelist/entries?sector=INDUSTRY&size=500");
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode e : list.body().get("items")) {
            if (e.get("enterpriseId").asString().equals(subject)) {
                return e;
            }
        }
        throw new AssertionError("no entry for " + subject + ": " + list.raw());
    }

    static JsonNode find(JsonNode criteria, String code) {
        for (JsonNode c : criteria) {
            if (c.get("code").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + code);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }
}
