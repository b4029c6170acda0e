package org.sibao.whitelist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sibao.subject.TestSubjects;
import org.sibao.support.ApiClient;
import org.sibao.support.TestUsers;
import org.sibao.support.TestWhitelist;

/** Subjects, users and applications of the whitelist tests, each test with its own. */
public final class WhitelistFixture {

    final ApiClient anonymous;
    final ApiClient admin;

    WhitelistFixture(int port) {
        anonymous = new ApiClient(port);
        admin = anonymous.as("admin", "Admin@2022");
    }

    /** A subject that meets every seeded INDUSTRY criterion (no incidents, flags SPECIALIZED). */
    String subject(String county, String sector, boolean clean) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc(county),
                "白名单测试企业" + TestSubjects.token(), county, sector);
        if (clean) {
            body.put("incidents", List.of());
        } else {
            // a major safety accident a year before the business clock's today: inside the 3-year exclusion
            String now = admin.get("/api/v1/admin/clock").text("now");
            String date = java.time.OffsetDateTime.parse(now).toLocalDate().minusYears(1).toString();
            body.put("incidents", List.of(Map.of("kind", "SAFETY", "date", date)));
        }
        ApiClient.Response r = admin.post("/api/v1/enterprises", body);
        if (r.status() != 201) {
            throw new IllegalStateException(r.raw());
        }
        return r.text("id");
    }

    ApiClient user(String role, String region, Map<String, String> extra) {
        String name = TestUsers.uniqueName("wl_" + role.toLowerCase());
        TestUsers.create(admin, name, role, region, extra);
        return anonymous.as(name, TestUsers.PASSWORD);
    }

    ApiClient sectorOfficer(String region, String sector) {
        return user("SECTOR_OFFICER", region, Map.of("sector", sector));
    }

    ApiClient enterpriseUser(String region, String enterpriseId) {
        return user("ENTERPRISE", region, Map.of("enterpriseId", enterpriseId));
    }

    /** Every readiness declaration made (the seeded criteria's DECLARATION rules pass). */
    public static Map<String, Object> readyDeclarations() {
        return TestWhitelist.readyDeclarations();
    }

    public static Map<String, Object> application(String enterpriseId, String level, Map<String, Object> declarations) {
        Map<String, Object> m = new HashMap<>();
        m.put("enterpriseId", enterpriseId);
        m.put("level", level);
        m.put("declarations", declarations);
        return m;
    }
}
