package org.sibao.notification.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sibao.notification.NotificationChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts each notification as JSON to {@code sibao.notify.webhook-url} (e.g. a government messaging gateway that
 * forwards SMS). Enabled only when the URL is configured. Failures are logged without the message text.
 */
@Component
@ConditionalOnProperty("sibao.notify.webhook-url")
class WebhookChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI target;
    private final JsonMapper json;

    WebhookChannel(@Value("${sibao.notify.webhook-url}") String url, JsonMapper json) {
        this.target = URI.create(url);
        this.json = json;
    }

    @Override
    public void deliver(String userId, String kind, String text, String link) {
        String body = json.writeValueAsString(Map.of("userId", userId, "kind", kind, "text", text,
                "link", link == null ? "" : link));
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e != null || (r != null && r.statusCode() >= 300)) {
                log.warn("Webhook delivery of a {} notification failed: {}", kind, e != null ? e.getClass().getSimpleName() : r.statusCode());
            }
        });
    }
}
