package org.sibao.tasking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** HQ tasks over the API: assignment, progress, completion, acceptance and return, scope, roles and overdue. */
@FullStackTest
class TaskApiTest {

    private static final String PASSWORD = "Demo@2022";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
    }

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, PASSWORD);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now"));
    }

    private Map<String, Object> task(String title, OffsetDateTime deadline, List<Map<String, Object>> assignees) {
        return Map.of("title", title, "description", "6月底本领域白名单覆盖率超过70%", "deadline", deadline.toString(),
                "priority", "HIGH", "assignees", assignees);
    }

    private static Map<String, Object> department(String code, String region) {
        return Map.of("kind", "DEPARTMENT", "code", code, "regionCode", region);
    }

    private static Map<String, Object> region(String code) {
        return Map.of("kind", "REGION", "regionCode", code);
    }

    private static String assignmentOf(JsonNode task, String kind) {
        for (JsonNode a : task.get("assignments")) {
            if (a.get("kind").asString().equals(kind)) {
                return a.get("id").asString();
            }
        }
        throw new AssertionError("no " + kind + " assignment in " + task);
    }

    @Test
    void assignedToADepartmentAndALowerRegionProgressedCompletedAndAccepted() {
        ApiClient hq = as("hq_hn");
        ApiClient.Response created = hq.post("/api/v1/tasks", task("白名单覆盖率攻坚", now().plusDays(5),
                List.of(department("TAX", "410200"), region("410184"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("ASSIGNED");
        assertThat(created.body().get("assignments")).hasSize(2);
        String id = created.text("id");

        ApiClient tax = as("dept_tax_kf");
        ApiClient xz = as("hq_xz");
        assertThat(tax.get("/api/v1/tasks?assignedToMe=true").raw()).contains(id);
        assertThat(xz.get("/api/v1/tasks?assignedToMe=true").raw()).contains(id);
        assertThat(as("dept_hrss_kf").get("/api/v1/tasks/" + id).status()).as("another department").isEqualTo(404);
        assertThat(as("hq_kf").get("/api/v1/tasks/" + id).status()).as("a unit of 开封 is assigned").isEqualTo(200);
        assertThat(as("hq_ny").get("/api/v1/tasks/" + id).status()).as("南阳 is not involved").isEqualTo(404);

        ApiClient.Response progress = tax.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 40, "note", "已梳理名单"));
        assertThat(progress.status()).as(progress.raw()).isEqualTo(200);
        assertThat(progress.text("status")).isEqualTo("IN_PROGRESS");
        tax.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 80, "note", "已对接企业"));

        ApiClient.Response taxDone = tax.post("/api/v1/tasks/" + id + "/complete", Map.of("note", "已完成"));
        assertThat(taxDone.status()).as(taxDone.raw()).isEqualTo(200);
        assertThat(taxDone.text("status")).as("the lower region is still open").isEqualTo("IN_PROGRESS");
        ApiClient.Response xzDone = xz.post("/api/v1/tasks/" + id + "/complete", Map.of());
        assertThat(xzDone.text("status")).isEqualTo("DONE");

        assertThat(xz.post("/api/v1/tasks/" + id + "/accept", Map.of()).status()).as("only the assigning HQ").isEqualTo(403);
        ApiClient.Response accepted = hq.post("/api/v1/tasks/" + id + "/accept", Map.of("comment", "很好"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.body().get("closedAt").isNull()).isFalse();

        JsonNode history = hq.get("/api/v1/tasks/" + id).body().get("history");
        List<String> kinds = new java.util.ArrayList<>();
        history.forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactly("ASSIGN", "ASSIGN", "PROGRESS", "PROGRESS", "COMPLETE", "COMPLETE", "ACCEPT", "ACCEPT");
        assertThat(history.get(3).get("percent").asInt()).isEqualTo(80);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'task' AND entity_id = ?").param(id)
                .query(Long.class).single()).isGreaterThanOrEqualTo(7);
        assertThat(tax.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 90, "note", "x")).status())
                .as("no progress on an accepted task").isEqualTo(409);
    }

    @Test
    void aSectorsCompetentDepartmentIsHandledByItsSectorOfficers() {
        ApiClient hq = as("hq_kf");
        ApiClient.Response created = hq.post("/api/v1/tasks", task("工业企业白名单扩面", now().plusDays(3),
                List.of(department("MIIT", "410200"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");

        ApiClient industry = as("sector_industry_kf");
        assertThat(industry.get("/api/v1/tasks?assignedToMe=true").raw()).contains(id);
        ApiClient.Response progress = industry.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 50, "note", "已摸排"));
        assertThat(progress.status()).as(progress.raw()).isEqualTo(200);
        assertThat(progress.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(as("sector_commerce_kf").post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 60, "note", "x"))
                .status()).as("商务局 was not assigned").isEqualTo(403);
        assertThat(as("sector_commerce_kf").get("/api/v1/tasks?assignedToMe=true").raw()).doesNotContain(id);
    }

    @Test
    void aTaskForceIsWorkedByTheOfficesItIsFormedOf() {
        ApiClient hq = as("hq_kf");
        ApiClient.Response created = hq.post("/api/v1/tasks", task("专班攻坚", now().plusDays(3),
                List.of(Map.of("kind", "TASK_FORCE", "code", "INDUSTRY"), Map.of("kind", "TASK_FORCE", "code", "EPIDEMIC"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        String industryForce = null;
        for (JsonNode a : created.body().get("assignments")) {
            if ("INDUSTRY".equals(a.get("code").asString())) {
                industryForce = a.get("id").asString();
            }
        }
        assertThat(industryForce).isNotNull();

        ApiClient industry = as("sector_industry_kf");
        assertThat(industry.get("/api/v1/tasks?assignedToMe=true").raw()).contains(id);
        ApiClient.Response progress = industry.post("/api/v1/tasks/" + id + "/progress",
                Map.of("percent", 30, "note", "工业生产专班已部署", "assignmentId", industryForce));
        assertThat(progress.status()).as(progress.raw()).isEqualTo(200);
        assertThat(as("epi_kf").get("/api/v1/tasks?assignedToMe=true").raw()).as("防疫保障组").contains(id);
        assertThat(as("sector_commerce_kf").post("/api/v1/tasks/" + id + "/progress",
                Map.of("percent", 10, "note", "x", "assignmentId", industryForce)).status())
                .as("another sector's officers are not the industry task force").isEqualTo(403);
        assertThat(hq.post("/api/v1/tasks/" + id + "/progress",
                Map.of("percent", 40, "note", "指挥部办公室跟进", "assignmentId", industryForce)).status())
                .as("the HQ office still works its task forces").isEqualTo(200);
    }

    @Test
    void returnedTaskGoesBackToTheAssignee() {
        ApiClient hq = as("hq_kf");
        String id = hq.post("/api/v1/tasks", task("复工复产排查", now().plusDays(3),
                List.of(Map.of("kind", "TASK_FORCE", "code", "INDUSTRY")))).text("id");
        assertThat(hq.post("/api/v1/tasks/" + id + "/accept", Map.of()).status()).as("nothing done yet").isEqualTo(409);
        assertThat(hq.post("/api/v1/tasks/" + id + "/complete", Map.of("note", "专班已完成")).text("status")).isEqualTo("DONE");
        assertThat(hq.post("/api/v1/tasks/" + id + "/complete", Map.of()).status()).as("completed twice").isEqualTo(409);
        assertThat(hq.post("/api/v1/tasks/" + id + "/return", Map.of()).status()).as("return needs a comment").isEqualTo(400);
        ApiClient.Response returned = hq.post("/api/v1/tasks/" + id + "/return", Map.of("comment", "材料不全"));
        assertThat(returned.status()).as(returned.raw()).isEqualTo(200);
        assertThat(returned.text("status")).isEqualTo("RETURNED");
        assertThat(hq.get("/api/v1/tasks?status=RETURNED").raw()).contains(id);
        assertThat(hq.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 60, "note", "补充材料")).text("status"))
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void validatesInputRolesAndScope() {
        ApiClient hq = as("hq_kf");
        ApiClient.Response bad = hq.post("/api/v1/tasks", Map.of("deadline", "2000-01-01", "priority", "NOPE",
                "assignees", List.of(department("XX", "410200"), region("410200"), region("410100"),
                        Map.of("kind", "TASK_FORCE", "code", "NOPE"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"title\"", "\"description\"", "\"deadline\"", "\"priority\"",
                "assignees[0].code", "assignees[1].regionCode", "assignees[2].regionCode", "assignees[3].code");

        Map<String, Object> ok = task("防疫物资保障", now().plusDays(2), List.of(department("TAX", "410200")));
        assertThat(as("dept_tax_kf").post("/api/v1/tasks", ok).status()).isEqualTo(403);
        assertThat(as("sup_kf").post("/api/v1/tasks", ok).status()).isEqualTo(403);
        assertThat(as("ent_kf").get("/api/v1/tasks").status()).isEqualTo(403);

        String id = hq.post("/api/v1/tasks", ok).text("id");
        assertThat(as("hq_xz").get("/api/v1/tasks/" + id).status()).as("a lower region not assigned").isEqualTo(404);
        assertThat(as("hq_xz").post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 1, "note", "x")).status()).isEqualTo(404);
        assertThat(as("sup_kf").get("/api/v1/tasks/" + id).status()).isEqualTo(200);
        assertThat(as("sup_kf").post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 1, "note", "x")).status())
                .as("supervisors read, they do not handle").isEqualTo(403);
        assertThat(as("dept_tax_kf").post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 101)).raw())
                .contains("\"percent\"", "\"note\"");
        assertThat(hq.get("/api/v1/tasks/nope").status()).isEqualTo(404);
        assertThat(hq.get("/api/v1/tasks?status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void overdueAfterTheClockPassesTheDeadlineNotifiedOnce() {
        ApiClient hq = as("hq_kf");
        String id = hq.post("/api/v1/tasks", task("逾期测试任务", now().plusHours(2),
                List.of(department("TAX", "410200")))).text("id");
        assertThat(hq.get("/api/v1/tasks/" + id).body().get("overdue").asBoolean()).isFalse();

        ApiClient.Response advanced = admin.post("/api/v1/admin/clock/advance", Map.of("hours", 3));
        assertThat(advanced.status()).as(advanced.raw()).isEqualTo(200);
        JsonNode task = hq.get("/api/v1/tasks/" + id).body();
        assertThat(task.get("overdue").asBoolean()).isTrue();
        assertThat(task.get("assignments").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(as("dept_tax_kf").get("/api/v1/tasks?overdue=true&assignedToMe=true").raw()).contains(id);

        tasks.sweepOverdue();
        long toTax = notices(id, "tasking.notice.overdue");
        long toSupervisor = notices(id, "tasking.notice.overdueSupervisor");
        assertThat(toTax).as("the department's handlers").isPositive();
        assertThat(toSupervisor).as("the region's supervisors").isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification n WHERE n.link = ? AND n.message_key = 'tasking.notice.overdue'"
                + " AND n.user_id IN (SELECT u.id FROM app_user u WHERE u.username = 'dept_tax_kf')").param("/tasks/" + id)
                .query(Long.class).single()).isEqualTo(1);

        tasks.sweepOverdue();
        assertThat(notices(id, "tasking.notice.overdue")).as("once").isEqualTo(toTax);
        assertThat(notices(id, "tasking.notice.overdueSupervisor")).as("once").isEqualTo(toSupervisor);
    }

    private long notices(String taskId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE link = ? AND message_key = ?")
                .params("/tasks/" + taskId, key).query(Long.class).single();
    }

    @Autowired
    TaskService tasks;
}
