package org.sibao.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Template download, import as a background job with an error report, and export of a filtered list. */
@FullStackTest
class SubjectExcelTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void templateHasChineseHeadersAnExampleAndACodeSheet() throws Exception {
        try (Workbook wb = workbook(new ApiClient(port).as("hq_kf", "Demo@2022").getBytes("/api/v1/enterprises/import/template"))) {
            Sheet data = wb.getSheetAt(0);
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
            assertThat(data.getRow(0).getCell(2).getStringCellValue()).isEqualTo("名称");
            String exampleUscc = data.getRow(1).getCell(0).getStringCellValue();
            assertThat(Uscc.isValid(exampleUscc)).isTrue();
            assertThat(wb.getNumberOfSheets()).isGreaterThanOrEqualTo(2);
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
            assertThat(wb.getSheetAt(2).getRow(1).getCell(0).getStringCellValue()).startsWith("4102");
        }
    }

    @Test
    void importsValidRowsAndReportsInvalidOnesByRow() throws Exception {
        ApiClient hq = new ApiClient(port).as("hq_kf", "Demo@2022");
        List<String> headers = headers(hq);
        String token = TestSubjects.token();
        String existing = TestSubjects.uscc("410202");
        assertThat(hq.post("/api/v1/enterprises", TestSubjects.enterprise(existing, "已有" + token, "410202", "INDUSTRY")).status())
                .isEqualTo(201);
        String ok1 = TestSubjects.uscc("410202");
        String ok2 = TestSubjects.uscc("92", "410225");
        List<Map<String, Object>> rows = List.of(
                row("统一社会信用代码", ok1, "名称", "开封" + token + "导入一有限公司", "所在县区代码", "410202", "领域", "INDUSTRY",
                        "行业代码", "36", "从业人员(人)", 350, "营业收入(万元)", 2500, "联系电话", "13812345678",
                        "标记", "SPECIALIZED", "事故及失信记录", "QUALITY:2020-06-01", "二季度满负荷生产", "是"),
                row("统一社会信用代码", ok2, "名称", "兰考" + token + "便利店", "所在县区代码", "410225", "领域", "商贸流通",
                        "行业代码", "52", "从业人员(人)", 3, "营业收入(万元)", 80),
                row("统一社会信用代码", "91410202MA00000001", "名称", "坏代码" + token, "所在县区代码", "410202", "领域", "INDUSTRY"),
                row("统一社会信用代码", TestSubjects.uscc("410202"), "名称", "多处错误" + token, "所在县区代码", "410184",
                        "领域", "INDUSTRY", "从业人员(人)", -5, "联系电话", "555", "营业收入增速(%)", "很快"),
                row("统一社会信用代码", existing, "名称", "重复" + token, "所在县区代码", "410202", "领域", "INDUSTRY"),
                row("统一社会信用代码", ok1, "名称", "文件内重复" + token, "所在县区代码", "410202", "领域", "INDUSTRY"));
        byte[] file = xlsx(headers, rows);

        HttpResponse<String> upload = multipart("/api/v1/enterprises/import", token("hq_kf"), file);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        String jobId = upload.body().replaceAll(".*\"jobId\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        JsonNode job = waitFor(hq, jobId);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("total").asInt()).isEqualTo(6);
        assertThat(job.get("processed").asInt()).isEqualTo(6);
        assertThat(job.get("accepted").asInt()).isEqualTo(2);
        assertThat(job.get("rejected").asInt()).isEqualTo(4);
        Map<Integer, String> reasons = new HashMap<>();
        job.get("errors").forEach(e -> reasons.put(e.get("row").asInt(), e.get("reasons").toString()));
        assertThat(reasons.keySet()).containsExactlyInAnyOrder(4, 5, 6, 7);
        assertThat(reasons.get(4)).contains("统一社会信用代码", "校验位");
        assertThat(reasons.get(5)).contains("从业人员", "联系电话", "营业收入增速", "本辖区");
        assertThat(reasons.get(6)).contains("已登记");
        assertThat(reasons.get(7)).contains("已登记");

        JsonNode saved = hq.get("/api/v1/enterprises?q=" + token + "&size=50").body();
        assertThat(saved.get("total").asInt()).isEqualTo(3);
        JsonNode first = hq.get("/api/v1/enterprises?q=" + ok1).body().get("items").get(0);
        assertThat(first.get("sizeClass").asString()).isEqualTo("MEDIUM");
        assertThat(first.get("incidents").get(0).get("kind").asString()).isEqualTo("QUALITY");
        assertThat(first.get("attributes").get("fullCapacityQ2").asBoolean()).isTrue();
        assertThat(hq.get("/api/v1/enterprises?q=" + ok2).body().get("items").get(0).get("kind").asString())
                .isEqualTo("INDIVIDUAL_BUSINESS");

        HttpResponse<byte[]> report = hq.getBytes("/api/v1/jobs/" + jobId + "/report");
        assertThat(report.statusCode()).isEqualTo(200);
        try (Workbook wb = workbook(report)) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("行号");
            assertThat(s.getLastRowNum()).isEqualTo(4);
            assertThat((int) s.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(4);
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).contains("校验位");
        }
        // a job belongs to the user who started it
        assertThat(new ApiClient(port).as("hq_xz", "Demo@2022").get("/api/v1/jobs/" + jobId).status()).isEqualTo(404);
    }

    @Test
    void refusesUnreadableFilesAndReadOnlyRoles() throws Exception {
        HttpResponse<String> junk = multipart("/api/v1/enterprises/import", token("hq_kf"), "not excel".getBytes(StandardCharsets.UTF_8));
        assertThat(junk.statusCode()).isEqualTo(400);
        assertThat(junk.body()).contains("\"field\":\"file\"");
        HttpResponse<String> denied = multipart("/api/v1/enterprises/import", token("dept_tax_kf"),
                xlsx(List.of("名称"), List.of(row("名称", "x"))));
        assertThat(denied.statusCode()).isEqualTo(403);
    }

    @Test
    void exportsTheFilteredListInScopeWithMaskedPhones() throws Exception {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String token = TestSubjects.token();
        String a = TestSubjects.uscc("410184");
        String b = TestSubjects.uscc("410202");
        String c = TestSubjects.uscc("410202");
        admin.post("/api/v1/enterprises", TestSubjects.enterprise(a, "新郑" + token + "导出", "410184", "INDUSTRY"));
        admin.post("/api/v1/enterprises", TestSubjects.enterprise(b, "开封" + token + "导出", "410202", "INDUSTRY"));
        Map<String, Object> shop = TestSubjects.enterprise(c, "开封" + token + "商贸", "410202", "COMMERCE");
        shop.put("industryCode", "51");
        shop.put("flags", List.of());
        admin.post("/api/v1/enterprises", shop);

        HttpResponse<byte[]> export = new ApiClient(port).as("hq_kf", "Demo@2022")
                .getBytes("/api/v1/enterprises/export?q=" + token + "&sector=INDUSTRY");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (Workbook wb = workbook(export)) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(1).getStringCellValue()).isEqualTo("统一社会信用代码");
            assertThat(s.getLastRowNum()).isEqualTo(1);
            Row r = s.getRow(1);
            assertThat(r.getCell(1).getStringCellValue()).isEqualTo(b);
            assertThat(r.getCell(10).getStringCellValue()).isEqualTo("138****5678");
            assertThat(r.getCell(11).getNumericCellValue()).isEqualTo(350.0);
            assertThat(r.getCell(4).getStringCellValue()).as("kind by its label").isEqualTo("企业");
            assertThat(r.getCell(6).getStringCellValue()).as("sector by its label").isEqualTo("工业生产");
            assertThat(r.getCell(17).getStringCellValue()).as("flags by their labels").isEqualTo("规上企业、专精特新");
            assertThat(r.getCell(18).getStringCellValue()).as("incidents by label and date").isEqualTo("重大安全事故 2021-03-05");
            assertThat(cell(s, r, "租用国有房产")).as("yes/no attributes").isEqualTo("是");
            assertThat(cell(s, r, "所在县区")).isEqualTo("龙亭区");
        }
        HttpResponse<byte[]> all = admin.getBytes("/api/v1/enterprises/export?q=" + token);
        try (Workbook wb = workbook(all)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(3);
        }
    }

    /**
     * The enterprises export is also the import format: an exported row, given another USCC and name, imports as
     * a new subject with the same kind, sector, flags, incidents and attributes (the import reads the labels the
     * export writes, and a phone the export masked as none).
     */
    @Test
    void anExportedRowReimportsWithItsLabels() throws Exception {
        ApiClient hq = new ApiClient(port).as("hq_kf", "Demo@2022");
        String token = TestSubjects.token();
        Map<String, Object> original = TestSubjects.enterprise(TestSubjects.uscc("410202"), "开封" + token + "往返", "410202",
                "INDUSTRY");
        original.put("flags", List.of("LIVELIHOOD", "SPECIALIZED"));
        original.put("incidents", List.of(Map.of("kind", "FRAUD", "date", "2020-09-23"),
                Map.of("kind", "SAFETY", "date", "2021-03-05")));
        Response created = hq.post("/api/v1/enterprises", original);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String copyUscc = TestSubjects.uscc("410202");
        byte[] file;
        try (Workbook wb = workbook(hq.getBytes("/api/v1/enterprises/export?q=" + token));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(1);
            Row r = s.getRow(1);
            assertThat(cell(s, r, "标记")).isEqualTo("规上企业、专精特新、关系民生/城市运行保障");
            assertThat(cell(s, r, "事故及失信记录")).isEqualTo("弄虚作假 2020-09-23；重大安全事故 2021-03-05");
            assertThat(cell(s, r, "联系电话")).isEqualTo("138****5678");
            // as a person editing the file would: new cells (a streamed export writes inline strings, which POI
            // does not overwrite in place)
            r.removeCell(r.getCell(column(s, "统一社会信用代码")));
            r.createCell(column(s, "统一社会信用代码")).setCellValue(copyUscc);
            r.removeCell(r.getCell(column(s, "名称")));
            r.createCell(column(s, "名称")).setCellValue("开封" + token + "再导入");
            wb.write(out);
            file = out.toByteArray();
        }
        HttpResponse<String> upload = multipart("/api/v1/enterprises/import", token("hq_kf"), file);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        JsonNode job = waitFor(hq, upload.body().replaceAll(".*\"jobId\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
        assertThat(job.get("errors").toString()).isEqualTo("[]");
        assertThat(job.get("accepted").asInt()).isEqualTo(1);

        JsonNode source = hq.get("/api/v1/enterprises/" + created.text("id")).body();
        JsonNode copy = hq.get("/api/v1/enterprises?q=" + copyUscc).body().get("items").get(0);
        for (String field : List.of("kind", "sector", "regionCode", "industryCode", "flags", "incidents", "attributes",
                "employees", "outputValue", "address", "legalRepresentative")) {
            assertThat(copy.get(field)).as(field).isEqualTo(source.get(field));
        }
        assertThat(copy.get("contactPhone") == null || copy.get("contactPhone").isNull()).as("a masked phone imports as none")
                .isTrue();
    }

    private static int column(Sheet s, String header) {
        for (org.apache.poi.ss.usermodel.Cell c : s.getRow(0)) {
            if (header.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header);
    }

    private static String cell(Sheet s, Row r, String header) {
        org.apache.poi.ss.usermodel.Cell c = r.getCell(column(s, header));
        return c == null ? "" : c.getStringCellValue();
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private List<String> headers(ApiClient client) throws IOException {
        try (Workbook wb = workbook(client.getBytes("/api/v1/enterprises/import/template"))) {
            List<String> h = new ArrayList<>();
            wb.getSheetAt(0).getRow(0).forEach(cell -> h.add(cell.getStringCellValue()));
            return h;
        }
    }

    private static byte[] xlsx(List<String> headers, List<Map<String, Object>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("导入");
            Row h = s.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                for (int i = 0; i < headers.size(); i++) {
                    Object v = rows.get(r).get(headers.get(i));
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static Workbook workbook(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }

    private JsonNode waitFor(ApiClient client, String jobId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Response r = client.get("/api/v1/jobs/" + jobId);
            assertThat(r.status()).isEqualTo(200);
            String status = r.text("status");
            if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
                return r.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not finish");
    }

    private String token(String user) {
        String pw = user.equals("admin") ? "Admin@2022" : "Demo@2022";
        return new ApiClient(port).anonymous().post("/api/v1/auth/token", Map.of("username", user, "password", pw)).text("accessToken");
    }

    private HttpResponse<String> multipart(String path, String bearer, byte[] file) throws Exception {
        String boundary = "----sibao" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"import.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
