package org.sibao.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.epidemic.EpidemicFixtures;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** Subjects, liaisons and visits for the liaison-visit tests. */
public final class VisitFixture {

    public final ApiClient admin;
    private final int port;
    private final EpidemicFixtures fx;

    public VisitFixture(int port, Subjects subjects) {
        this.port = port;
        this.admin = new ApiClient(port).as("admin", "Admin@2022");
        this.fx = new EpidemicFixtures(admin, subjects);
    }

    /** A fresh subject of the county, ACTIVE on the whitelist. */
    public String activeSubject(String county) {
        return fx.activeSubject(county);
    }

    /** A fresh liaison of the region (username, id). */
    public String[] liaison(String region) {
        String username = TestUsers.uniqueName("lia");
        String id = TestUsers.create(admin, username, "LIAISON", region, Map.of()).text("id");
        return new String[] {username, id};
    }

    public void assign(String liaisonId, String enterpriseId) {
        ApiClient.Response r = admin.post("/api/v1/liaisons/" + liaisonId + "/enterprises/" + enterpriseId, Map.of());
        assertThat(r.status()).as(r.raw()).isIn(200, 201, 204);
    }

    public ApiClient as(String username) {
        return new ApiClient(port).as(username, TestUsers.PASSWORD);
    }

    /** The business date today (the drill clock may have moved). */
    public LocalDate today() {
        return fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    public static Map<String, Object> visit(LocalDate on, String method, String findings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("visitedOn", on.toString());
        m.put("method", method);
        m.put("findings", findings);
        return m;
    }

    /** The board row of an enterprise as the client sees it (every page of its region's board), or null. */
    public static JsonNode row(ApiClient client, String regionCode, String enterpriseId) {
        for (int page = 0; page < 20; page++) {
            JsonNode body = client.get("/api/v1/liaison-duty?size=500&page=" + page
                    + (regionCode == null ? "" : "&regionCode=" + regionCode)).body();
            for (JsonNode r : body.get("items")) {
                if (r.get("enterpriseId").asString().equals(enterpriseId)) {
                    return r;
                }
            }
            if (body.get("items").size() < 500) {
                return null;
            }
        }
        return null;
    }

    public static List<String> fields(ApiClient.Response r) {
        List<String> out = new java.util.ArrayList<>();
        r.body().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }
}
