package org.sibao.escort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Inspection requests (涉企检查报备) filed on the web page by a department, then decided by the HQ office. */
@FullStackTest
class EscortWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void aDepartmentFilesAnInspectionOnThePageByTheEnterprisesName() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        ApiClient.Response created = admin.post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc("410184"),
                "新郑检查报备页面" + TestSubjects.token(), "410184", "INDUSTRY"));
        String id = created.text("id");
        subjects.setWhitelistStatus(id, WhitelistStatus.ACTIVE, "COUNTY");
        String name = created.text("name");
        String tomorrow = OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now"))
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(1).toString();

        WebClient tax = new WebClient(port);
        tax.login("dept_tax_xz", "Demo@2022");
        WebClient.Page page = tax.get("/escort/inspections");
        assertThat(page.body()).contains("id=\"inspection-form\"", "税务检查")
                .as("the department's own preselected").containsPattern("value=\"TAX\"\\s+selected");

        WebClient.Page refused = tax.post("/escort/inspections", Map.of("enterpriseId", name, "departmentCode", "TAX",
                "kind", "TAX", "reason", "", "plannedDate", tomorrow));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("inspection-errors", name);

        WebClient.Page filed = tax.post("/escort/inspections", Map.of("enterpriseId", name, "departmentCode", "TAX",
                "kind", "TAX", "reason", "增值税专项检查", "plannedDate", tomorrow));
        assertThat(filed.status()).as(filed.body()).isEqualTo(302);
        assertThat(tax.get("/escort/inspections").body()).contains("增值税专项检查", name);

        WebClient hq = new WebClient(port);
        hq.login("hq_xz", "Demo@2022");
        assertThat(hq.get("/escort/inspections?status=PENDING").body()).as("waits for the HQ's approval")
                .contains("增值税专项检查");
        WebClient ent = new WebClient(port);
        ent.login("ent_xz", "Demo@2022");
        assertThat(ent.get("/escort/inspections").body()).doesNotContain("id=\"inspection-form\"");
    }
}
