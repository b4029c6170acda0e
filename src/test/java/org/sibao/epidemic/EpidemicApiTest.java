package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Rosters, bulk test results and daily reports over the API. */
@FullStackTest
class EpidemicApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    EpidemicFixtures fx;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
        fx = new EpidemicFixtures(admin, subjects);
    }

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, "Demo@2022");
    }

    @Test
    void keepsValidRosterRowsReportsInvalidOnesByIndexAndUpdatesOnRepost() {
        String subject = fx.activeSubject(XINZHENG);
        String id = TestIds.next();
        Map<String, Object> bad = employee("李四", "410184199001011230", "FIXED");
        bad.put("phone", "12345");
        ApiClient.Response r = admin.post("/api/v1/enterprises/" + subject + "/employees", List.of(
                employee("张三", id, "FIXED"), bad, employee("", TestIds.next(), "DRIVER"), employee("王五", TestIds.next(), "MOBILE")));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(r.body().get("rejected").asInt()).isEqualTo(2);
        List<String> errors = new java.util.ArrayList<>();
        r.body().get("errors").forEach(e -> errors.add(e.get("index").asInt() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactlyInAnyOrder("1:idNumber", "1:phone", "2:name", "2:postType");

        Map<String, Object> again = employee("张三丰", id.toLowerCase(), "CITY_SUPPLY");
        assertThat(admin.post("/api/v1/enterprises/" + subject + "/employees", List.of(again)).body().get("accepted").asInt())
                .isEqualTo(1);
        ApiClient.Response list = admin.get("/api/v1/enterprises/" + subject + "/employees");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("total").asInt()).as("re-posting an ID number updates").isEqualTo(2);
        JsonNode zhang = find(list.body().get("items"), "张三丰");
        assertThat(zhang.get("postType").asString()).isEqualTo("CITY_SUPPLY");
        assertThat(zhang.get("idNumber").asString()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(zhang.get("phone").asString()).matches("139\\*{4}\\d{4}");
        assertThat(list.raw()).doesNotContain(id);
    }

    @Test
    void anIdNumberTwiceInOneRequestKeepsTheFirstRowAndReportsTheSecond() {
        String subject = fx.activeSubject(XINZHENG);
        String id = TestIds.next();
        ApiClient.Response r = admin.post("/api/v1/enterprises/" + subject + "/employees", List.of(
                employee("第一行", id, "FIXED"), employee("别人", TestIds.next(), "FIXED"),
                employee("第二行", id.toLowerCase(), "MOBILE")));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(r.body().get("rejected").asInt()).isEqualTo(1);
        JsonNode error = r.body().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(2);
        assertThat(error.get("field").asString()).isEqualTo("idNumber");
        assertThat(error.get("message").asString()).contains("index 为 0 的一行").doesNotContain(id);
        JsonNode kept = find(admin.get("/api/v1/enterprises/" + subject + "/employees").body().get("items"), "第一行");
        assertThat(kept.get("postType").asString()).isEqualTo("FIXED");
        assertThat(admin.get("/api/v1/enterprises/" + subject + "/employees").body().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void aWronglyTypedFieldIsThatRowsErrorAndTheValidRowsAreKept() {
        String subject = fx.activeSubject(XINZHENG);
        Map<String, Object> listPost = employee("列表岗位", TestIds.next(), "FIXED");
        listPost.put("postType", List.of("FIXED"));
        Map<String, Object> objectName = employee("", TestIds.next(), "FIXED");
        objectName.put("name", Map.of());
        objectName.put("phone", true);
        Map<String, Object> numericPhone = employee("数字手机号", TestIds.next(), "MOBILE");
        numericPhone.put("phone", 13912345678L);
        List<Object> rows = new java.util.ArrayList<>(List.of(employee("正常", TestIds.next(), "FIXED"), listPost,
                objectName, "张三"));
        rows.add(numericPhone);
        ApiClient.Response r = admin.post("/api/v1/enterprises/" + subject + "/employees", rows);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(r.body().get("rejected").asInt()).isEqualTo(3);
        List<String> errors = new java.util.ArrayList<>();
        r.body().get("errors").forEach(e -> errors.add(e.get("index").asInt() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactlyInAnyOrder("1:postType", "2:name", "2:phone", "3:employee");
        assertThat(r.raw()).contains("类型不正确");
        ApiClient.Response list = admin.get("/api/v1/enterprises/" + subject + "/employees");
        assertThat(list.body().get("total").asInt()).isEqualTo(2);
        assertThat(find(list.body().get("items"), "数字手机号").get("phone").asString()).isEqualTo("139****5678");
        assertThat(admin.post("/api/v1/enterprises/" + subject + "/employees", Map.of("name", "x")).status()).isEqualTo(400);
    }

    @Test
    void storesPersonalDataEncryptedAndRevealsItOnlyToThePermittedWithAnAuditEntry() {
        String subject = fx.activeSubject(XINZHENG);
        String id = TestIds.next();
        Map<String, Object> e = employee("赵六", id, "FIXED");
        fx.roster(subject, e);
        Map<String, Object> row = jdbc.sql("SELECT id_enc, id_hash, id_mask, phone_enc, phone_mask FROM epi_employee WHERE subject_id = ?")
                .param(subject).query().singleRow();
        assertThat(row.values().toString()).doesNotContain(id).doesNotContain((String) e.get("phone"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE ? OR before_json LIKE ?")
                .params("%" + id + "%", "%" + id + "%").query(Long.class).single()).isZero();

        ApiClient.Response revealed = as("epi_xz").get("/api/v1/enterprises/" + subject + "/employees?reveal=true");
        assertThat(revealed.status()).as(revealed.raw()).isEqualTo(200);
        assertThat(revealed.body().get("items").get(0).get("idNumber").asString()).isEqualTo(id);
        assertThat(revealed.body().get("items").get(0).get("phone").asString()).isEqualTo(e.get("phone"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'epidemic.roster.reveal' AND entity_id = ?")
                .param(subject).query(Long.class).single()).isEqualTo(1);

        assertThat(as("hq_xz").get("/api/v1/enterprises/" + subject + "/employees?reveal=true").status()).isEqualTo(403);
        ApiClient.Response masked = as("hq_xz").get("/api/v1/enterprises/" + subject + "/employees");
        assertThat(masked.status()).isEqualTo(200);
        assertThat(masked.raw()).doesNotContain(id);
        assertThat(as("hq_kf").get("/api/v1/enterprises/" + subject + "/employees").status()).as("other city").isEqualTo(404);
        assertThat(as("hq_xz").post("/api/v1/enterprises/" + subject + "/employees", List.of(e)).status()).isEqualTo(403);
    }

    @Test
    void ingestsCsvAndJsonReportingBadLinesAndCountingResendsAsDuplicates() {
        String subject = fx.activeSubject(XINZHENG);
        String a = TestIds.next();
        String b = TestIds.next();
        fx.roster(subject, employee("甲", a, "FIXED"), employee("乙", b, "MOBILE"));
        OffsetDateTime t = fx.now().minusHours(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String csv = a + "," + t + ",PCR,NEGATIVE\n"
                + b + "," + t + ",ANTIGEN,NEGATIVE\n"
                + TestIds.next() + "," + t + ",PCR,NEGATIVE\n"     // on no roster
                + a + ",yesterday,PCR,NEGATIVE\n"                     // bad time
                + b + "," + t + ",CT,MAYBE\n";                        // bad kind and result
        ApiClient.Response r = fx.results(csv);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(r.body().get("rejected").asInt()).isEqualTo(3);
        assertThat(r.body().get("duplicates").asInt()).isZero();
        List<Integer> lines = new java.util.ArrayList<>();
        r.body().get("errors").forEach(e -> lines.add(e.get("line").asInt()));
        assertThat(lines).containsExactly(4, 5, 6);

        ApiClient.Response again = fx.results(csv);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().get("accepted").asInt()).isZero();
        assertThat(again.body().get("duplicates").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_test_result r JOIN epi_employee e ON e.seq = r.employee_seq WHERE e.subject_id = ?")
                .param(subject).query(Long.class).single()).isEqualTo(2);

        OffsetDateTime later = t.plusHours(1);
        ApiClient.Response json = admin.post("/api/v1/epidemic/test-results", List.of(
                Map.of("idNumber", a, "sampledAt", later.toString(), "kind", "PCR", "result", "POSITIVE"),
                Map.of("idNumber", a, "sampledAt", t.toString(), "kind", "PCR", "result", "NEGATIVE"),
                Map.of("idNumber", "123", "sampledAt", later.toString(), "kind", "PCR", "result", "NEGATIVE")));
        assertThat(json.status()).as(json.raw()).isEqualTo(200);
        assertThat(json.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(json.body().get("duplicates").asInt()).isEqualTo(1);
        assertThat(json.body().get("rejected").asInt()).isEqualTo(1);
        assertThat(json.body().get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(json.body().get("errors").get(0).get("message").asString()).contains("身份证号码无效");
        // rows are checked on several threads: each message still in the caller's language
        ApiClient.Response english = admin.english().post("/api/v1/epidemic/test-results", List.of(
                Map.of("idNumber", "123", "sampledAt", later.toString(), "kind", "PCR", "result", "NEGATIVE")));
        assertThat(english.body().get("errors").get(0).get("message").asString()).contains("Invalid ID number");

        JsonNode emp = find(admin.get("/api/v1/enterprises/" + subject + "/employees").body().get("items"), "甲");
        assertThat(emp.get("lastResult").asString()).isEqualTo("POSITIVE");
        assertThat(OffsetDateTime.parse(emp.get("lastNegativeAt").asString()).toInstant()).isEqualTo(t.toInstant());

        assertThat(as("hq_xz").postRaw("/api/v1/epidemic/test-results", "text/csv", "idNumber,sampledAt,kind,result\n").status())
                .isEqualTo(403);
        assertThat(as("integration").postRaw("/api/v1/epidemic/test-results", "text/csv", "idNumber,sampledAt,kind,result\n")
                .status()).isEqualTo(200);
        assertThat(admin.postRaw("/api/v1/epidemic/test-results", "text/csv", "id,when\n").status()).isEqualTo(400);
    }

    @Test
    void healthReportsAreOnePerDayAndValidated() {
        String subject = fx.activeSubject(XINZHENG);
        String today = fx.now().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        ApiClient.Response first = as("epi_xz").post("/api/v1/enterprises/" + subject + "/health-reports",
                Map.of("date", today, "present", 120, "symptomatic", List.of()));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().get("zeroReport").asBoolean()).isTrue();
        ApiClient.Response second = as("epi_xz").post("/api/v1/enterprises/" + subject + "/health-reports",
                Map.of("date", today, "present", 118, "symptomatic", List.of(Map.of("idNumber", TestIds.next(), "symptom", "发热"))));
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.body().get("symptomatic").get(0).get("idNumber").asString()).contains("**********");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_health_report WHERE subject_id = ?").param(subject).query(Long.class)
                .single()).isEqualTo(1);
        ApiClient.Response bad = admin.post("/api/v1/enterprises/" + subject + "/health-reports",
                Map.of("date", "2099-01-01", "symptomatic", List.of(Map.of("idNumber", "1", "symptom", ""))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"date\"", "\"present\"", "symptomatic[0].idNumber", "symptomatic[0].symptom");
    }

    static JsonNode find(JsonNode items, String name) {
        for (JsonNode n : items) {
            if (name.equals(n.get("name").asString())) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + items);
    }
}
