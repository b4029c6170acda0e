package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.support.ApiClient;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** HQ tasks, the overdue sweep, report generation, the run marker and the report list on PostgreSQL. */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresTaskingTest {

    private static final String ADMIN_PASSWORD = "Admin@" + UUID.randomUUID().toString().substring(0, 8) + "9";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresSchema.productionSettings(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScheduledTaskHolder scheduled;

    @Test
    void tasksAndReportsOnPostgres() {
        PostgresSchema.administrator(jdbc, "pg_admin", ADMIN_PASSWORD, "管理员");
        ApiClient admin = new ApiClient(port).as("pg_admin", ADMIN_PASSWORD);
        TestUsers.create(admin, "pg_hq_kf", "HQ_OFFICER", "410200", Map.of("departmentCode", "NDRC"));
        TestUsers.create(admin, "pg_tax_kf", "DEPT_HANDLER", "410200", Map.of("departmentCode", "TAX"));
        ApiClient hq = new ApiClient(port).as("pg_hq_kf", TestUsers.PASSWORD);
        ApiClient tax = new ApiClient(port).as("pg_tax_kf", TestUsers.PASSWORD);

        ApiClient.Response created = hq.post("/api/v1/tasks", Map.of("title", "PG任务", "description", "测试",
                "deadline", OffsetDateTime.now().plusDays(2).toString(),
                "assignees", List.of(Map.of("kind", "DEPARTMENT", "code", "TAX"), Map.of("kind", "REGION", "regionCode", "410221"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        assertThat(tax.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 50, "note", "过半")).text("status"))
                .isEqualTo("IN_PROGRESS");
        assertThat(tax.post("/api/v1/tasks/" + id + "/complete", Map.of()).status()).isEqualTo(200);
        assertThat(hq.post("/api/v1/tasks/" + id + "/accept", Map.of()).text("status")).isEqualTo("IN_PROGRESS");
        assertThat(tax.get("/api/v1/tasks?assignedToMe=true&overdue=false&status=IN_PROGRESS").raw()).contains(id);
        assertThat(hq.get("/api/v1/tasks/" + id).body().get("history")).hasSize(5);

        ApiClient.Response weekly = hq.post("/api/v1/reports/weekly?regionCode=410200", "");
        assertThat(weekly.status()).as(weekly.raw()).isEqualTo(201);
        ApiClient.Response friday = hq.post("/api/v1/reports/friday?regionCode=410200", "");
        assertThat(friday.status()).as(friday.raw()).isEqualTo(201);
        assertThat(hq.get("/api/v1/reports?kind=WEEKLY_BRIEF&regionCode=410200").body().get("total").asLong()).isEqualTo(1);
        assertThat(hq.getBytes("/api/v1/reports/" + friday.text("id") + "/docx").statusCode()).isEqualTo(200);

        // the job's own cron may already have run this minute, before 开封's HQ office existed, and may still hold its
        // lock: start from no run, no lock and no scheduled report, so that the two runs below are the only ones
        jdbc.sql("DELETE FROM task_report_run").update();
        jdbc.sql("DELETE FROM task_report WHERE generated_by = '系统定时生成'").update();
        jdbc.sql("DELETE FROM shedlock WHERE name = 'tasking.schedule'").update();
        ScheduledTask job = scheduled.getScheduledTasks().stream()
                .filter(t -> t.toString().contains("ReportSchedule")).findFirst().orElseThrow();
        job.getTask().getRunnable().run();
        job.getTask().getRunnable().run();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_report_run").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_report WHERE region_code = '410200' AND generated_by = '系统定时生成'")
                .query(Long.class).single()).as("the scheduled runs reached 开封's HQ office").isEqualTo(2);
    }
}
