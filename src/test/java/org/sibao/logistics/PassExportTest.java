package org.sibao.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.sibao.support.Xlsx;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pass list's Excel export: the page's filter and scope, every page, labels and masked drivers. */
@FullStackTest
class PassExportTest {

    @LocalServerPort
    int port;

    private WebClient login(String username) {
        return WebClient.signedIn(port, username, "Demo@2022");
    }

    @Test
    void theTransportOfficerExportsTheAreasPassesWithLabelsAndMaskedDrivers() {
        WebClient xz = login("sector_transport_xz");
        assertThat(xz.get("/passes?status=PENDING").body()).contains("id=\"passes-export\"", "/passes/export?status=PENDING", "导出 Excel");

        Xlsx all = Xlsx.of(xz.download("/passes/export"), "passes-");
        assertThat(all.sheetNames()).containsExactly("车辆通行证");
        assertThat(all.headers(0)).containsExactly("车牌号", "承运企业", "承运企业所在地", "驾驶员", "起点", "终点",
                "服务的白名单企业", "有效期起", "有效期止", "状态", "申请时间", "审批时间", "审批意见");
        List<String> van = all.row(0, "豫AD35781");
        assertThat(all.cell(0, van, "承运企业所在地")).isEqualTo("新郑市");
        // approved in the demo data; expired once other tests have moved the drill clock past its validity
        assertThat(all.cell(0, van, "状态")).isIn("已批准", "已过期");
        assertThat(all.cell(0, van, "起点")).isEqualTo("新郑市薛店镇");
        assertThat(all.cell(0, van, "有效期止")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(all.cell(0, van, "审批时间")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(all.cell(0, van, "驾驶员")).contains("*").doesNotContainPattern("\\d{17}[\\dX]").doesNotContainPattern("1\\d{10}");
        assertThat(all.column(0, "车牌号")).contains("豫A3K852", "豫A7M206").doesNotContain("豫B5L390", "豫U02468D");

        Xlsx pending = Xlsx.of(xz.download("/passes/export?status=PENDING"), "passes-");
        assertThat(pending.column(0, "车牌号")).contains("豫A7M206").doesNotContain("豫AD35781");
        assertThat(pending.column(0, "状态")).containsOnly("待审批");

        Xlsx kaifeng = Xlsx.of(login("sector_transport_kf").download("/passes/export"), "passes-");
        assertThat(kaifeng.column(0, "车牌号")).contains("豫B5L390").doesNotContain("豫AD35781", "豫A3K852");
    }
}
