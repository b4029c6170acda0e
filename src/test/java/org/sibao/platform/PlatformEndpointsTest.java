package org.sibao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The platform's public endpoints: health, the OpenAPI document and its browsable UI, problem+json defaults. */
@FullStackTest
class PlatformEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWithoutSigningIn() {
        Response health = new ApiClient(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
    }

    @Test
    void openApiDocumentsTheContractPaths() {
        Response docs = new ApiClient(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").propertyNames()).contains("/api/v1/auth/token", "/api/v1/admin/users",
                "/api/v1/regions/{code}", "/api/v1/regions/{code}/children", "/api/v1/enterprises",
                "/api/v1/enterprises/{id}", "/api/v1/admin/clock/advance");
    }

    @Test
    void swaggerUiIsBrowsable() {
        HttpResponse<byte[]> ui = new ApiClient(port).getBytes("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(new String(ui.body(), StandardCharsets.UTF_8)).contains("swagger-ui");
        assertThat(new ApiClient(port).getBytes("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    @Test
    void unknownApiPathsAnswerProblemJsonInChineseByDefault() {
        Response missing = new ApiClient(port).as("admin", "Admin@2022").get("/api/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.text("title")).isEqualTo("未找到");
        assertThat(missing.text("type")).endsWith("/not-found");
    }

    @Test
    void departmentsAndChildrenComeFromTheCatalogue() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        Response departments = admin.get("/api/v1/regions/410200/departments");
        assertThat(departments.status()).isEqualTo(200);
        assertThat(departments.body().size()).isEqualTo(21);
        Response children = admin.get("/api/v1/regions/410000/children");
        assertThat(children.body().get("total").asInt()).isEqualTo(18);
        assertThat(children.body().get("items").size()).as("all of them without size").isEqualTo(18);
        Response second = admin.get("/api/v1/regions/410000/children?size=5&page=1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("page").asInt()).isEqualTo(1);
        assertThat(second.body().get("size").asInt()).isEqualTo(5);
        assertThat(second.body().get("total").asInt()).isEqualTo(18);
        assertThat(second.body().get("items").size()).isEqualTo(5);
        assertThat(second.body().get("items").get(0).get("code").asString())
                .isEqualTo(children.body().get("items").get(5).get("code").asString());
        Response tooLarge = admin.get("/api/v1/regions/410000/children?size=501");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.raw()).contains("\"field\":\"size\"");
        assertThat(admin.get("/api/v1/regions/410184").text("parentCode")).isEqualTo("410100");
    }
}
