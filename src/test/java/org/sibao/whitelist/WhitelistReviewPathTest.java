package org.sibao.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The review path where a level has no sector reviewer on the platform: 开封's counties have none in the demo, so
 * their steps are taken by 开封's department ({@code sector_industry_kf}). Each test uses a county and sector no
 * other test gives a sector officer.
 */
@FullStackTest
class WhitelistReviewPathTest {

    private static final String DEMO = "Demo@2022";

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
    void aCountyWithoutReviewerIsReviewedByItsCityThenTheProvince() {
        ApiClient kf = fx.anonymous.as("sector_industry_kf", DEMO);
        ApiClient hn = fx.anonymous.as("sector_industry_hn", DEMO);
        Response submitted = applyAndSubmit("410225", "INDUSTRY", "PROVINCE");
        String id = submitted.text("id");
        assertThat(submitted.text("dueLevel")).as("the county and city steps merge at the city").isEqualTo("CITY");
        assertThat(submitted.text("dueRegionCode")).isEqualTo("410200");
        assertThat(steps(submitted.body())).containsExactly("CITY@410200", "PROVINCE@410000");
        assertThat(noticesOf("sector_industry_kf", id)).as("the city's department is told").isEqualTo(1);

        Response dueForKf = kf.get("/api/v1/whitelist/applications?dueForMe=true&size=500");
        assertThat(dueForKf.status()).isEqualTo(200);
        assertThat(dueForKf.raw()).contains(id);
        Response early = hn.post("/api/v1/whitelist/applications/" + id + "/review", Map.of("decision", "APPROVE"));
        assertThat(early.status()).as("the province not before the city").isEqualTo(403);

        Response byCity = kf.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE", "comment", "市级同意"));
        assertThat(byCity.status()).as(byCity.raw()).isEqualTo(200);
        assertThat(byCity.text("status")).isEqualTo("UNDER_REVIEW");
        assertThat(byCity.text("dueLevel")).isEqualTo("PROVINCE");
        assertThat(byCity.text("dueRegionCode")).isEqualTo("410000");
        assertThat(noticesOf("sector_industry_hn", id)).isEqualTo(1);

        Response byProvince = hn.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE", "comment", "省级同意"));
        assertThat(byProvince.status()).as(byProvince.raw()).isEqualTo(200);
        assertThat(byProvince.text("status")).isEqualTo("APPROVED");
        JsonNode reviews = byProvince.body().get("reviews");
        assertThat(reviews.size()).isEqualTo(2);
        assertThat(reviews.get(0).get("level").asString()).isEqualTo("CITY");
        assertThat(reviews.get(0).get("regionCode").asString()).isEqualTo("410200");
        assertThat(reviews.get(1).get("level").asString()).isEqualTo("PROVINCE");
        assertThat(reviews.get(1).get("regionCode").asString()).isEqualTo("410000");
    }

    @Test
    void aCountyApplicationWithoutCountyReviewerKeepsItsLevelAtTheCity() {
        Response submitted = applyAndSubmit("410225", "COMMERCE", "COUNTY");
        String id = submitted.text("id");
        assertThat(submitted.text("dueLevel")).isEqualTo("COUNTY");
        assertThat(submitted.text("dueRegionCode")).isEqualTo("410200");

        Response approved = fx.anonymous.as("sector_commerce_kf", DEMO).post(
                "/api/v1/whitelist/applications/" + id + "/review", Map.of("decision", "APPROVE"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.body().get("reviews").get(0).get("level").asString()).isEqualTo("COUNTY");
        assertThat(approved.body().get("reviews").get(0).get("regionCode").asString()).isEqualTo("410200");
    }

    @Test
    void aCountyReviewerAddedChangesThePathOfNewApplicationsOnly() {
        String county = "410212";
        Response submitted = applyAndSubmit(county, "INDUSTRY", "CITY");
        String before = submitted.text("id");
        assertThat(submitted.text("dueRegionCode")).isEqualTo("410200");
        assertThat(steps(submitted.body())).containsExactly("CITY@410200");

        ApiClient countyOfficer = fx.sectorOfficer(county, "INDUSTRY");

        Response now = applyAndSubmit(county, "INDUSTRY", "CITY");
        String after = now.text("id");
        assertThat(now.text("dueLevel")).isEqualTo("COUNTY");
        assertThat(now.text("dueRegionCode")).isEqualTo(county);
        assertThat(steps(now.body())).containsExactly("COUNTY@" + county, "CITY@410200");

        ApiClient kf = fx.anonymous.as("sector_industry_kf", DEMO);
        assertThat(kf.post("/api/v1/whitelist/applications/" + after + "/review", Map.of("decision", "APPROVE"))
                .status()).as("the county's own reviewer comes first now").isEqualTo(403);
        Response byCounty = countyOfficer.post("/api/v1/whitelist/applications/" + after + "/review",
                Map.of("decision", "APPROVE"));
        assertThat(byCounty.status()).as(byCounty.raw()).isEqualTo(200);
        assertThat(byCounty.text("dueRegionCode")).isEqualTo("410200");

        Response stillAtCity = kf.post("/api/v1/whitelist/applications/" + before + "/review",
                Map.of("decision", "APPROVE"));
        assertThat(stillAtCity.status()).as("a step already due stays where it was").isEqualTo(200);
        assertThat(stillAtCity.text("status")).isEqualTo("APPROVED");
        assertThat(kf.post("/api/v1/whitelist/applications/" + after + "/review", Map.of("decision", "APPROVE"))
                .text("status")).isEqualTo("APPROVED");
    }

    @Test
    void xinzhengKeepsItsThreeLevels() {
        String county = "410184";
        Response submitted = applyAndSubmit(county, "INDUSTRY", "PROVINCE");
        String id = submitted.text("id");
        assertThat(steps(submitted.body())).containsExactly("COUNTY@410184", "CITY@410100", "PROVINCE@410000");
        assertThat(submitted.text("dueRegionCode")).isEqualTo(county);
        String[] expected = {"410100", "410000", null};
        int i = 0;
        for (String reviewer : List.of("sector_industry_xz", "sector_industry_zz", "sector_industry_hn")) {
            Response r = fx.anonymous.as(reviewer, DEMO).post("/api/v1/whitelist/applications/" + id + "/review",
                    Map.of("decision", "APPROVE"));
            assertThat(r.status()).as(reviewer + r.raw()).isEqualTo(200);
            assertThat(r.body().get("dueRegionCode").isNull() ? null : r.text("dueRegionCode")).isEqualTo(expected[i++]);
        }
    }

    /** A new clean subject of the county applies for the level as its enterprise user and submits. */
    private Response applyAndSubmit(String county, String sector, String level) {
        String subject = fx.subject(county, sector, true);
        ApiClient enterprise = fx.enterpriseUser(county, subject);
        Response created = enterprise.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, level, WhitelistFixture.readyDeclarations()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        Response submitted = enterprise.post("/api/v1/whitelist/applications/" + created.text("id") + "/submit",
                Map.of());
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(200);
        return submitted;
    }

    private static List<String> steps(JsonNode application) {
        List<String> out = new java.util.ArrayList<>();
        application.get("reviewSteps").forEach(s -> out.add(s.get("level").asString() + "@" + s.get("regionCode").asString()));
        return out;
    }

    private long noticesOf(String username, String applicationId) {
        return jdbc.sql("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = ? "
                + "AND n.message_key = 'whitelist.notice.reviewDue' AND n.link = ?")
                .params(username, "/whitelist/applications/" + applicationId).query(Long.class).single();
    }
}
