package org.sibao.appeal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sibao.appeal.AppealStatus;
import org.sibao.appeal.OverdueKind;
import org.sibao.appeal.Urgency;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo appeals: 32 of them in every state, filed and moved by the demo users through the services, spread over
 * a month, one overdue, one common-issue cluster; and a second start (the H2 file database keeps them) seeds none.
 * Other tests share the context and may move the clock, so states are judged at the seeding time.
 */
@FullStackTest
class AppealDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppealDemoData demo;

    @Autowired
    WorkingCalendar calendar;

    @LocalServerPort
    int port;

    @Test
    void thirtyTwoAppealsInEveryStateOverAMonth() {
        List<AppealRow> seeded = seeded();
        assertThat(seeded).hasSize(32);
        Map<AppealStatus, Long> byStatus = seeded.stream().collect(Collectors.groupingBy(AppealRow::status, Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(AppealStatus.SUBMITTED, 5L), Map.entry(AppealStatus.ASSIGNED, 4L),
                Map.entry(AppealStatus.ACCEPTED, 3L), Map.entry(AppealStatus.ESCALATED, 4L),
                Map.entry(AppealStatus.MERGED, 3L), Map.entry(AppealStatus.RESOLVED, 3L),
                Map.entry(AppealStatus.CONFIRMED, 2L), Map.entry(AppealStatus.REOPENED, 1L),
                Map.entry(AppealStatus.REJECTED, 1L), Map.entry(AppealStatus.WITHDRAWN, 1L),
                Map.entry(AppealStatus.CLOSED, 5L)));
        assertThat(seeded.stream().map(AppealRow::regionCode).map(r -> r.substring(0, 4)).distinct())
                .containsExactlyInAnyOrder("4101", "4102", "4190", "4113", "4115");
        assertThat(seeded.stream().map(AppealRow::filedBy).distinct().toList())
                .as("新郑's first subject is also the province's demo enterprise (ent_hn)")
                .contains("ent_hn", "liaison_xz", "hq_xz", "ent_kf", "liaison_kf", "ent_ny", "ent_jy", "ent_xx");

        Map<String, AppealRow> byTitle = seeded.stream().collect(Collectors.toMap(AppealRow::title, Function.identity()));
        assertThat(byTitle.get("跨省运输车辆通行证互认问题").handlerRegionCode()).as("新郑 → 郑州 → the province").isEqualTo("410000");
        assertThat(byTitle.get("天然气保供量不足，申请增加合同气量").handlerRegionCode()).isEqualTo("410000");
        assertThat(byTitle.get("开封至郑州货运班线停运，成品无法发出").handlerRegionCode())
                .as("开封's counties have no HQ officer in the demo: filed with 开封's office, escalated to the province")
                .isEqualTo("410000");
        assertThat(byTitle.get("工业园区变电站扩容")).extracting(AppealRow::departmentCode, AppealRow::assignedRegionCode)
                .containsExactly("POWER", "410200");
        assertThat(history(byTitle.get("增值税留抵退税办理进度慢").id())).containsExactly("SUBMITTED", "TRIAGED", "ASSIGNED",
                "ACCEPTED", "RESOLVED", "CONFIRMED", "CLOSED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appeal_callback WHERE appeal_id = ?")
                .param(byTitle.get("返乡务工人员技能培训补贴未到位").id()).query(Long.class).single()).isEqualTo(1);

        List<AppealRow> merged = seeded.stream().filter(a -> a.status() == AppealStatus.MERGED).toList();
        assertThat(merged.stream().map(AppealRow::clusterId).distinct()).hasSize(1);
        AppealRepository.Cluster cluster = new AppealRepository(jdbc).cluster(merged.get(0).clusterId()).orElseThrow();
        assertThat(cluster.title()).isEqualTo("新郑市货车司机核酸检测结果跨市互认问题");
        assertThat(cluster.regionCode()).isEqualTo("410184");

        OffsetDateTime seededAt = jdbc.sql("SELECT MAX(h.at) FROM appeal_history h JOIN appeal a ON a.id = h.appeal_id "
                + "WHERE a.title IN (" + placeholders() + ")").params(titles()).query(OffsetDateTime.class).single();
        List<AppealRow> overdue = seeded.stream().filter(a -> a.overdueAt(seededAt.plusMinutes(1)) != null).toList();
        assertThat(overdue).extracting(AppealRow::title).containsExactly("急需招聘熟练缝纫工50名");
        assertThat(overdue.get(0).overdueAt(seededAt.plusMinutes(1))).isEqualTo(OverdueKind.RESPONSE);
        assertThat(seeded.stream().map(a -> a.filedAt().toLocalDate()).distinct().count()).isGreaterThanOrEqualTo(6);
        assertThat(seeded.stream().filter(a -> a.status() == AppealStatus.CLOSED))
                .allMatch(a -> Duration.between(a.filedAt(), seededAt).toDays() >= 14)
                .allMatch(a -> a.closedAt().isAfter(a.resolvedAt()) && a.resolvedAt().isAfter(a.acceptedAt()));

        List<OffsetDateTime> workingDayDeadlines = new ArrayList<>();
        for (AppealRow a : seeded) {
            if (a.urgency() != Urgency.URGENT) {
                workingDayDeadlines.add(a.assignDueAt());
                workingDayDeadlines.add(a.responseDueAt());
            }
            if (!a.major() || a.dueDays() != null) {
                workingDayDeadlines.add(a.resolutionDueAt());
            }
        }
        workingDayDeadlines.removeIf(java.util.Objects::isNull);
        assertThat(workingDayDeadlines).as("back-dated by calendar days, no deadline lands on a weekend or holiday")
                .hasSizeGreaterThan(40).allMatch(d -> calendar.inWorkingTime(d).isEqual(d));

        ApiClient hqHn = new ApiClient(port).as("hq_hn", "Demo@2022");
        assertThat(hqHn.get("/api/v1/appeals?status=ESCALATED").body().get("total").asInt()).isGreaterThanOrEqualTo(2);
        ApiClient power = new ApiClient(port).as("dept_power_xz", "Demo@2022");
        assertThat(power.get("/api/v1/appeals?status=ASSIGNED").body().get("total").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSecondStartSeedsNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM appeal").query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appeal").query(Long.class).single()).isEqualTo(before);
        assertThat(seeded()).hasSize(32);
    }

    private List<AppealRow> seeded() {
        return jdbc.sql("SELECT " + AppealRepository.COLUMNS + " FROM appeal a WHERE a.title IN (" + placeholders() + ")")
                .params(titles()).query(AppealRepository::row).list();
    }

    private List<String> history(String appealId) {
        return jdbc.sql("SELECT to_status FROM appeal_history WHERE appeal_id = ? ORDER BY id").param(appealId)
                .query(String.class).list();
    }

    private static List<Object> titles() {
        return new ArrayList<>(AppealDemoData.SCRIPTS.stream().map(s -> s.title()).toList());
    }

    private static String placeholders() {
        return String.join(",", AppealDemoData.SCRIPTS.stream().map(s -> "?").toList());
    }
}
