package org.sibao.tasking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo tasks: eight of the province's and the demo areas' HQ offices, in every state, one overdue, each step
 * by the demo user whose part it is and days apart; a second start seeds none. Other tests share the context and may
 * move the clock, so deadlines are judged against the seeding.
 */
@FullStackTest
class TaskDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskDemoData demo;

    @LocalServerPort
    int port;

    private record Row(String id, String title, String status, String regionCode, OffsetDateTime deadline,
            OffsetDateTime createdAt) {
    }

    @Test
    void eightTasksInEveryStateOneOverdue() {
        Map<String, Row> byTitle = seeded().stream().collect(Collectors.toMap(Row::title, Function.identity()));
        assertThat(byTitle).hasSize(8);
        Map<String, Long> byStatus = byTitle.values().stream()
                .collect(Collectors.groupingBy(Row::status, Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("ASSIGNED", 2L, "IN_PROGRESS", 3L, "DONE", 1L,
                "ACCEPTED", 1L, "RETURNED", 1L));
        OffsetDateTime seededAt = byTitle.get("报送重点物资运输车辆通行保障情况").createdAt();
        assertThat(byTitle.values().stream().filter(r -> r.deadline().isBefore(seededAt)).map(Row::title))
                .containsExactly("保障白名单企业生产用电");
        assertThat(byTitle.values().stream().map(r -> r.createdAt().toLocalDate()).distinct().count())
                .isGreaterThanOrEqualTo(5);

        Row tax = byTitle.get("落实增值税留抵退税政策，确保应退尽退");
        List<String[]> history = jdbc.sql("SELECT kind, by_name, at FROM task_event WHERE task_id = ? ORDER BY id")
                .param(tax.id()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(history.stream().map(h -> h[0])).containsExactly("ASSIGN", "PROGRESS", "COMPLETE", "ACCEPT");
        assertThat(history.stream().map(h -> h[1])).containsExactly("开封市指挥部办公室", "开封市税务局", "开封市税务局",
                "开封市指挥部办公室");
        assertThat(history.stream().map(h -> h[2].substring(0, 10)).distinct()).as("days apart").hasSize(4);

        ApiClient power = new ApiClient(port).as("dept_power_xz", "Demo@2022");
        assertThat(power.get("/api/v1/tasks?assignedToMe=true&overdue=true").raw()).contains(byTitle.get("保障白名单企业生产用电").id());
        ApiClient hq = new ApiClient(port).as("hq_hn", "Demo@2022");
        assertThat(hq.get("/api/v1/tasks/" + byTitle.get("全面排查白名单企业复工复产情况").id()).body().get("assignments"))
                .hasSize(3);
    }

    @Test
    void aSecondStartSeedsNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM task_task").query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_task").query(Long.class).single()).isEqualTo(before);
        assertThat(seeded()).hasSize(8);
    }

    private List<Row> seeded() {
        List<Object> titles = new ArrayList<>(TaskDemoData.SCRIPTS.stream().map(s -> (Object) s.title()).toList());
        return jdbc.sql("SELECT id, title, status, region_code, deadline, created_at FROM task_task WHERE title IN ("
                + String.join(",", titles.stream().map(t -> "?").toList()) + ")")
                .params(titles)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }
}
