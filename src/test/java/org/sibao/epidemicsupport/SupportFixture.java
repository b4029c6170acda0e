package org.sibao.epidemicsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.epidemic.EpidemicFixtures;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** Subjects, users and support bodies for the epidemic-support tests (counties 410922, 410923, 410926 of 濮阳). */
public final class SupportFixture {

    public static final String PUYANG = "410900";
    public static final String QINGFENG = "410922";
    public static final String NANLE = "410923";
    public static final String FANXIAN = "410926";

    public final ApiClient admin;
    private final int port;
    private final EpidemicFixtures fx;

    public SupportFixture(int port, Subjects subjects) {
        this.port = port;
        this.admin = new ApiClient(port).as("admin", "Admin@2022");
        this.fx = new EpidemicFixtures(admin, subjects);
    }

    /** A fresh INDUSTRY subject of the county, ACTIVE on the whitelist. */
    public String activeSubject(String county) {
        return fx.activeSubject(county);
    }

    /** A fresh subject of the county, not on the whitelist. */
    public String subject(String county) {
        return fx.subject(county);
    }

    /** A fresh user of a role at a region (extra: sector, enterpriseId …); its username. */
    public String user(String role, String region, Map<String, String> extra) {
        String username = TestUsers.uniqueName(role.toLowerCase(java.util.Locale.ROOT).substring(0, 3));
        TestUsers.create(admin, username, role, region, extra);
        return username;
    }

    /** A fresh liaison of the region serving the enterprise; its username. */
    public String liaisonOf(String region, String enterpriseId) {
        String username = TestUsers.uniqueName("lia");
        String id = TestUsers.create(admin, username, "LIAISON", region, Map.of()).text("id");
        ApiClient.Response r = admin.post("/api/v1/liaisons/" + id + "/enterprises/" + enterpriseId, Map.of());
        assertThat(r.status()).as(r.raw()).isIn(200, 201, 204);
        return username;
    }

    public String user(String role, String region) {
        return user(role, region, Map.of());
    }

    public ApiClient as(String username) {
        return new ApiClient(port).as(username, TestUsers.PASSWORD);
    }

    public static Map<String, Object> staff(String name, String organisation, String phone) {
        return fields("name", name, "organisation", organisation, "phone", phone);
    }

    public static Map<String, Object> institution(String name, String contactName, String phone) {
        return fields("name", name, "contactName", contactName, "phone", phone);
    }

    /** A body of field names and values, in order (null values kept). */
    private static Map<String, Object> fields(String... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    public static Map<String, Object> support(List<Map<String, Object>> staff, Map<String, Object> institution) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("staff", staff);
        m.put("institution", institution);
        return m;
    }

    public static ApiClient.Response put(ApiClient client, String enterpriseId, Map<String, Object> body) {
        return client.put("/api/v1/enterprises/" + enterpriseId + "/epidemic-support", body);
    }

    /** The board row of a subject as the client sees it in a region, or null. */
    public static JsonNode row(ApiClient client, String regionCode, String query, String enterpriseId) {
        JsonNode body = client.get("/api/v1/epidemic-support/coverage?size=500&regionCode=" + regionCode
                + (query == null ? "" : "&" + query)).body();
        for (JsonNode r : body.get("items")) {
            if (r.get("enterpriseId").asString().equals(enterpriseId)) {
                return r;
            }
        }
        return null;
    }

    public static List<String> fields(ApiClient.Response r) {
        List<String> out = new ArrayList<>();
        r.body().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    public static void ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }
}
