package org.sibao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.platform.web.BodyTypeProblems;
import org.sibao.subject.TestSubjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A JSON field of the wrong type (a word for a yes/no, a number or a date; a list for a text) is reported together
 * with every other invalid field, and nothing is saved even where the field was optional.
 */
@FullStackTest
class WrongTypeFieldsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("bodyTypeProblemCleanup")
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer cleanup;

    private static List<String> fields(ApiClient.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> out = new ArrayList<>();
        r.body().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    private String subject(ApiClient admin) {
        ApiClient.Response r = admin.post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc("410184"),
                "类型校验" + TestSubjects.token(), "410184", "INDUSTRY"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    @Test
    void aWronglyTypedFieldIsNamedWithEveryOtherInvalidField() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        ApiClient hq = new ApiClient(port).as("hq_xz", "Demo@2022");
        String subject = subject(admin);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseId", subject);
        body.put("category", "FOO");
        body.put("title", "");
        body.put("description", List.of("不是文本"));
        body.put("urgency", "HIGH");
        body.put("major", "abc");
        ApiClient.Response r = hq.post("/api/v1/appeals", body);
        assertThat(fields(r)).containsExactlyInAnyOrder("category", "title", "description", "urgency", "major");
        assertThat(r.raw()).contains("值无效或类型不正确");

        ApiClient.Response en = hq.english().post("/api/v1/appeals", body);
        assertThat(fields(en)).contains("major", "description");

        body.put("description", List.of(Map.of("nested", List.of(1, 2)), "x"));
        body.put("title", Map.of("a", List.of()));
        assertThat(fields(hq.post("/api/v1/appeals", body)))
                .as("lists of objects and objects are skipped whole and named by their field")
                .containsExactlyInAnyOrder("category", "title", "description", "urgency", "major");
    }

    @Test
    void aTextWhereAnObjectBelongsInAListIsNamedWithTheOtherFields() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("carrierEnterpriseId", subject(admin));
        body.put("plateNumber", "豫A1234");
        body.put("drivers", List.of("x"));
        body.put("origin", "");
        body.put("destination", "新郑");
        body.put("validFrom", "2099-01-01");
        body.put("validTo", "2099-01-02");
        body.put("servedEnterpriseIds", List.of("no-such-enterprise"));
        ApiClient.Response r = new ApiClient(port).as("sector_transport_xz", "Demo@2022").post("/api/v1/passes", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(fields(r)).as("the bad driver does not hide the plate, the origin or the served enterprise")
                .contains("drivers[0]", "plateNumber", "origin", "servedEnterpriseIds[0]");
    }

    @Test
    void anOptionalWronglyTypedFieldStillRefusesTheWholeRequest() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        ApiClient hq = new ApiClient(port).as("hq_xz", "Demo@2022");
        String subject = subject(admin);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseId", subject);
        body.put("category", "ENERGY");
        body.put("title", "类型错误不应建档");
        body.put("description", "major 字段类型错误");
        body.put("urgency", "NORMAL");
        body.put("major", "maybe");
        assertThat(fields(hq.post("/api/v1/appeals", body))).containsExactly("major");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appeal WHERE enterprise_id = ?").param(subject).query(Long.class).single())
                .isZero();
        body.put("major", false);
        assertThat(hq.post("/api/v1/appeals", body).status()).isEqualTo(201);
    }

    @Test
    void aRequestEndsWithNoReadingLeftOnItsThread() throws Exception {
        assertThat(new ApiClient(port).as("hq_xz", "Demo@2022").postRaw("/api/v1/appeals", "application/json", "[1,2,")
                .status()).as("a body that cannot be read at all").isEqualTo(400);
        // such a read never finishes: the interceptor every request passes through clears it when the request ends
        var start = BodyTypeProblems.class.getDeclaredMethod("startReading");
        start.setAccessible(true);
        var record = BodyTypeProblems.class.getDeclaredMethod("record", String.class);
        record.setAccessible(true);
        start.invoke(null);
        assertThat((boolean) record.invoke(null, "x")).as("recording while a read is in progress").isTrue();
        var registry = new org.springframework.web.servlet.config.annotation.InterceptorRegistry() {
            java.util.List<Object> all() {
                return getInterceptors();
            }
        };
        cleanup.addInterceptors(registry);
        for (Object interceptor : registry.all()) {
            ((org.springframework.web.servlet.HandlerInterceptor) interceptor).afterCompletion(
                    new MockHttpServletRequest(), new org.springframework.mock.web.MockHttpServletResponse(), null, null);
        }
        assertThat((boolean) record.invoke(null, "x")).as("nothing recorded once the request is over").isFalse();
    }

    @Test
    void aTransactionDoesNotCommitWhileTheBodyHadWronglyTypedFields() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/anything");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            var reading = BodyTypeProblems.class.getDeclaredMethod("startReading");
            reading.setAccessible(true);
            reading.invoke(null);
            var record = BodyTypeProblems.class.getDeclaredMethod("record", String.class);
            record.setAccessible(true);
            assertThat((boolean) record.invoke(null, "amount")).isTrue();
            var finish = BodyTypeProblems.class.getDeclaredMethod("finishReading");
            finish.setAccessible(true);
            assertThat((boolean) finish.invoke(null)).isTrue();
            String key = "test.wrongType." + TestSubjects.token();
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql(
                    "INSERT INTO platform_setting (name, setting_value) VALUES (?, 'x')").param(key).update()))
                    .isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).errors()).extracting(FieldProblem::field).containsExactly("amount"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_setting WHERE name = ?").param(key).query(Long.class).single())
                    .as("rolled back").isZero();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
