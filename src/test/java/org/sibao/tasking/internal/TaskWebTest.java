package org.sibao.tasking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.TestSubjects;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The task pages: assign through the form, report progress and complete as the department, accept as the HQ. */
@FullStackTest
class TaskWebTest {

    private static final String PASSWORD = "Demo@2022";

    @LocalServerPort
    int port;

    private WebClient signedIn(String user) {
        WebClient web = new WebClient(port);
        assertThat(web.login(user, PASSWORD).status()).isEqualTo(302);
        return web;
    }

    @Test
    void assignProgressCompleteAndAcceptThroughThePages() {
        WebClient hq = signedIn("hq_kf");
        WebClient.Page list = hq.get("/tasks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("交办新任务", "工业生产专班", "税务局", "杞县");

        String title = "页面交办测试" + TestSubjects.token();
        WebClient.Page bad = hq.post("/tasks", Map.of("title", title, "description", "先写好的任务内容"));
        assertThat(bad.location()).endsWith("/tasks");
        assertThat(hq.get("/tasks").body()).contains("id=\"problems\"")
                .as("the form keeps what was typed").contains("value=\"" + title + "\"", "先写好的任务内容")
                .as("fields by their names").contains("承办单位：").doesNotContain("assignees：");

        WebClient.Page created = hq.post("/tasks", Map.of("title", title, "description", "通过页面交办",
                "deadline", "2099-12-31T18:00", "priority", "URGENT", "departments", "TAX", "departmentRegion", "410200"));
        assertThat(created.status()).isEqualTo(302);
        String path = created.location().substring(created.location().indexOf("/tasks/"));
        assertThat(hq.get(path).body()).contains(title, "开封市 税务局", "已交办", "紧急");

        WebClient tax = signedIn("dept_tax_kf");
        assertThat(tax.get("/tasks?assignedToMe=true").body()).contains(title);
        assertThat(tax.get(path).body()).contains("本单位办理", "报告进度");
        tax.post(path + "/progress", Map.of("percent", "30", "note", "正在推进"));
        assertThat(tax.get(path).body()).contains("正在推进", "30%", "办理中");
        tax.post(path + "/complete", Map.of("note", "已办结"));
        assertThat(tax.get(path).body()).contains("已办结待验收").doesNotContain("本单位办理");

        assertThat(hq.get(path).body()).contains("验收通过");
        hq.post(path + "/accept", Map.of("note", "同意"));
        assertThat(hq.get(path).body()).contains("已验收", "同意");
        assertThat(hq.get("/").body()).contains("我的在办任务");
    }
}
