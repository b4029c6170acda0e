package org.sibao.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.sibao.support.Xlsx;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The coverage page's Excel export: by sector (total first), by child region and the suggestions, in scope. */
@FullStackTest
class CoverageExportTest {

    @LocalServerPort
    int port;

    @Test
    void theHqOfficeExportsTheCoverageOfItsRegion() {
        WebClient kf = WebClient.signedIn(port, "hq_kf", "Demo@2022");
        assertThat(kf.get("/coverage").body()).contains("id=\"coverage-export\"", "/coverage/export?regionCode=410200");

        Xlsx x = Xlsx.of(kf.download("/coverage/export"), "coverage-410200-");
        assertThat(x.sheetNames()).containsExactly("分领域覆盖率", "分地区覆盖率", "建议优先纳入");
        assertThat(x.headers(0)).containsExactly("领域", "已覆盖（万元）", "总值（万元）", "覆盖率（%）", "目标（%）", "是否达标",
                "白名单户数", "总户数");
        assertThat(x.column(0, "领域")).containsExactly("全部领域", "工业生产", "商贸流通", "交通运输", "文化旅游", "重点项目");
        List<String> total = x.row(0, "全部领域");
        assertThat(x.cell(0, total, "目标（%）")).isEqualTo("70");
        assertThat(x.cell(0, total, "是否达标")).isIn("是", "否");
        assertThat(Long.parseLong(x.cell(0, total, "总户数"))).isPositive();
        assertThat(x.headers(1).get(0)).isEqualTo("地区");
        assertThat(x.column(1, "地区")).contains("兰考县").allMatch(r -> !r.matches(".*\\d.*"));
        assertThat(x.headers(2)).containsExactly("市场主体", "地区", "领域", "产值/投资额（万元）", "单独纳入后覆盖率（%）",
                "累计纳入后覆盖率（%）");
        assertThat(x.rows(2)).isNotEmpty().hasSizeLessThanOrEqualTo(10);

        Xlsx industry = Xlsx.of(kf.download("/coverage/export?sector=INDUSTRY"), "coverage-410200-");
        assertThat(industry.column(0, "领域")).as("one row for the one sector").containsExactly("工业生产");
        assertThat(industry.column(2, "领域")).containsOnly("工业生产");

        assertThat(kf.download("/coverage/export?regionCode=410184").statusCode()).as("another city").isEqualTo(404);
        Xlsx xz = Xlsx.of(WebClient.signedIn(port, "hq_xz", "Demo@2022").download("/coverage/export"), "coverage-410184-");
        assertThat(xz.rows(1)).as("a county has no child regions").isEmpty();
        assertThat(xz.column(2, "地区")).doesNotContain("兰考县");
    }
}
