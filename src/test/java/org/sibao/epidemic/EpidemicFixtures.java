package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;

/** Subjects, rosters and results for the epidemic tests, made through the API. */
public final class EpidemicFixtures {

    public static final String XINZHENG = "410184";

    private final ApiClient admin;
    private final Subjects subjects;

    public EpidemicFixtures(ApiClient admin, Subjects subjects) {
        this.admin = admin;
        this.subjects = subjects;
    }

    /** A fresh subject in a county, ACTIVE on the whitelist. */
    public String activeSubject(String county) {
        String id = subject(county);
        subjects.setWhitelistStatus(id, WhitelistStatus.ACTIVE, "COUNTY");
        return id;
    }

    /** A fresh subject in a county, not on the whitelist. */
    public String subject(String county) {
        ApiClient.Response r = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc(county), "防疫测试" + TestSubjects.token(), county, "INDUSTRY"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    public static Map<String, Object> employee(String name, String idNumber, String postType) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("idNumber", idNumber);
        m.put("phone", TestIds.phone());
        m.put("postType", postType);
        m.put("unit", "一车间");
        return m;
    }

    public void roster(String subjectId, Map<String, Object>... employees) {
        ApiClient.Response r = admin.post("/api/v1/enterprises/" + subjectId + "/employees", List.of(employees));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("rejected").asInt()).as(r.raw()).isZero();
    }

    public OffsetDateTime now() {
        return OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now"));
    }

    public OffsetDateTime advance(int hours) {
        ApiClient.Response r = admin.post("/api/v1/admin/clock/advance", Map.of("hours", hours));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return OffsetDateTime.parse(r.text("now"));
    }

    public ApiClient.Response results(String csvRows) {
        return admin.postRaw("/api/v1/epidemic/test-results", "text/csv", "idNumber,sampledAt,kind,result\n" + csvRows);
    }

    /** Asserts a test-result ingest's answer: 200 with these accepted, duplicate and rejected counts. */
    public static void counts(ApiClient.Response r, int accepted, int duplicates, int rejected) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(List.of(r.body().get("accepted").asInt(), r.body().get("duplicates").asInt(),
                r.body().get("rejected").asInt())).as(r.raw()).containsExactly(accepted, duplicates, rejected);
    }

    public ApiClient.Response sweep() {
        ApiClient.Response r = admin.post("/api/v1/epidemic/sweep", Map.of());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    /** Statuses of the alerts of one type for a subject (and employee, when given), newest first. */
    public List<String> alertStatuses(String subjectId, String type, String employeeId) {
        ApiClient.Response r = admin.get("/api/v1/epidemic/alerts?size=500&enterpriseId=" + subjectId + "&type=" + type);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> out = new java.util.ArrayList<>();
        r.body().get("items").forEach(a -> {
            if (employeeId == null || employeeId.equals(a.path("employeeId").asString(null))) {
                out.add(a.get("status").asString());
            }
        });
        return out;
    }

    /** Statuses of the alerts of one type about an arrival, newest first: {@code status}, or {@code status:employeeId}. */
    public List<String> arrivalAlertStatuses(String subjectId, String type, String arrivalId) {
        ApiClient.Response r = admin.get("/api/v1/epidemic/alerts?size=500&status=&enterpriseId=" + subjectId + "&type=" + type);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> out = new java.util.ArrayList<>();
        r.body().get("items").forEach(a -> {
            if (arrivalId.equals(a.path("arrivalId").asString(null))) {
                String employee = a.path("employeeId").asString(null);
                out.add(a.get("status").asString() + (employee == null ? "" : ":" + employee));
            }
        });
        return out;
    }
}
