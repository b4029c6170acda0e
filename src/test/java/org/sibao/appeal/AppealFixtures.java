package org.sibao.appeal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sibao.subject.TestSubjects;
import org.sibao.support.ApiClient;
import org.sibao.support.TestUsers;

/** Own subjects and users for appeal tests, so that classes sharing one context never see each other's data. */
final class AppealFixtures {

    static final String DEMO = "Demo@2022";

    private AppealFixtures() {
    }

    /** A new enterprise in {@code county}, created by admin; returns its id. */
    static String subject(ApiClient admin, String county, String name) {
        ApiClient.Response r = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc(county), name + TestSubjects.token(), county, "INDUSTRY"));
        if (r.status() != 201) {
            throw new IllegalStateException(r.raw());
        }
        return r.text("id");
    }

    /** A new user signed in; {@code extra} as for {@code POST /admin/users}. */
    static ApiClient user(ApiClient admin, int port, String role, String region, Map<String, String> extra) {
        String name = TestUsers.uniqueName(role.toLowerCase());
        TestUsers.create(admin, name, role, region, extra);
        return new ApiClient(port).as(name, TestUsers.PASSWORD);
    }

    static Map<String, Object> appeal(String enterpriseId, String category, String title, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", enterpriseId);
        m.put("category", category);
        m.put("title", title);
        m.put("description", description);
        m.put("urgency", "NORMAL");
        return m;
    }
}
