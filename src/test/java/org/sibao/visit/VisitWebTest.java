package org.sibao.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.sibao.support.Xlsx;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages: a liaison's enterprises with 登记走访, the form keeping what was typed on an error, the history; the
 * officials' duty board with its figures, filters and export; the menu for each role.
 */
@FullStackTest
class VisitWebTest {

    private static final String XINZHENG = "410184";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void aLiaisonRecordsThroughTheFormAndTheHqSeesTheBoard() {
        VisitFixture fx = new VisitFixture(port, subjects);
        String enterprise = fx.activeSubject(XINZHENG);
        String name = fx.admin.get("/api/v1/enterprises/" + enterprise).text("name");
        String unassigned = fx.activeSubject(XINZHENG);
        String[] liaison = fx.liaison(XINZHENG);
        fx.assign(liaison[1], enterprise);

        WebClient cadre = WebClient.signedIn(port, liaison[0], TestUsers.PASSWORD);
        WebClient.Page mine = cadre.get("/visits");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("我的包联企业", name, "超期未走访", "登记走访", "href=\"/visits\"")
                .contains("包保走访").doesNotContain(unassigned);

        String today = fx.today().toString();
        WebClient.Page refused = cadre.post("/visits/enterprises/" + enterprise, Map.of("visitedOn", today,
                "method", "PHONE", "findings", "", "problem", "用工缺口30人", "category", "LABOR"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"form-error\"", "is-invalid", "用工缺口30人")
                .as("the method chosen is kept").contains("value=\"PHONE\" selected");

        WebClient.Page saved = cadre.post("/visits/enterprises/" + enterprise, Map.of("visitedOn", today,
                "method", "PHONE", "findings", "电话回访企业负责人\n生产正常", "problem", "用工缺口30人", "category", "LABOR"));
        assertThat(saved.status()).isEqualTo(302);
        WebClient.Page history = cadre.get("/visits/enterprises/" + enterprise);
        assertThat(saved.location()).endsWith("/visits/enterprises/" + enterprise);
        assertThat(history.body()).contains("已登记对" + name + "的走访，发现的问题已作为诉求提交", "电话回访",
                "电话回访企业负责人", "查看诉求", "id=\"visit-history\"");
        assertThat(cadre.get("/visits").body()).contains("正常", "0天前");

        WebClient hq = WebClient.signedIn(port, "hq_xz", "Demo@2022");
        WebClient.Page board = hq.get("/visits?status=NO_LIAISON");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("包保责任落实", "新郑市", "id=\"card-no-liaison\"", "安排包保干部")
                .contains("duty-" + unassigned).doesNotContain("duty-" + enterprise);
        assertThat(hq.get("/visits/enterprises/" + enterprise).body()).as("officials read, without the form")
                .contains("电话回访企业负责人").doesNotContain("id=\"visit-form\"");
        Xlsx xlsx = Xlsx.of(hq.download("/visits/duty.xlsx?status=OK"), "liaison-duty-410184");
        assertThat(xlsx.headers(0)).containsExactly("企业（项目）", "所在地区", "领域", "包保干部", "最近走访", "距今天数", "包保状态");
        assertThat(xlsx.row(0, name)).containsExactly(name, "新郑市", "工业生产", "测试用户 " + liaison[0], today, "0", "正常");

        assertThat(hq.get("/").body()).as("the officials' menu and home figures").contains("包保责任", "未包联白名单企业",
                "/visits?status=NO_LIAISON");
        assertThat(cadre.get("/").body()).as("the liaison's home figure").contains("超期未走访企业", "/visits?status=OVERDUE")
                .doesNotContain("未包联白名单企业");
        assertThat(WebClient.signedIn(port, "epi_xz", "Demo@2022").get("/visits").status()).isEqualTo(403);
    }
}
