package org.sibao.escort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.sibao.support.Xlsx;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Excel exports of the HQ's inspection and shutdown lists: filter and scope of the list, Chinese labels. */
@FullStackTest
class EscortExportTest {

    private static final String MARKET_CHECK = "产品质量和价格行为专项检查";
    private static final String XZ_SHUTDOWN = "密接人员所在车间需停产消杀，申请停产3天";

    @LocalServerPort
    int port;

    @Test
    void theHqOfficeExportsTheInspectionsOfItsArea() {
        WebClient kf = WebClient.signedIn(port, "hq_kf", "Demo@2022");
        assertThat(kf.get("/escort/inspections").body()).contains("id=\"inspections-export\"", "/escort/inspections/export");

        Xlsx x = Xlsx.of(kf.download("/escort/inspections/export"), "inspections-");
        assertThat(x.sheetNames()).containsExactly("涉企检查报备");
        assertThat(x.headers(0)).containsExactly("市场主体", "所在地区", "检查部门", "检查类别", "事由", "计划日期", "状态",
                "需审批", "申请时间", "审批时间", "意见");
        List<String> market = x.row(0, MARKET_CHECK);
        assertThat(x.cell(0, market, "检查部门")).isEqualTo("市场监督管理局");
        assertThat(x.cell(0, market, "检查类别")).isEqualTo("市场监管检查");
        assertThat(x.cell(0, market, "状态")).isEqualTo("不同意");
        assertThat(x.cell(0, market, "需审批")).isEqualTo("是");
        assertThat(x.cell(0, market, "所在地区")).isNotBlank().doesNotContainPattern("\\d");
        assertThat(x.cell(0, market, "审批时间")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(x.cell(0, market, "计划日期")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(x.column(0, "事由")).doesNotContain("排污许可执行情况检查");

        Xlsx refused = Xlsx.of(kf.download("/escort/inspections/export?status=REFUSED"), "inspections-");
        assertThat(refused.column(0, "状态")).isNotEmpty().containsOnly("不同意");

        Xlsx xz = Xlsx.of(WebClient.signedIn(port, "hq_xz", "Demo@2022").download("/escort/inspections/export"), "inspections-");
        assertThat(xz.column(0, "事由")).contains("新建仓库投用前消防安全检查").doesNotContain(MARKET_CHECK);
    }

    @Test
    void theHqOfficeExportsTheShutdownsOfItsArea() {
        WebClient xz = WebClient.signedIn(port, "hq_xz", "Demo@2022");
        assertThat(xz.get("/escort/shutdowns").body()).contains("id=\"shutdowns-export\"", "/escort/shutdowns/export");

        Xlsx x = Xlsx.of(xz.download("/escort/shutdowns/export"), "shutdowns-");
        assertThat(x.sheetNames()).containsExactly("停产限产审批");
        assertThat(x.headers(0)).containsExactly("市场主体", "所在地区", "事由", "天数", "状态", "结束原因", "申请时间",
                "审批时间", "开始时间", "截止时间", "结束时间", "意见", "经济运行调度指挥部会商", "卫健/防疫指挥部会商", "待会商延期");
        List<String> ended = x.row(0, XZ_SHUTDOWN);
        assertThat(x.cell(0, ended, "天数")).isEqualTo("3");
        assertThat(x.cell(0, ended, "状态")).isEqualTo("已恢复");
        assertThat(x.cell(0, ended, "结束原因")).isEqualTo("到期自动恢复");
        assertThat(x.cell(0, ended, "结束时间")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(x.cell(0, ended, "经济运行调度指挥部会商")).as("郑州's HQ office agreed")
                .matches("同意 · .+（郑州市） · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} · .+");
        assertThat(x.cell(0, ended, "卫健/防疫指挥部会商")).startsWith("同意 · ").contains("（郑州市）");

        Xlsx kf = Xlsx.of(WebClient.signedIn(port, "hq_kf", "Demo@2022").download("/escort/shutdowns/export?status=PENDING"),
                "shutdowns-");
        assertThat(kf.column(0, "状态")).isNotEmpty().containsOnly("待审批");
        assertThat(kf.column(0, "经济运行调度指挥部会商")).as("the demo's pending request awaits 开封's HQ").contains("待会商");
        assertThat(kf.column(0, "卫健/防疫指挥部会商")).anyMatch(c -> c.startsWith("同意 · ") && c.contains("（开封市）"));
        assertThat(kf.column(0, "事由")).doesNotContain(XZ_SHUTDOWN);
    }
}
