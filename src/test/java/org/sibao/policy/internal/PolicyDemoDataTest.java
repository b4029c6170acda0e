package org.sibao.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The demo redemptions: the library matched and pushed at the start, eligible demo enterprises' applications taken to
 * GRANTED (with amounts), DECLINED or left APPLIED in the departments' queues, a viewed push, one AUTO policy
 * confirmed for its eligible subjects, the reach showing the grants; a second start seeds none. Other tests share the
 * context (and grant or confirm policies of their own), so the seeded rows are found by their applicants' notes.
 */
@FullStackTest
class PolicyDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PolicyDemoData demo;

    @LocalServerPort
    int port;

    private record Row(String subjectId, String policyCode, String state, String regionCode, BigDecimal grantedYuan,
            String declineReason, String note, boolean viewed) {
    }

    @Test
    void applicationsGrantedDeclinedAndQueuedAndAnAutoPolicyConfirmed() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_match WHERE outcome = 'ELIGIBLE'").query(Long.class).single())
                .as("matched at the start").isGreaterThan(500);
        List<Row> seeded = seeded();
        List<PolicyDemoData.Script> applied = PolicyDemoData.SCRIPTS.stream().filter(s -> s.note() != null).toList();
        assertThat(seeded).hasSize(applied.size());
        Map<String, Long> byState = seeded.stream().collect(Collectors.groupingBy(Row::state, Collectors.counting()));
        assertThat(byState).containsExactlyInAnyOrderEntriesOf(Map.of("GRANTED", 5L, "APPLIED", 5L, "DECLINED", 1L));
        for (PolicyDemoData.Script s : applied) {
            Row r = seeded.stream().filter(x -> x.note().equals(s.note()) && x.policyCode().equals(s.policy()))
                    .findFirst().orElseThrow();
            assertThat(r.viewed()).as("%s was viewed by its enterprise before applying", s.policy()).isTrue();
            switch (s.step()) {
                case GRANT -> assertThat(r.grantedYuan()).isEqualByComparingTo(BigDecimal.valueOf(s.yuan()));
                case DECLINE -> assertThat(r.declineReason()).isEqualTo(s.reason());
                default -> assertThat(r.state()).isEqualTo("APPLIED");
            }
        }
        assertThat(seeded.stream().filter(r -> r.policyCode().startsWith("NY40")).map(Row::regionCode))
                .allMatch(c -> c.startsWith("4113"));
        assertThat(seeded.stream().map(Row::subjectId).distinct().count()).as("spread over the enterprises")
                .isGreaterThanOrEqualTo(8);

        // 免申即享: 新县's power supply confirmed XX-05 for every eligible subject it was pushed to
        List<String> confirmed = jdbc.sql("""
                SELECT r.state FROM policy_redemption r JOIN policy p ON p.id = r.policy_id
                JOIN app_user u ON u.id = r.decided_by WHERE p.code = 'XX-05' AND u.username = 'dept_power_xx'""")
                .query(String.class).list();
        assertThat(confirmed).isNotEmpty().allMatch("GRANTED"::equals);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM policy_redemption r JOIN policy p ON p.id = r.policy_id
                WHERE p.code = 'NY40-47' AND r.state = 'VIEWED'""").query(Long.class).single()).isGreaterThanOrEqualTo(1);

        ApiClient tax = new ApiClient(port).as("dept_tax_ny", "Demo@2022");
        JsonNode queue = tax.get("/api/v1/policies/applications?state=APPLIED&size=500").body();
        List<String> codes = new ArrayList<>();
        queue.get("items").forEach(i -> codes.add(i.get("policyCode").stringValue()));
        assertThat(codes).contains("NY40-01", "NY40-02");
        ApiClient hrss = new ApiClient(port).as("dept_hrss_ny", "Demo@2022");
        assertThat(hrss.get("/api/v1/policies/applications?state=APPLIED").body().get("total").asLong())
                .isGreaterThanOrEqualTo(2);
        JsonNode reach = new ApiClient(port).as("hq_hn", "Demo@2022").get("/api/v1/policies/reach").body();
        assertThat(reach.get("granted").asLong()).isGreaterThanOrEqualTo(5 + confirmed.size());
        assertThat(reach.get("grantedYuan").decimalValue()).isGreaterThanOrEqualTo(BigDecimal.valueOf(3_114_000));
    }

    @Test
    void aSecondStartSeedsNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM policy_redemption WHERE state <> 'PUSHED'").query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_redemption WHERE state <> 'PUSHED'").query(Long.class).single())
                .isEqualTo(before);
        assertThat(seeded()).hasSize((int) PolicyDemoData.SCRIPTS.stream().filter(s -> s.note() != null).count());
    }

    private List<Row> seeded() {
        List<Object> notes = new ArrayList<>(PolicyDemoData.SCRIPTS.stream().filter(s -> s.note() != null)
                .map(s -> (Object) s.note()).distinct().toList());
        return jdbc.sql("SELECT r.subject_id, p.code, r.state, r.region_code, r.granted_yuan, r.decline_reason,"
                + " r.applicant_note, r.viewed_at FROM policy_redemption r JOIN policy p ON p.id = r.policy_id"
                + " WHERE r.applicant_note IN (" + String.join(",", notes.stream().map(n -> "?").toList()) + ")")
                .params(notes)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getObject(8) != null))
                .list();
    }
}
