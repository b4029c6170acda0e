package org.sibao.escort.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sibao.platform.BusinessClock;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo escort data: eleven inspection reports (recorded, pending, approved or refused by the city's HQ office or
 * above, never by the filer) and four shutdown requests decided jointly (agreed by 开封's epidemic command and
 * pending for 开封's HQ, in force in 南阳 with both consents, refused by 济源's HQ, ended by itself in 新郑 after
 * 郑州's two consents, with its subject back on the whitelist); a second start seeds none. Other tests share the context and may move the clock, so times are judged
 * against the seeding and a shutdown in force may have ended since.
 */
@FullStackTest
class EscortDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EscortDemoData demo;

    @Autowired
    BusinessClock clock;

    @LocalServerPort
    int port;

    @Test
    void inspectionsInEveryState() {
        List<String[]> rows = jdbc.sql("SELECT kind, status, region_code FROM escort_inspection"
                + " WHERE reason IN (" + marks(EscortDemoData.INSPECTIONS.size()) + ")")
                .params(new ArrayList<>(EscortDemoData.INSPECTIONS.stream().map(i -> (Object) i.reason()).toList()))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        assertThat(rows).hasSize(11);
        Map<String, Long> byStatus = rows.stream().collect(Collectors.groupingBy(r -> r[1], Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("NOT_REQUIRED", 3L, "PENDING", 3L,
                "APPROVED", 3L, "REFUSED", 2L));
        assertThat(rows.stream().filter(r -> r[1].equals("NOT_REQUIRED")).map(r -> r[0]))
                .containsExactlyInAnyOrder("EPIDEMIC", "SAFETY", "QUARANTINE");
        assertThat(rows.stream().map(r -> r[2].substring(0, 4)).distinct())
                .containsExactlyInAnyOrder("4101", "4102", "4190", "4113", "4115");
        assertThat(new ApiClient(port).as("hq_xz", "Demo@2022").get("/api/v1/escort/inspections?status=PENDING")
                .body().get("total").asLong()).isGreaterThanOrEqualTo(1);

        // decided by an HQ officer of the subject's city or above (信阳 has none: the province), never the filer
        List<String[]> decided = jdbc.sql("SELECT i.region_code, u.region_code, u.role, i.decided_by, i.requested_by"
                + " FROM escort_inspection i JOIN app_user u ON u.id = i.decided_by WHERE i.reason IN ("
                + marks(EscortDemoData.INSPECTIONS.size()) + ")")
                .params(new ArrayList<>(EscortDemoData.INSPECTIONS.stream().map(i -> (Object) i.reason()).toList()))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
                .list();
        assertThat(decided).hasSize(5).allSatisfy(r -> {
            assertThat(r[2]).isEqualTo("HQ_OFFICER");
            assertThat(r[3]).isNotEqualTo(r[4]);
            assertThat(r[1]).as("a city or the province").isIn("410100", "410200", "419001", "411300", "410000");
            assertThat(r[0]).startsWith(org.sibao.region.Region.prefixOf(r[1]));
        });
        assertThat(decided.stream().map(r -> r[1])).as("新郑's by 郑州, 新县's by the province").contains("410100", "410000");
    }

    @Test
    void shutdownsPendingInForceRefusedAndEnded() {
        Map<String, Map<String, Object>> byReason = new java.util.HashMap<>();
        jdbc.sql("SELECT reason, status, enterprise_id, region_code, requested_at, started_at, ends_at, ended_at, end_cause"
                + " FROM escort_shutdown WHERE reason IN (" + marks(EscortDemoData.SHUTDOWNS.size()) + ")")
                .params(new ArrayList<>(EscortDemoData.SHUTDOWNS.stream().map(s -> (Object) s.reason()).toList()))
                .query((rs, n) -> byReason.put(rs.getString(1), Map.of("reason", rs.getString(1), "status", rs.getString(2),
                        "enterprise", rs.getString(3), "region", rs.getString(4),
                        "requested", rs.getObject(5, OffsetDateTime.class),
                        "started", optional(rs.getObject(6, OffsetDateTime.class)),
                        "ends", optional(rs.getObject(7, OffsetDateTime.class)),
                        "ended", optional(rs.getObject(8, OffsetDateTime.class)),
                        "cause", String.valueOf(rs.getString(9)))))
                .list();
        assertThat(byReason).hasSize(4);
        Map<String, Object> pending = byReason.get(EscortDemoData.SHUTDOWNS.get(1).reason());
        Map<String, Object> inForce = byReason.get(EscortDemoData.SHUTDOWNS.get(2).reason());
        Map<String, Object> refused = byReason.get(EscortDemoData.SHUTDOWNS.get(3).reason());
        Map<String, Object> ended = byReason.get(EscortDemoData.SHUTDOWNS.get(0).reason());
        OffsetDateTime seededAt = ((OffsetDateTime) pending.get("requested")).plusHours(2);

        assertThat(pending.get("status")).isEqualTo("PENDING");
        assertThat(words(pending)).as("开封's epidemic command agreed, its HQ office has not").containsExactly("EPIDEMIC:AGREE:410200");
        assertThat(words(inForce)).containsExactly("EPIDEMIC:AGREE:411300", "HQ:AGREE:411300");
        assertThat(words(refused)).as("济源 acts as a city").containsExactly("HQ:REFUSE:419001");
        assertThat(words(ended)).as("新郑's city decides").containsExactly("EPIDEMIC:AGREE:410100", "HQ:AGREE:410100");
        assertThat(pending.get("region").toString()).startsWith("4102");
        assertThat(new ApiClient(port).as("hq_kf", "Demo@2022").get("/api/v1/escort/shutdowns?status=PENDING").raw())
                .contains(pending.get("enterprise").toString());
        assertThat(refused.get("status")).isEqualTo("REFUSED");

        OffsetDateTime ends = (OffsetDateTime) inForce.get("ends");
        assertThat(Duration.between((OffsetDateTime) inForce.get("started"), ends)).isEqualTo(Duration.ofDays(2));
        assertThat(ends).isAfter(seededAt.plusHours(12));
        if (clock.nowOffset().isBefore(ends)) {
            assertThat(inForce.get("status")).isEqualTo("ACTIVE");
            assertThat(whitelistStatus(inForce.get("enterprise").toString())).isEqualTo("SUSPENDED");
        }

        assertThat(ended.get("status")).isEqualTo("ENDED");
        assertThat(ended.get("cause")).isEqualTo("EXPIRED");
        assertThat(ended.get("ended")).isEqualTo(ended.get("ends"));
        assertThat((OffsetDateTime) ended.get("ends")).isBefore(seededAt.minusDays(1));
        assertThat(whitelistStatus(ended.get("enterprise").toString())).as("back on the whitelist").isEqualTo("ACTIVE");
    }

    @Test
    void aSecondStartSeedsNothing() {
        long before = jdbc.sql("SELECT (SELECT COUNT(*) FROM escort_inspection) + (SELECT COUNT(*) FROM escort_shutdown)")
                .query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT (SELECT COUNT(*) FROM escort_inspection) + (SELECT COUNT(*) FROM escort_shutdown)")
                .query(Long.class).single()).isEqualTo(before);
    }

    /** The consents on the request (round 0): side, decision and the deciding officer's region. */
    private List<String> words(Map<String, Object> shutdown) {
        return jdbc.sql("SELECT c.side, c.decision, c.region_code FROM escort_shutdown_consent c JOIN escort_shutdown s"
                + " ON s.id = c.shutdown_id WHERE s.enterprise_id = ? AND s.reason = ? AND c.round_no = 0 ORDER BY c.decided_at, c.side")
                .params(shutdown.get("enterprise"), shutdown.get("reason"))
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3)).list();
    }

    private String whitelistStatus(String subjectId) {
        return jdbc.sql("SELECT whitelist_status FROM subject WHERE id = ?").param(subjectId).query(String.class).single();
    }

    private static Object optional(Object o) {
        return o == null ? "" : o;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
