package org.sibao.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.subject.TestSubjects;

/** Whitelist entries for tests of other modules, made through the whitelist's own API. */
public final class TestWhitelist {

    private TestWhitelist() {
    }

    /** A readiness declaration answering every question yes (5 isolation places). */
    public static Map<String, Object> readyDeclarations() {
        Map<String, Object> d = new LinkedHashMap<>();
        for (String k : List.of("operatingNormally", "meetsEnvironmentalStandards", "meetsSafetyStandards",
                "followsProvincialGuide", "epidemicTaskForce", "responsibleExecutive", "emergencyPlan", "drillsHeld",
                "closedLoopDormitory", "closedLoopCanteen", "masksStocked", "gownsStocked", "disinfectantStocked",
                "antigenKitsStocked")) {
            d.put(k, true);
        }
        d.put("isolationPlaces", 5);
        return d;
    }

    /**
     * A new clean INDUSTRY subject of {@code county} ACTIVE on the whitelist: applied for, submitted and approved by
     * {@code officer} (an INDUSTRY sector officer of the county), published in a batch with 0 days of publicity.
     * Returns the subject's id.
     */
    public static String activeEntry(ApiClient admin, ApiClient officer, String county, String namePrefix) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc(county), namePrefix + TestSubjects.token(),
                county, "INDUSTRY");
        body.put("incidents", List.of());
        ApiClient.Response created = admin.post("/api/v1/enterprises", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String subject = created.text("id");
        ApiClient.Response app = officer.post("/api/v1/whitelist/applications",
                Map.of("enterpriseId", subject, "level", "COUNTY", "declarations", readyDeclarations()));
        assertThat(app.status()).as(app.raw()).isEqualTo(201);
        String path = "/api/v1/whitelist/applications/" + app.text("id");
        assertThat(officer.post(path + "/submit", Map.of()).status()).isEqualTo(200);
        ApiClient.Response reviewed = officer.post(path + "/review", Map.of("decision", "APPROVE", "comment", "同意"));
        assertThat(reviewed.text("status")).as(reviewed.raw()).isEqualTo("APPROVED");
        ApiClient.Response batch = officer.post("/api/v1/whitelist/batches", Map.of("name", "测试批次", "sector",
                "INDUSTRY", "regionCode", county, "applicationIds", List.of(app.text("id")), "publicityDays", 0));
        assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
        assertThat(officer.post("/api/v1/whitelist/batches/" + batch.text("id") + "/publish", Map.of()).status())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/enterprises/" + subject).text("whitelistStatus")).isEqualTo("ACTIVE");
        return subject;
    }
}
