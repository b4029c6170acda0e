package org.sibao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.sibao.support.Xlsx;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The appeal metrics page's Excel export: the figures and both rankings of the official's region. */
@FullStackTest
class AppealMetricsExportTest {

    @LocalServerPort
    int port;

    @Test
    void theHqOfficeExportsTheMetricsOfItsRegion() {
        WebClient kf = WebClient.signedIn(port, "hq_kf", "Demo@2022");
        assertThat(kf.get("/appeal-metrics").body()).contains("id=\"metrics-export\"", "/appeal-metrics/export?regionCode=410200");

        // a period (the longest allowed, a year) that holds the demo appeals however far other tests have moved the
        // drill clock
        java.time.LocalDate today = java.time.OffsetDateTime.parse(new org.sibao.support.ApiClient(port)
                .as("admin", "Admin@2022").get("/api/v1/admin/clock").text("now"))
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        Xlsx x = Xlsx.of(kf.download("/appeal-metrics/export?from=" + today.minusDays(360)), "appeal-metrics-410200-");
        assertThat(x.sheetNames()).containsExactly("诉求考核", "按地区排名", "按责任单位排名");
        assertThat(x.headers(0)).containsExactly("指标", "数值");
        assertThat(x.row(0, "地区")).containsExactly("地区", "开封市");
        assertThat(x.row(0, "统计期间").get(1)).matches("\\d{4}-\\d{2}-\\d{2} ~ \\d{4}-\\d{2}-\\d{2}");
        assertThat(x.row(0, "响应率").get(1)).matches("\\d+\\.\\d%|—");
        assertThat(Integer.parseInt(x.row(0, "交办数").get(1))).isPositive();
        assertThat(x.headers(1)).containsExactly("排名", "地区", "交办数", "响应率", "满意率", "超期未办结");
        assertThat(x.column(1, "地区")).contains("兰考县").allMatch(r -> !r.matches(".*\\d.*"));
        assertThat(x.column(1, "排名").get(0)).isEqualTo("1");
        List<String> departments = x.column(2, "责任单位");
        assertThat(departments).isNotEmpty().allMatch(d -> d.endsWith("局") || d.endsWith("公司") || !d.matches("[A-Z_]+"));

        assertThat(kf.download("/appeal-metrics/export?regionCode=410184").statusCode()).as("another city").isEqualTo(404);
        Xlsx xz = Xlsx.of(WebClient.signedIn(port, "hq_xz", "Demo@2022").download("/appeal-metrics/export"),
                "appeal-metrics-410184-");
        assertThat(xz.row(0, "地区")).containsExactly("地区", "新郑市");
        assertThat(xz.column(1, "地区")).doesNotContain("兰考县");
    }
}
