package org.sibao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.sibao.support.Xlsx;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The reach page's Excel export: by policy, department and region of the official's region, with totals. */
@FullStackTest
class PolicyReachExportTest {

    @LocalServerPort
    int port;

    @Test
    void theHqOfficeExportsTheReachOfItsRegion() {
        WebClient ny = WebClient.signedIn(port, "hq_ny", "Demo@2022");
        assertThat(ny.get("/policies/reach").body()).contains("id=\"reach-export\"", "/policies/reach/export?regionCode=411300");

        Xlsx x = Xlsx.of(ny.download("/policies/reach/export"), "policy-reach-411300-");
        assertThat(x.sheetNames()).containsExactly("按政策", "按部门", "按地区");
        assertThat(x.headers(0)).containsExactly("政策编号", "政策名称", "符合条件（户次）", "已兑现（户次）", "应享尽享率（%）", "兑现金额（元）");
        assertThat(x.headers(1).get(0)).isEqualTo("部门");
        assertThat(x.headers(2).get(0)).isEqualTo("地区");
        List<String> total = x.row(0, "合计");
        assertThat(Long.parseLong(x.cell(0, total, "已兑现（户次）"))).isPositive();
        assertThat(x.row(1, "合计")).containsSubsequence(total.subList(2, total.size()));
        assertThat(x.column(0, "政策编号")).anyMatch(c -> c.startsWith("NY"));
        assertThat(x.column(1, "部门")).contains("合计").allMatch(d -> !d.matches("[A-Z_]+"));
        assertThat(x.column(2, "地区")).isNotEmpty().allMatch(r -> !r.matches(".*\\d.*"));

        WebClient kf = WebClient.signedIn(port, "hq_kf", "Demo@2022");
        Xlsx kaifeng = Xlsx.of(kf.download("/policies/reach/export"), "policy-reach-410200-");
        assertThat(kaifeng.column(0, "政策编号")).noneMatch(c -> c.startsWith("NY"));
        assertThat(kf.download("/policies/reach/export?regionCode=411300").statusCode()).isEqualTo(404);
    }

    @Test
    void aSectorOfficerCountsItsOwnSectorAsOnItsDashboard() {
        org.sibao.support.ApiClient officer = new org.sibao.support.ApiClient(port).as("sector_industry_ny", "Demo@2022");
        org.sibao.support.ApiClient hq = new org.sibao.support.ApiClient(port).as("hq_ny", "Demo@2022");
        var mine = officer.get("/api/v1/policies/reach").body();
        var dashboard = officer.get("/api/v1/dashboard").body().get("policies");
        assertThat(mine.get("eligible").asLong()).isEqualTo(dashboard.get("eligible").asLong());
        assertThat(mine.get("granted").asLong()).isEqualTo(dashboard.get("granted").asLong());
        assertThat(mine.get("eligible").asLong()).as("not the whole city's")
                .isLessThan(hq.get("/api/v1/policies/reach").body().get("eligible").asLong());
        Xlsx x = Xlsx.of(WebClient.signedIn(port, "sector_industry_ny", "Demo@2022").download("/policies/reach/export"),
                "policy-reach-411300-");
        assertThat(Long.parseLong(x.cell(0, x.row(0, "合计"), "符合条件（户次）"))).isEqualTo(mine.get("eligible").asLong());
    }
}
