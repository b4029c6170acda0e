package org.sibao.epidemicsupport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo's epidemic support: 开封's epidemic officer has covered all its demo whitelist subjects but two (one
 * without anything, one without an institution) and all its task forces' experts but one; 新郑, 济源 and 新县 (the demo
 * enterprise's subject) in part, 南阳 not yet; phones stored encrypted; a second start adds nothing.
 */
@FullStackTest
class SupportDemoDataTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SupportDemoData demo;

    @Test
    void kaifengIsMostlyCoveredWithGapsToClose() {
        ApiClient hq = new ApiClient(port).as("hq_kf", "Demo@2022");
        JsonNode kf = hq.get("/api/v1/epidemic-support/coverage/summary").body();
        // other tests put more whitelist subjects in 开封 (all without support): count what the demo assigned
        assertThat(kf.get("withStaff").asLong()).as(kf.toString()).isEqualTo(8);
        assertThat(kf.get("withInstitution").asLong()).isEqualTo(7);
        assertThat(kf.get("covered").asLong()).isEqualTo(7);
        assertThat(kf.get("notCovered").asLong()).isEqualTo(kf.get("active").asLong() - 7).isGreaterThanOrEqualTo(2);
        assertThat(kf.get("expertsMissing").asLong()).isEqualTo(1);
        JsonNode experts = hq.get("/api/v1/epidemic-support/experts").body();
        assertThat(experts.get("total").asLong()).as("the list envelope: every task force on one page").isEqualTo(8);
        assertThat(experts.get("page").asInt()).isZero();
        assertThat(experts.get("items").get(7).get("taskForce").asString()).isEqualTo("SUPERVISION");
        assertThat(experts.get("items").get(7).get("assigned").asBoolean()).isFalse();
        for (String status : List.of("NO_STAFF", "NO_INSTITUTION", "COVERED")) {
            assertThat(hq.get("/api/v1/epidemic-support/coverage?status=" + status).body().get("total").asLong())
                    .as(status).isPositive();
        }
        assertThat(new ApiClient(port).as("hq_xz", "Demo@2022").get("/api/v1/epidemic-support/coverage/summary").body()
                .get("covered").asLong()).isEqualTo(3);
        assertThat(new ApiClient(port).as("hq_ny", "Demo@2022").get("/api/v1/epidemic-support/coverage/summary").body()
                .get("covered").asLong()).as("南阳 not yet").isZero();
        ApiClient ent = new ApiClient(port).as("ent_xx", "Demo@2022");
        JsonNode own = ent.get("/api/v1/enterprises/" + ent.get("/api/v1/me").text("enterpriseId") + "/epidemic-support").body();
        assertThat(own.get("status").asString()).as("新县's demo enterprise sees whom to call").isEqualTo("COVERED");
        assertThat(own.get("phonesInClear").asBoolean()).isTrue();
        assertThat(own.get("institution").get("name").asString()).isEqualTo("新县人民医院");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'epidemicsupport.update' AND actor = 'epi_kf'")
                .query(Long.class).single())
                .as("assigned by 开封's epidemic officer through the service").isEqualTo(8);

        List<String[]> phones = jdbc.sql("SELECT phone_enc, phone_mask FROM epidemic_support_staff")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(phones).isNotEmpty().allSatisfy(p -> {
            assertThat(p[1]).matches("1\\d{2}\\*{4}\\d{4}");
            assertThat(p[0]).doesNotMatch("1\\d{10}").hasSizeGreaterThan(20);
        });

        long staff = jdbc.sql("SELECT COUNT(*) FROM epidemic_support_staff").query(Long.class).single();
        long expertCount = jdbc.sql("SELECT COUNT(*) FROM task_force_expert").query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM epidemic_support_staff").query(Long.class).single()).isEqualTo(staff);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_force_expert").query(Long.class).single()).isEqualTo(expertCount);
    }
}
