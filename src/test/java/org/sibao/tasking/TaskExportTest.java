package org.sibao.tasking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.sibao.support.Xlsx;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The task list's Excel export: the list's filters and scope, with Chinese labels and readable times. */
@FullStackTest
class TaskExportTest {

    @LocalServerPort
    int port;

    @Test
    void theHqOfficeExportsItsTasks() {
        WebClient kf = WebClient.signedIn(port, "hq_kf", "Demo@2022");
        assertThat(kf.get("/tasks?status=ACCEPTED").body()).contains("id=\"tasks-export\"", "/tasks/export?status=ACCEPTED");

        Xlsx tasks = Xlsx.of(kf.download("/tasks/export"), "tasks-");
        assertThat(tasks.sheetNames()).containsExactly("工作交办");
        assertThat(tasks.headers(0)).containsExactly("任务名称", "交办指挥部", "承办单位", "截止时间", "优先级", "状态",
                "是否逾期", "交办人", "交办时间", "办结时间");
        List<String> refund = tasks.row(0, "落实增值税留抵退税政策，确保应退尽退");
        assertThat(tasks.cell(0, refund, "交办指挥部")).isEqualTo("开封市");
        assertThat(tasks.cell(0, refund, "优先级")).isEqualTo("重要");
        assertThat(tasks.cell(0, refund, "状态")).isEqualTo("已验收");
        assertThat(tasks.cell(0, refund, "是否逾期")).isEqualTo("否");
        assertThat(tasks.cell(0, refund, "截止时间")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(tasks.column(0, "任务名称")).doesNotContain("保障白名单企业生产用电");

        Xlsx accepted = Xlsx.of(kf.download("/tasks/export?status=ACCEPTED"), "tasks-");
        assertThat(accepted.column(0, "状态")).isNotEmpty().containsOnly("已验收");

        WebClient xz = WebClient.signedIn(port, "hq_xz", "Demo@2022");
        Xlsx overdue = Xlsx.of(xz.download("/tasks/export?overdue=true"), "tasks-");
        List<String> power = overdue.row(0, "保障白名单企业生产用电");
        assertThat(overdue.cell(0, power, "优先级")).isEqualTo("紧急");
        assertThat(overdue.column(0, "是否逾期")).containsOnly("是");
        assertThat(overdue.column(0, "任务名称")).doesNotContain("落实增值税留抵退税政策，确保应退尽退");
    }
}
