package org.sibao.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pairing pages: an officer proposes from the suggestions with one click, the supply enterprise confirms from
 * its list, the demand enterprise ends it, the officer exports the list; forms without the CSRF token are refused.
 */
@FullStackTest
class PairingWebTest {

    private static final String REGION = "410622";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    private String subject(ApiClient admin, String sector, String industry, String name) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc(REGION), name + TestSubjects.token(), REGION, sector);
        body.put("industryCode", industry);
        ApiClient.Response r = admin.post("/api/v1/enterprises", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private WebClient login(ApiClient admin, String role, Map<String, String> extra) {
        String name = TestUsers.uniqueName("pairweb");
        TestUsers.create(admin, name, role, REGION, extra);
        WebClient web = new WebClient(port);
        web.login(name, TestUsers.PASSWORD);
        return web;
    }

    @Test
    void officerProposesFromSuggestionsSupplyConfirmsDemandEndsAndTheListExports() throws Exception {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String demand = subject(admin, "CULTURE_TOURISM", "88", "淇县景区");
        String carrier = subject(admin, "TRANSPORT", "54", "淇县客运");
        subjects.setWhitelistStatus(carrier, WhitelistStatus.ACTIVE, "COUNTY");
        WebClient hq = login(admin, "HQ_OFFICER", Map.of());

        // the officer finds the demand subject by name in a picker (only industry, tourism and key projects)
        WebClient.Page picker = hq.get("/pairings/propose?q=" + java.net.URLEncoder.encode("景区", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(picker.status()).isEqualTo(200);
        assertThat(picker.body()).contains("id=\"f-demand\"", "value=\"" + demand + "\"", "淇县景区").doesNotContain("淇县客运");
        WebClient.Page propose = hq.get("/pairings/propose?demandEnterpriseId=" + demand + "&kind=TRANSPORT");
        assertThat(propose.status()).as(propose.body()).isEqualTo(200);
        assertThat(propose.body()).contains("发起结对", "淇县客运", "同县", "suggestion-" + carrier, "_csrf");
        WebClient.Page refused = hq.postWithoutCsrf("/pairings", Map.of("demandEnterpriseId", demand,
                "supplyEnterpriseId", carrier, "kind", "TRANSPORT"));
        assertThat(refused.status()).isEqualTo(403);
        WebClient.Page created = hq.post("/pairings", Map.of("demandEnterpriseId", demand,
                "supplyEnterpriseId", carrier, "kind", "TRANSPORT", "note", "游客接驳"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String path = created.location().replaceFirst("^https?://[^/]+", "");
        String id = path.substring(path.lastIndexOf('/') + 1);
        assertThat(hq.get(path).body()).contains("结对详情", "待确认", "游客接驳", "运输保障");
        assertThat(hq.get("/pairings/propose?demandEnterpriseId=" + demand + "&kind=TRANSPORT").body())
                .doesNotContain("suggestion-" + carrier);

        WebClient supply = login(admin, "ENTERPRISE", Map.of("enterpriseId", carrier));
        WebClient.Page mine = supply.get("/pairings");
        assertThat(mine.body()).contains("pairing-" + id, "/pairings/" + id + "/confirm", "/pairings/" + id + "/decline");
        assertThat(supply.post("/pairings/" + id + "/confirm", Map.of()).status()).isEqualTo(302);
        assertThat(supply.get(path).body()).contains("结对中");

        WebClient demandUser = login(admin, "ENTERPRISE", Map.of("enterpriseId", demand));
        WebClient.Page own = demandUser.get("/pairings");
        assertThat(own.body()).contains("pairing-" + id, "/pairings/" + id + "/end").doesNotContain("/pairings/" + id + "/confirm");
        assertThat(demandUser.post("/pairings/" + id + "/end", Map.of("reason", "旅游季结束")).status()).isEqualTo(302);
        assertThat(demandUser.get(path).body()).contains("已结束", "旅游季结束");

        WebClient.Page filtered = hq.get("/pairings?status=ENDED&enterpriseId=" + demand);
        assertThat(filtered.body()).contains("pairing-" + id, "淇县景区");
        // officials filter by region from a list of their region and the ones directly below, not by typing codes
        assertThat(filtered.body()).contains("id=\"f-region\"", ">淇县<");
        assertThat(own.body()).doesNotContain("id=\"f-region\"");
        byte[] xlsx = hq.bytes("/pairings/export?enterpriseId=" + demand);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("需求方");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("淇县景区");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("已结束");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).as("the region by name").isEqualTo("淇县");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("运输保障");
            assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).as("the time to the minute")
                    .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        }
        WebClient kaifeng = new WebClient(port);
        kaifeng.login("hq_kf", "Demo@2022");
        assertThat(kaifeng.get(path).status()).isEqualTo(404);
    }
}
