package org.sibao.epidemicsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemicsupport.SupportFixture.NANLE;
import static org.sibao.epidemicsupport.SupportFixture.PUYANG;

import java.util.LinkedHashMap;
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
 * The pages: the coverage board with its figures, filters, export and the task forces' experts; the support form
 * keeping what was typed on an error; the panel on the subject's page; the home figures of an epidemic officer and
 * of an enterprise; phones in clear or masked by role.
 */
@FullStackTest
class SupportWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void anEpidemicOfficerAssignsThroughTheFormAndFollowsTheBoard() {
        SupportFixture fx = new SupportFixture(port, subjects);
        String a = fx.activeSubject(NANLE);
        String b = fx.activeSubject(NANLE);
        String name = fx.admin.get("/api/v1/enterprises/" + a).text("name");
        String otherName = fx.admin.get("/api/v1/enterprises/" + b).text("name");
        WebClient epi = WebClient.signedIn(port, fx.user("EPIDEMIC_OFFICER", NANLE), TestUsers.PASSWORD);

        WebClient.Page board = epi.get("/epidemic-support");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("防疫保障全覆盖", "南乐县", "support-" + a, "未配备防疫人员", "id=\"expert-form\"",
                "href=\"/epidemic-support\"");
        assertThat(epi.get("/epidemic-support/enterprises/" + a).body()).contains("id=\"support-form\"", name);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("staffId", "");
        form.put("staffName", "张医生");
        form.put("staffOrganisation", "南乐县疾病预防控制中心, 防控科");
        form.put("staffPhone", "123");
        form.put("institutionName", "南乐县人民医院");
        form.put("contactName", "");
        form.put("institutionPhone", "0393-4421234");
        WebClient.Page refused = epi.post("/epidemic-support/enterprises/" + a, form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"form-error\"", "is-invalid", "联系电话须为11位手机号", "张医生")
                .as("what was typed is kept").contains("南乐县疾病预防控制中心, 防控科", "0393-4421234");

        form.put("staffPhone", "13903931111");
        form.put("contactName", "孔主任");
        WebClient.Page saved = epi.post("/epidemic-support/enterprises/" + a, form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/epidemic-support/enterprises/" + a);
        assertThat(epi.get("/epidemic-support/enterprises/" + a).body())
                .contains("已保存" + name + "的防疫保障", "已全覆盖", "13903931111", "0393-4421234")
                .as("a comma in a field is not a second line").contains("南乐县疾病预防控制中心, 防控科");
        assertThat(epi.get("/epidemic-support/enterprises/" + a + "/panel").body())
                .contains("id=\"epidemic-support-panel\"", "张医生", "南乐县人民医院", "孔主任");
        assertThat(epi.get("/enterprises/" + a).body()).as("the subject's page loads the panel")
                .contains("/epidemic-support/enterprises/" + a + "/panel");

        WebClient.Page covered = epi.get("/epidemic-support?status=COVERED&sector=INDUSTRY");
        assertThat(covered.body()).contains("support-" + a).doesNotContain("support-" + b);
        Xlsx xlsx = Xlsx.of(epi.download("/epidemic-support/coverage.xlsx?status=COVERED"), "epidemic-support-410923");
        assertThat(xlsx.headers(0)).containsExactly("企业（项目）", "所在地区", "领域", "专业防疫人员", "结对帮扶医疗卫生机构", "保障状态");
        assertThat(xlsx.row(0, name)).containsExactly(name, "南乐县", "工业生产", "张医生", "南乐县人民医院", "已全覆盖");
        assertThat(xlsx.column(0, "企业（项目）")).doesNotContain(otherName);
        assertThat(Xlsx.of(epi.download("/epidemic-support/coverage.xlsx"), "epidemic-support-410923")
                .row(0, otherName)).contains("未配备防疫人员");

        WebClient.Page badExpert = epi.post("/epidemic-support/experts", Map.of("regionCode", NANLE, "taskForce", "INDUSTRY",
                "name", "", "organisation", "", "phone", "1"));
        assertThat(badExpert.status()).isEqualTo(200);
        assertThat(badExpert.body()).contains("id=\"form-error\"", "is-invalid");
        WebClient.Page expert = epi.post("/epidemic-support/experts", Map.of("regionCode", NANLE, "taskForce", "INDUSTRY",
                "name", "闫志强", "organisation", "濮阳市疾病预防控制中心", "phone", "13603932222"));
        assertThat(expert.status()).isEqualTo(302);
        assertThat(expert.location()).endsWith("/epidemic-support?regionCode=" + NANLE + "#experts");
        assertThat(epi.get("/epidemic-support?regionCode=" + NANLE).body()).contains("已为工业生产专班配备疫情防控专家闫志强", "闫志强",
                "13603932222", "尚有 7 个专班未配备");

        assertThat(epi.get("/").body()).as("the officer's home figures").contains("防疫保障覆盖率", "50.0%",
                "防疫保障未全覆盖企业");

        WebClient ent = WebClient.signedIn(port, fx.user("ENTERPRISE", NANLE, Map.of("enterpriseId", a)), TestUsers.PASSWORD);
        assertThat(ent.get("/").body()).as("the enterprise's home").contains("专业防疫人员", "张医生", "南乐县人民医院",
                "/epidemic-support/enterprises/" + a);
        assertThat(ent.get("/epidemic-support/mine").location()).endsWith("/epidemic-support/enterprises/" + a);
        assertThat(ent.get("/epidemic-support/enterprises/" + a).body()).as("its users call their staff")
                .contains("13903931111", "孔主任").doesNotContain("id=\"support-form\"");
        assertThat(ent.get("/epidemic-support").status()).isEqualTo(403);

        WebClient city = WebClient.signedIn(port, fx.user("HQ_OFFICER", PUYANG), TestUsers.PASSWORD);
        assertThat(city.get("/epidemic-support/enterprises/" + a).body()).as("the HQ office assigns, phones masked")
                .contains("id=\"support-form\"", "139****1111").doesNotContain("13903931111");
        assertThat(city.get("/epidemic-support?regionCode=" + NANLE).body()).contains("136****2222")
                .doesNotContain("13603932222");
    }
}
