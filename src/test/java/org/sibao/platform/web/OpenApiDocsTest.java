package org.sibao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document says what the API does: public paths, creation statuses, the bearer token, distinct schemas. */
@FullStackTest
class OpenApiDocsTest {

    @LocalServerPort
    int port;

    private JsonNode docs() {
        ApiClient.Response r = new ApiClient(port).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    @Test
    void documentsEveryPublicJsonPath() {
        JsonNode paths = docs().get("paths");
        assertThat(paths.has("/public/whitelist")).isTrue();
        assertThat(paths.get("/public/whitelist").has("get")).isTrue();
        assertThat(paths.get("/public/whitelist/objections").has("post")).isTrue();
        assertThat(paths.get("/public/whitelist/objections").get("post").get("requestBody").get("content")
                .has("application/json")).isTrue();
        assertThat(paths.get("/public/policies").has("get")).isTrue();
        assertThat(paths.get("/public/passes/verify").has("get")).isTrue();
        // pages only (a form to type a pass code in) are not API
        assertThat(paths.has("/public/passes/check")).isFalse();
        assertThat(paths.has("/api/v1/epidemic/code-protection")).isTrue();
        assertThat(paths.has("/api/v1/epidemic/code-protection/export")).isTrue();
        JsonNode ingest = paths.get("/api/v1/epidemic/test-results").get("post");
        assertThat(ingest.path("parameters").toString()).as("no stray parameter").doesNotContain("\"request\"");
        assertThat(ingest.get("requestBody").get("content").has("text/csv")).isTrue();
        assertThat(ingest.get("requestBody").get("content").has("application/json")).isTrue();
    }

    @Test
    void documentsCreationsWith201() {
        JsonNode paths = docs().get("paths");
        for (String created : List.of("/api/v1/enterprises", "/api/v1/appeals", "/api/v1/passes", "/api/v1/policies",
                "/api/v1/pairings", "/api/v1/tasks", "/api/v1/escort/inspections", "/api/v1/escort/shutdowns",
                "/api/v1/epidemic/incidents", "/api/v1/whitelist/applications", "/api/v1/whitelist/batches",
                "/api/v1/admin/users", "/api/v1/reports/weekly", "/public/whitelist/objections")) {
            assertThat(codes(paths.get(created).get("post"))).as(created).contains("201").doesNotContain("200");
        }
        // filing a week's report again replaces it (200); the first one is created (201)
        assertThat(codes(paths.get("/api/v1/enterprises/{id}/production-reports").get("post"))).contains("200", "201");
        assertThat(codes(paths.get("/api/v1/enterprises/import").get("post"))).contains("202").doesNotContain("200");
        for (String action : List.of("/api/v1/appeals/{id}/accept", "/api/v1/auth/token", "/api/v1/passes/{id}/approve",
                "/api/v1/epidemic/sweep")) {
            assertThat(codes(paths.get(action).get("post"))).as(action).contains("200").doesNotContain("201");
        }
    }

    @Test
    void requiresTheBearerTokenOnTheApiButNotOnTokenOrPublicPaths() {
        JsonNode docs = docs();
        JsonNode scheme = docs.get("components").get("securitySchemes").get("bearerAuth");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(docs.has("security")).isFalse();
        JsonNode paths = docs.get("paths");
        for (String path : List.of("/api/v1/enterprises", "/api/v1/enterprises/{id}", "/api/v1/appeals/{id}/accept",
                "/api/v1/dashboard")) {
            paths.get(path).properties().forEach(op -> assertThat(op.getValue().get("security").get(0).has("bearerAuth"))
                    .as(op.getKey() + " " + path).isTrue());
        }
        assertThat(paths.get("/api/v1/auth/token").get("post").has("security")).isFalse();
        assertThat(paths.get("/public/whitelist").get("get").has("security")).isFalse();
        assertThat(paths.get("/public/passes/verify").get("get").has("security")).isFalse();
    }

    @Test
    void keepsRecordsOfOneSimpleNameApart() {
        List<String> decisions = new ArrayList<>();
        docs().get("components").get("schemas").propertyNames()
                .forEach(name -> {
                    if (name.endsWith(".Decision")) {
                        decisions.add(name);
                    }
                });
        assertThat(decisions).contains("org.sibao.escort.internal.EscortService.Decision",
                "org.sibao.policy.internal.PolicyApiController.Decision", "org.sibao.logistics.internal.PassService.Decision");
        assertThat(docs().get("components").get("schemas").has("Decision")).isFalse();
        JsonNode shutdownDecision = docs().get("paths").get("/api/v1/escort/shutdowns/{id}/approve").get("post");
        assertThat(shutdownDecision.toString()).contains("org.sibao.escort.internal.EscortService.Decision");
    }

    private static List<String> codes(JsonNode operation) {
        List<String> codes = new ArrayList<>();
        operation.get("responses").propertyNames().forEach(codes::add);
        return codes;
    }
}
