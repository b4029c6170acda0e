package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.sibao.support.Xlsx;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The alert board's Excel export: the board's filters (open alerts by default) and scope, with Chinese labels. */
@FullStackTest
class AlertExportTest {

    @LocalServerPort
    int port;

    @Test
    void theEpidemicOfficerExportsTheBoardOfTheArea() {
        WebClient xz = WebClient.signedIn(port, "epi_xz", "Demo@2022");
        assertThat(xz.get("/epidemic/alerts?type=POSITIVE_RESULT").body())
                .contains("id=\"alerts-export\"", "/epidemic/alerts/export?type=POSITIVE_RESULT&amp;status=OPEN");

        Xlsx all = Xlsx.of(xz.download("/epidemic/alerts/export?status="), "epidemic-alerts-");
        assertThat(all.sheetNames()).containsExactly("电子哨预警");
        assertThat(all.headers(0)).containsExactly("类型", "企业", "员工", "发生时间", "状态", "签收时间", "解除时间");
        List<String> positive = all.row(0, "检测阳性");
        assertThat(all.cell(0, positive, "员工")).isNotBlank();
        assertThat(all.cell(0, positive, "发生时间")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(all.column(0, "状态")).allMatch(s -> List.of("待处理", "已签收", "已解除").contains(s));
        String positiveEnterprise = all.cell(0, positive, "企业");

        Xlsx open = Xlsx.of(xz.download("/epidemic/alerts/export?type=POSITIVE_RESULT"), "epidemic-alerts-");
        assertThat(open.column(0, "类型")).isNotEmpty().containsOnly("检测阳性");
        assertThat(open.column(0, "状态")).as("open alerts by default, as the board").containsOnly("待处理");

        Xlsx kaifeng = Xlsx.of(WebClient.signedIn(port, "epi_kf", "Demo@2022").download("/epidemic/alerts/export?status="),
                "epidemic-alerts-");
        assertThat(kaifeng.rows(0)).isNotEmpty();
        assertThat(kaifeng.column(0, "企业")).doesNotContain(positiveEnterprise);
    }
}
