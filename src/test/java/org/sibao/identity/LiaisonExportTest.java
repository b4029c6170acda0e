package org.sibao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.sibao.support.Xlsx;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The liaison list's Excel export: the search and scope of the list, with the enterprises each one serves. */
@FullStackTest
class LiaisonExportTest {

    @LocalServerPort
    int port;

    @Test
    void theHqOfficeExportsTheLiaisonsOfItsRegion() {
        WebClient kf = WebClient.signedIn(port, "hq_kf", "Demo@2022");
        assertThat(kf.get("/liaisons?q=liaison").body()).contains("id=\"liaisons-export\"", "/liaisons/export?q=liaison");

        Xlsx x = Xlsx.of(kf.download("/liaisons/export"), "liaisons-");
        assertThat(x.sheetNames()).containsExactly("包保干部");
        assertThat(x.headers(0)).containsExactly("用户名", "姓名", "行政区划", "包联企业数", "包联企业");
        List<String> liaison = x.row(0, "liaison_kf");
        assertThat(x.cell(0, liaison, "行政区划")).isEqualTo("开封市");
        int count = Integer.parseInt(x.cell(0, liaison, "包联企业数"));
        assertThat(count).isPositive();
        assertThat(x.cell(0, liaison, "包联企业").split("、")).hasSize(count).allMatch(n -> n.matches(".*\\p{IsHan}.*"));
        assertThat(x.column(0, "用户名")).doesNotContain("liaison_xz", "liaison_ny");

        Xlsx searched = Xlsx.of(kf.download("/liaisons/export?q=liaison_kf"), "liaisons-");
        assertThat(searched.column(0, "用户名")).containsExactly("liaison_kf");

        Xlsx xz = Xlsx.of(WebClient.signedIn(port, "hq_xz", "Demo@2022").download("/liaisons/export"), "liaisons-");
        assertThat(xz.column(0, "用户名")).contains("liaison_xz").doesNotContain("liaison_kf");
        assertThat(WebClient.signedIn(port, "liaison_kf", "Demo@2022").download("/liaisons/export").statusCode())
                .as("only the HQ office and administrators").isEqualTo(403);
    }
}
