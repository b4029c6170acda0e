package org.sibao.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.TestUsers;

/** Subjects on the whitelist with their own enterprise users, and report bodies, for the production tests. */
public final class ProductionFixture {

    private final int port;
    private final Subjects subjects;
    public final ApiClient admin;

    public ProductionFixture(int port, Subjects subjects) {
        this(port, subjects, "Admin@2022");
    }

    public ProductionFixture(int port, Subjects subjects, String adminPassword) {
        this.port = port;
        this.subjects = subjects;
        this.admin = new ApiClient(port).as("admin", adminPassword);
    }

    /** A new subject of a county and sector, with a standing (null: none). */
    public String subject(String county, String sector, WhitelistStatus status) {
        ApiClient.Response r = admin.post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc(county),
                "生产周报测试" + TestSubjects.token(), county, sector));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        if (status != null) {
            subjects.setWhitelistStatus(r.text("id"), status, "COUNTY");
        }
        return r.text("id");
    }

    /** A new ENTERPRISE user of the subject; returns its username (password {@link TestUsers#PASSWORD}). */
    public String enterpriseUser(String enterpriseId, String county) {
        String name = TestUsers.uniqueName("ent_prod");
        TestUsers.create(admin, name, "ENTERPRISE", county, Map.of("enterpriseId", enterpriseId));
        return name;
    }

    public ApiClient as(String username) {
        return new ApiClient(port).as(username, TestUsers.PASSWORD);
    }

    /** A valid report body; {@code week} may be null (the current week). */
    public static Map<String, Object> report(String week, double output) {
        Map<String, Object> body = new HashMap<>();
        if (week != null) {
            body.put("week", week);
        }
        body.put("outputValue", output);
        body.put("capacityUtilisation", 80);
        body.put("staffOnDuty", 120);
        body.put("ordersOnHand", 500);
        body.put("rawMaterialDays", 15);
        body.put("operatingState", "NORMAL");
        return body;
    }
}
