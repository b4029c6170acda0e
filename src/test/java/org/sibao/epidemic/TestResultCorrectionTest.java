package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.counts;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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

/**
 * Bulk test results (H2, the batch fallback): a different result for a stored employee, sample time and kind is a
 * correction, stored and acted on; only an identical row is a duplicate. The CSV is read as RFC 4180 writes it and
 * the JSON form keeps the valid elements when one is wrongly typed.
 */
@FullStackTest
class TestResultCorrectionTest {

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

    private JsonNode employeeView(String subject, String name) {
        return EpidemicApiTest.find(admin.get("/api/v1/enterprises/" + subject + "/employees").body().get("items"), name);
    }

    private String employeeId(String subject, String name) {
        return jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = ?").params(subject, name)
                .query(String.class).single();
    }

    @Test
    void aDifferentResultForTheSameSampleIsACorrectionThatMovesTheLatestResultAndOpensThePositiveAlert() {
        String subject = fx.activeSubject(XINZHENG);
        String id = TestIds.next();
        fx.roster(subject, employee("复核", id, "FIXED"));
        ApiClient.Response zone = admin.post("/api/v1/enterprises/" + subject + "/zones", Map.of("name", "复核车间", "kind", "PRODUCTION"));
        assertThat(zone.status()).as(zone.raw()).isEqualTo(201);
        Map<String, Object> moved = employee("复核", id, "FIXED");
        moved.put("zone", "复核车间");
        fx.roster(subject, moved);
        String at = fx.now().minusHours(2).truncatedTo(ChronoUnit.SECONDS).toString();

        counts(fx.results(id + "," + at + ",PCR,PENDING\n"), 1, 0, 0);
        ApiClient.Response corrected = fx.results(id + "," + at + ",PCR,POSITIVE\n");
        counts(corrected, 1, 0, 0);
        assertThat(corrected.body().get("corrected").asInt()).isEqualTo(1);
        assertThat(employeeView(subject, "复核").get("lastResult").asString()).isEqualTo("POSITIVE");
        assertThat(jdbc.sql("SELECT result || '<' || previous_result FROM epi_test_result WHERE employee_seq = (SELECT seq FROM epi_employee WHERE id = ?)")
                .param(employeeId(subject, "复核")).query(String.class).list()).containsExactly("POSITIVE<PENDING");
        assertThat(admin.get("/api/v1/enterprises/" + subject + "/zones").body().get("items").get(0).get("colour").asString())
                .as("a corrected positive turns its zone red like any positive").isEqualTo("RED");
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "POSITIVE_RESULT", employeeId(subject, "复核"))).containsExactly("OPEN");
        String audited = jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'epidemic.testResults.correct' "
                + "AND after_json LIKE ?").param("%" + employeeId(subject, "复核") + "%").query(String.class).single();
        assertThat(audited).contains("POSITIVE").doesNotContain(id);

        counts(fx.results(id + "," + at + ",PCR,POSITIVE\n"), 0, 1, 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epi_test_result WHERE employee_seq = (SELECT seq FROM epi_employee WHERE id = ?)").param(employeeId(subject, "复核"))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aNegativeCorrectedAwayNoLongerCountsAsTheLastNegativeAndRowsOfOneRequestAreTakenInOrder() {
        String subject = fx.activeSubject(XINZHENG);
        String id = TestIds.next();
        fx.roster(subject, employee("顺序", id, "FIXED"));
        OffsetDateTime now = fx.now().truncatedTo(ChronoUnit.SECONDS);
        String early = now.minusHours(10).toString();
        String late = now.minusHours(3).toString();
        counts(fx.results(id + "," + early + ",PCR,NEGATIVE\n" + id + "," + late + ",ANTIGEN,NEGATIVE\n"), 2, 0, 0);
        assertThat(OffsetDateTime.parse(employeeView(subject, "顺序").get("lastNegativeAt").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse(late).toInstant());

        // the later negative was a mistake: the last negative is the earlier one again
        counts(fx.results(id + "," + late + ",ANTIGEN,PENDING\n"), 1, 0, 0);
        JsonNode view = employeeView(subject, "顺序");
        assertThat(view.get("lastResult").asString()).isEqualTo("PENDING");
        assertThat(OffsetDateTime.parse(view.get("lastNegativeAt").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse(early).toInstant());

        // one request: PENDING then NEGATIVE then NEGATIVE again for one sample: two changes, one duplicate
        String third = now.minusHours(1).toString();
        counts(fx.results(id + "," + third + ",PCR,PENDING\n" + id + "," + third + ",PCR,NEGATIVE\n"
                + id + "," + third + ",PCR,NEGATIVE\n"), 2, 1, 0);
        view = employeeView(subject, "顺序");
        assertThat(view.get("lastResult").asString()).as("the last row of the request counts").isEqualTo("NEGATIVE");
        // stored NEGATIVE; the same sample sent as POSITIVE then NEGATIVE: both are changes, nothing differs after
        counts(fx.results(id + "," + third + ",PCR,POSITIVE\n" + id + "," + third + ",PCR,NEGATIVE\n"), 2, 0, 0);
        counts(fx.results(id + "," + third + ",PCR,NEGATIVE\n" + id + "," + third + ",PCR,NEGATIVE\n"), 0, 2, 0);
        assertThat(employeeView(subject, "顺序").get("lastResult").asString()).isEqualTo("NEGATIVE");
    }

    @Test
    void readsQuotedCsvAsRfc4180WritesIt() {
        String subject = fx.activeSubject(XINZHENG);
        String a = TestIds.next();
        String b = TestIds.next();
        fx.roster(subject, employee("引号甲", a, "FIXED"), employee("引号乙", b, "FIXED"));
        String at = fx.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        String csv = "\"idNumber\",\"sampledAt\",\"kind\",\"result\"\r\n"
                + "\"" + a + "\",\"" + at + "\",\"PCR\",\"NEGATIVE\"\r\n"
                + b + "," + at + ",\"ANTIGEN\",NEGATIVE\r\n"
                + "\"" + b + "\",\"" + at + "\",\"PCR\",\"NEGATIVE, confirmed\"\r\n"
                + "\"" + a + "\",\"" + at + "\",ANTIGEN,\"NEG\"\"ATIVE\"\r\n";
        ApiClient.Response r = admin.postRaw("/api/v1/epidemic/test-results", "text/csv", csv);
        counts(r, 2, 0, 2);
        List<String> errors = new java.util.ArrayList<>();
        r.body().get("errors").forEach(e -> errors.add(e.get("line").asInt() + ":" + e.get("message").asString()));
        assertThat(errors).as("a quoted comma stays in its field; a doubled quote is one quote").containsExactly(
                "4:检测结果无效：NEGATIVE, confirmed（应为 NEGATIVE、POSITIVE 或 PENDING）",
                "5:检测结果无效：NEG\"ATIVE（应为 NEGATIVE、POSITIVE 或 PENDING）");
        assertThat(employeeView(subject, "引号甲").get("lastResult").asString()).isEqualTo("NEGATIVE");

        // a quoted field may hold a line break: the record keeps the line it starts on
        ApiClient.Response broken = admin.postRaw("/api/v1/epidemic/test-results", "text/csv",
                "idNumber,sampledAt,kind,result\n\"" + a + "\",\"" + at + "\",PCR,\"NEGA\nTIVE\"\n" + a + "," + at + ",PCR,NEGATIVE\n");
        counts(broken, 0, 1, 1);
        assertThat(broken.body().get("errors").get(0).get("line").asInt()).isEqualTo(2);

        for (String empty : new String[] {"", "\r\n"}) {
            ApiClient.Response none = admin.postRaw("/api/v1/epidemic/test-results", "text/csv", empty);
            assertThat(none.status()).as(none.raw()).isEqualTo(400);
            assertThat(none.raw()).contains("表头").doesNotContain("JSON");
        }
    }

    @Test
    void aWronglyTypedJsonElementIsItsLinesErrorAndTheOthersAreStored() {
        String subject = fx.activeSubject(XINZHENG);
        String a = TestIds.next();
        String b = TestIds.next();
        fx.roster(subject, employee("类型甲", a, "FIXED"), employee("类型乙", b, "FIXED"));
        String at = fx.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        ApiClient.Response r = admin.post("/api/v1/epidemic/test-results", List.of(
                Map.of("idNumber", a, "sampledAt", at, "kind", "PCR", "result", "NEGATIVE"),
                Map.of("idNumber", List.of(b), "sampledAt", at, "kind", "PCR", "result", "NEGATIVE"),
                "not an object",
                Map.of("idNumber", b, "sampledAt", at, "kind", Map.of(), "result", true)));
        counts(r, 1, 0, 3);
        List<String> errors = new java.util.ArrayList<>();
        r.body().get("errors").forEach(e -> errors.add(e.get("line").asInt() + ":" + e.get("message").asString()));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("2:").contains("idNumber");
        assertThat(errors.get(1)).startsWith("3:");
        assertThat(errors.get(2)).startsWith("4:").contains("kind", "result");
        assertThat(employeeView(subject, "类型甲").get("lastResult").asString()).isEqualTo("NEGATIVE");
        assertThat(admin.post("/api/v1/epidemic/test-results", Map.of("idNumber", a)).status()).isEqualTo(400);
    }
}
