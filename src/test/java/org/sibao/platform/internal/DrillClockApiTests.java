package org.sibao.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The drill clock moves by whole hours (and minutes) only; anything else is refused and moves nothing. */
@FullStackTest
class DrillClockApiTests {

    @LocalServerPort
    int port;

    @Test
    void onlyWholeNumbersMoveTheClock() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String before = admin.get("/api/v1/admin/clock").text("now");
        for (Object bad : new Object[] {1.9, "1", 0, -2, 10_000, true}) {
            ApiClient.Response r = admin.post("/api/v1/admin/clock/advance", Map.of("hours", bad));
            assertThat(r.status()).as("hours %s", bad).isEqualTo(400);
            assertThat(r.raw()).contains("hours");
        }
        assertThat(admin.post("/api/v1/admin/clock/advance", Map.of("hours", 1, "minutes", 0.5)).status()).isEqualTo(400);
        java.time.Duration moved = java.time.Duration.between(java.time.OffsetDateTime.parse(before),
                java.time.OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now")));
        assertThat(moved).as("nothing moved but the wall clock").isLessThan(java.time.Duration.ofMinutes(1));
        assertThat(admin.post("/api/v1/admin/clock/advance", Map.of("minutes", 1)).status()).isEqualTo(200);
    }
}
