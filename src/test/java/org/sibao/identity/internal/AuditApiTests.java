package org.sibao.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/admin/audit}: filters, time range, paging, regional confinement, administrators only. */
@FullStackTest
class AuditApiTests {

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return new ApiClient(port).as("admin", "Admin@2022");
    }

    private LocalDate businessToday(ApiClient client) {
        return OffsetDateTime.parse(client.get("/api/v1/admin/clock").text("now")).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    @Test
    void findsTheEntriesOfOneEntity() {
        ApiClient admin = admin();
        String username = TestUsers.uniqueName("aud");
        String id = TestUsers.create(admin, username, "SUPERVISOR", "410200", Map.of()).text("id");
        admin.post("/api/v1/admin/users/" + id + "/disable", Map.of());

        ApiClient.Response r = admin.get("/api/v1/admin/audit?entityType=User&entityId=" + id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("total").asLong()).isEqualTo(2);
        JsonNode newest = r.body().get("items").get(0);
        assertThat(newest.get("action").asString()).isEqualTo("USER_DISABLE");
        assertThat(newest.get("actor").asString()).isEqualTo("admin");
        assertThat(newest.get("before").asString()).contains("\"enabled\":true");
        assertThat(newest.get("after").asString()).contains("\"enabled\":false");
        JsonNode created = r.body().get("items").get(1);
        assertThat(created.get("action").asString()).isEqualTo("USER_CREATE");
        assertThat(created.get("after").asString()).contains(username).doesNotContain(TestUsers.PASSWORD);
        assertThat(created.get("before").isNull()).isTrue();

        ApiClient.Response byAction = admin.get("/api/v1/admin/audit?action=USER_CREATE&entityId=" + id);
        assertThat(byAction.body().get("total").asLong()).isEqualTo(1);
        ApiClient.Response byOtherActor = admin.get("/api/v1/admin/audit?actor=admin_kf&entityId=" + id);
        assertThat(byOtherActor.body().get("total").asLong()).isZero();
    }

    @Test
    void filtersByTimeRange() {
        ApiClient admin = admin();
        String id = TestUsers.create(admin, TestUsers.uniqueName("aud"), "SUPERVISOR", "410200", Map.of()).text("id");
        LocalDate today = businessToday(admin);
        String q = "/api/v1/admin/audit?entityId=" + id;
        assertThat(admin.get(q + "&from=" + today + "&to=" + today).body().get("total").asLong()).isEqualTo(1);
        assertThat(admin.get(q + "&from=" + today.plusDays(1)).body().get("total").asLong()).isZero();
        assertThat(admin.get(q + "&to=" + today.minusDays(1)).body().get("total").asLong()).isZero();
        String from = today.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime().toString();
        assertThat(admin.get(q + "&from=" + from.replace("+", "%2B")).body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void badTimesAndPageSizesAre400() {
        ApiClient.Response r = admin().get("/api/v1/admin/audit?from=yesterday&to=2022-13-01");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("errors").toString()).contains("\"from\"").contains("\"to\"");
        assertThat(admin().get("/api/v1/admin/audit?size=501").status()).isEqualTo(400);
    }

    @Test
    void pagesThroughTheLog() {
        ApiClient admin = admin();
        for (int i = 0; i < 3; i++) {
            TestUsers.create(admin, TestUsers.uniqueName("pg"), "SUPERVISOR", "410200", Map.of());
        }
        ApiClient.Response first = admin.get("/api/v1/admin/audit?action=USER_CREATE&size=2&page=0");
        ApiClient.Response second = admin.get("/api/v1/admin/audit?action=USER_CREATE&size=2&page=1");
        assertThat(first.body().get("items").size()).isEqualTo(2);
        assertThat(first.body().get("page").asInt()).isZero();
        assertThat(first.body().get("size").asInt()).isEqualTo(2);
        assertThat(first.body().get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(second.body().get("page").asInt()).isEqualTo(1);
        assertThat(second.body().get("items").get(0).get("id").asLong())
                .isLessThan(first.body().get("items").get(1).get("id").asLong());
    }

    @Test
    void regionalAdministratorSeesOnlyTheirRegionsEntries() {
        ApiClient admin = admin();
        String xz = TestUsers.create(admin, TestUsers.uniqueName("xz"), "SUPERVISOR", "410184", Map.of()).text("id");
        ApiClient kf = new ApiClient(port).as("admin_kf", "Demo@2022");
        String kfUser = TestUsers.create(kf, TestUsers.uniqueName("kf"), "SUPERVISOR", "410202", Map.of()).text("id");
        assertThat(kf.get("/api/v1/admin/audit?entityId=" + kfUser).body().get("total").asLong()).isEqualTo(1);
        assertThat(kf.get("/api/v1/admin/audit?entityId=" + kfUser).body().get("items").get(0).get("actor").asString())
                .isEqualTo("admin_kf");
        assertThat(kf.get("/api/v1/admin/audit?entityId=" + xz).body().get("total").asLong()).isZero();
        assertThat(admin.get("/api/v1/admin/audit?entityId=" + kfUser).body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsReadTheLog() {
        assertThat(new ApiClient(port).as("hq_kf", "Demo@2022").get("/api/v1/admin/audit").status()).isEqualTo(403);
        assertThat(new ApiClient(port).get("/api/v1/admin/audit").status()).isEqualTo(401);
    }
}
