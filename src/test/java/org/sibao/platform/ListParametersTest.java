package org.sibao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A list request with a bad filter and a bad page size names both at once, on every list of the API. */
@FullStackTest
class ListParametersTest {

    @LocalServerPort
    int port;

    @Test
    void aBadFilterAndABadSizeAreNamedTogether() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        Map<String, String> lists = Map.ofEntries(
                Map.entry("/api/v1/enterprises?sector=FOO", "sector"),
                Map.entry("/api/v1/appeals?status=FOO", "status"),
                Map.entry("/api/v1/epidemic/alerts?status=FOO", "status"),
                Map.entry("/api/v1/epidemic/incidents?status=FOO", "status"),
                Map.entry("/api/v1/epidemic/code-protection?status=FOO", "status"),
                Map.entry("/api/v1/passes?status=FOO", "status"),
                Map.entry("/api/v1/pairings?status=FOO", "status"),
                Map.entry("/api/v1/tasks?status=FOO", "status"),
                Map.entry("/api/v1/policies?status=FOO", "status"),
                Map.entry("/api/v1/escort/shutdowns?status=FOO", "status"),
                Map.entry("/api/v1/escort/inspections?status=FOO", "status"),
                Map.entry("/api/v1/admin/audit?from=garbage", "from"));
        List<String> wrong = new ArrayList<>();
        lists.forEach((path, field) -> {
            ApiClient.Response r = admin.get(path + "&size=1000");
            List<String> fields = new ArrayList<>();
            if (r.body() != null && r.body().has("errors")) {
                r.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            }
            if (r.status() != 400 || !fields.contains(field) || !fields.contains("size")) {
                wrong.add(path + " → " + r.status() + " " + fields);
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(admin.get("/api/v1/passes?size=1000").status()).as("a bad size alone").isEqualTo(400);
        assertThat(admin.get("/api/v1/passes?size=5").status()).isEqualTo(200);
    }
}
