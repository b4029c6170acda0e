package org.sibao.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client for full-stack web UI tests: real HTTP, a cookie jar (the session), no automatic
 * redirects, and the CSRF token taken from the last page that carried one, as a browser submitting that page's
 * form would.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A client signed in through the login form as {@code username}. */
    public static WebClient signedIn(int port, String username, String password) {
        WebClient web = new WebClient(port);
        web.login(username, password);
        return web;
    }

    public record Page(int status, String body, String location) {
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /** Submits a form with the CSRF token of the last page fetched. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        return postWithoutCsrf(path, fields);
    }

    /** Submits a file upload form ({@code multipart/form-data}) with the CSRF token of the last page fetched. */
    public Page postFile(String path, String field, String fileName, String contentType, byte[] content) {
        return postMultipart(path, Map.of(), List.of(new FilePart(field, fileName, contentType, content)));
    }

    /** One file of a form: its field, the name the browser sends, the part's type and the bytes. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {
    }

    /**
     * Submits a {@code multipart/form-data} form with text fields and any number of files (UTF-8 names), with the
     * CSRF token of the last page fetched.
     */
    public Page postMultipart(String path, Map<String, String> form, List<FilePart> files) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        Multipart m = Multipart.of(fields, files);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.body())).build());
    }

    /** A download with its status and headers, with the session. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fetches raw bytes (a download) with the session. */
    public byte[] bytes(String path) {
        return download(path).body();
    }

    public Page postWithoutCsrf(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in through the login form; returns the redirect the form answered with. */
    public Page login(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.body() == null ? "" : r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
