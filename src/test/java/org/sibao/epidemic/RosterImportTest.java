package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Roster import from Excel: the template downloads, valid rows are saved in a job, rejected rows reported by row. */
@FullStackTest
class RosterImportTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void importsARosterInABackgroundJobAndReportsRejectedRows() throws Exception {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String subject = new EpidemicFixtures(admin, subjects).activeSubject(EpidemicFixtures.XINZHENG);
        var template = admin.getBytes("/api/v1/enterprises/" + subject + "/employees/template");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body().length).isGreaterThan(1000);

        String zone = admin.post("/api/v1/enterprises/" + subject + "/zones", java.util.Map.of("name", "二车间", "kind", "PRODUCTION"))
                .text("id");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ExcelWorkbook.create().sheet("花名册", List.of("姓名", "身份证号", "手机号", "岗位类型", "班组", "区域"), List.of(
                List.of("钱七", TestIds.next(), "13912345678", "FIXED", "二车间", "二车间"),
                List.of("孙八", "410184199001011230", "13912345679", "MOBILE", "", ""),
                List.of("周九", TestIds.next(), "13912345670", "城市保供", "供水", ""),
                List.of("吴十", TestIds.next(), "13912345671", "FIXED", "", "没有这个区"))).write(xlsx);
        ApiClient.Response started = admin.postFile("/api/v1/enterprises/" + subject + "/employees/import", "file",
                "roster.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.toByteArray());
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String job = started.text("jobId");
        ApiClient.Response progress = admin.get("/api/v1/jobs/" + job);
        for (int i = 0; i < 100 && !List.of("SUCCEEDED", "FAILED").contains(progress.text("status")); i++) {
            Thread.sleep(100);
            progress = admin.get("/api/v1/jobs/" + job);
        }
        assertThat(progress.text("status")).as(progress.raw()).isEqualTo("SUCCEEDED");
        assertThat(progress.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(progress.body().get("rejected").asInt()).isEqualTo(2);
        assertThat(progress.body().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(progress.body().get("errors").get(1).get("row").asInt()).isEqualTo(5);
        assertThat(progress.body().get("errors").get(1).toString()).contains("没有这个区");
        var employees = admin.get("/api/v1/enterprises/" + subject + "/employees").body();
        assertThat(employees.get("total").asInt()).isEqualTo(2);
        List<String> zones = new java.util.ArrayList<>();
        employees.get("items").forEach(e -> zones.add(e.get("name").asString() + ":" + e.path("zoneId").asString("")));
        assertThat(zones).containsExactlyInAnyOrder("钱七:" + zone, "周九:");
    }

    @Test
    void theTemplateHoldsNoRowToImportAndBelongsToASubjectInScope() throws Exception {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String subject = new EpidemicFixtures(admin, subjects).activeSubject(EpidemicFixtures.XINZHENG);
        admin.post("/api/v1/enterprises/" + subject + "/zones", java.util.Map.of("name", "包装车间", "kind", "PRODUCTION"));
        assertThat(admin.getBytes("/api/v1/enterprises/no-such-subject/employees/template").statusCode()).isEqualTo(404);
        assertThat(new ApiClient(port).as("ent_kf", "Demo@2022").getBytes("/api/v1/enterprises/" + subject
                + "/employees/template").statusCode()).as("another enterprise's").isEqualTo(404);

        var template = admin.getBytes("/api/v1/enterprises/" + subject + "/employees/template");
        assertThat(template.statusCode()).isEqualTo(200);
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(template.body()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).as("headings only").isZero();
            assertThat(wb.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("岗位类型");
            StringBuilder guide = new StringBuilder();
            wb.getSheetAt(1).forEach(r -> r.forEach(c -> guide.append(c.toString()).append('|')));
            assertThat(guide.toString()).as("the example and the accepted values, in Chinese")
                    .contains("张三", "固定岗位", "流动岗位", "城市保供", "包装车间");
        }
        ApiClient.Response untouched = admin.postFile("/api/v1/enterprises/" + subject + "/employees/import", "file",
                "template.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.body());
        assertThat(untouched.status()).as("an untouched template imports nobody: " + untouched.raw()).isEqualTo(400);
        assertThat(untouched.raw()).contains("\"file\"");
        assertThat(admin.get("/api/v1/enterprises/" + subject + "/employees").body().get("total").asInt()).isZero();
    }
}
