package org.sibao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/** Timestamps always carry six fraction digits and the China Standard Time offset, trailing zeros included. */
@FullStackTest
class TimestampFormatTest {

    @Autowired
    JsonMapper mapper;

    @LocalServerPort
    int port;

    @Test
    void sixFractionDigitsAndTheOffsetEvenWithTrailingZeros() {
        OffsetDateTime t = OffsetDateTime.of(2026, 12, 7, 13, 13, 40, 120_000_000, ZoneOffset.UTC);
        assertThat(mapper.writeValueAsString(Map.of("t", t))).isEqualTo("{\"t\":\"2026-12-07T21:13:40.120000+08:00\"}");
        assertThat(mapper.writeValueAsString(Map.of("t", t.withNano(0)))).isEqualTo("{\"t\":\"2026-12-07T21:13:40.000000+08:00\"}");
        assertThat(mapper.writeValueAsString(Map.of("t", Instant.parse("2026-12-07T13:13:40.123456Z"))))
                .isEqualTo("{\"t\":\"2026-12-07T21:13:40.123456+08:00\"}");
        assertThat(OffsetDateTime.parse("2026-12-07T21:13:40.120000+08:00").toInstant()).isEqualTo(t.toInstant());

        String openedAt = new ApiClient(port).as("admin", "Admin@2022").get("/api/v1/epidemic/alerts?size=1").body()
                .get("items").get(0).get("openedAt").asString();
        assertThat(openedAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+08:00");
    }
}
