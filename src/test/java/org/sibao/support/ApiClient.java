package org.sibao.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for full-stack API tests: real HTTP against the running server, bearer tokens, JSON in and
 * out. Each call returns the status and the parsed body.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String token;
    private String language;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode body, String raw, String contentType) {

        public String text(String field) {
            JsonNode n = body.get(field);
            return n == null || n.isNull() ? null : n.asString();
        }
    }

    /** The bearer token of the signed-in user (for requests written by hand). */
    public String token() {
        return token;
    }

    /** Signs in with a username and password; following calls carry the token. */
    public ApiClient as(String username, String password) {
        Response r = post("/api/v1/auth/token", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed for " + username + ": " + r.raw());
        }
        ApiClient c = new ApiClient(base, r.text("accessToken"), language);
        return c;
    }

    private ApiClient(String base, String token, String language) {
        this.base = base;
        this.token = token;
        this.language = language;
    }

    public ApiClient english() {
        return new ApiClient(base, token, "en");
    }

    public ApiClient anonymous() {
        return new ApiClient(base, null, language);
    }

    public Response get(String path) {
        return send(builder(path).GET().build());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .build());
    }

    public Response postRaw(String path, String contentType, String body) {
        return send(builder(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** Uploads one file as {@code multipart/form-data}. */
    public Response postFile(String path, String field, String fileName, String contentType, byte[] content) {
        Multipart m = Multipart.of(field, fileName, contentType, content);
        return send(builder(path).header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.body())).build());
    }

    public Response put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .build());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE().build());
    }

    /** The status of a GET that accepts only the given media type (the body is not read). */
    public int statusAccepting(String path, String accept) {
        try {
            return http.send(builder(path).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return b;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String raw = r.body();
            JsonNode body = raw == null || raw.isBlank() || !(raw.startsWith("{") || raw.startsWith("["))
                    ? JSON.createObjectNode() : JSON.readTree(raw);
            return new Response(r.statusCode(), body, raw, r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
