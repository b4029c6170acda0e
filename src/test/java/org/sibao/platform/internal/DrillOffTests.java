package org.sibao.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Where drill mode is off (production), the business clock cannot be moved: the path does not exist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sibao.drill-mode=false")
@ActiveProfiles({"demo", "test"})
class DrillOffTests {

    @LocalServerPort
    int port;

    @Test
    void clockAdvanceAnswers404() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        ApiClient.Response r = admin.post("/api/v1/admin/clock/advance", Map.of("hours", 26));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(admin.post("/api/v1/admin/clock/advance", Map.of("hours", 0, "minutes", 16)).status()).isEqualTo(404);
    }

    @Test
    void theWebShellShowsNoDrillBadge() {
        var web = new org.sibao.support.WebClient(port);
        web.login("admin", "Admin@2022");
        assertThat(web.get("/").body()).doesNotContain("演练模式").contains("工作台");
    }
}
