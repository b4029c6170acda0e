package org.sibao.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.TestSubjects;
import org.sibao.support.ApiClient;
import org.sibao.support.ApiClient.Response;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Attachments, the escort listeners, chain protection, Excel exports and objections sent as JSON. */
@FullStackTest
class WhitelistExtrasTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    WhitelistFixture fx;

    @BeforeEach
    void setUp() {
        fx = new WhitelistFixture(port);
    }

    @Test
    void attachmentsAreCheckedStoredDownloadedAndScoped() {
        String county = "410302";
        String subject = fx.subject(county, "INDUSTRY", true);
        ApiClient enterprise = fx.enterpriseUser(county, subject);
        String id = enterprise.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations())).text("id");
        String path = "/api/v1/whitelist/applications/" + id + "/attachments";

        Response ok = enterprise.postFile(path, "file", "防控方案.pdf", "application/pdf", PDF);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.text("fileName")).isEqualTo("防控方案.pdf");
        assertThat(ok.body().get("size").asLong()).isEqualTo(PDF.length);

        Response exe = enterprise.postFile(path, "file", "tool.exe", "application/octet-stream", PDF);
        assertThat(exe.status()).isEqualTo(400);
        assertThat(WhitelistFlowTest.texts(exe.body().get("errors"), "field")).containsExactly("file");
        Response fake = enterprise.postFile(path, "file", "fake.pdf", "application/pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).as("the content must match the extension").isEqualTo(400);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Response tooBig = enterprise.postFile(path, "file", "big.pdf", "application/pdf", big);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.raw()).contains("10 MB");

        HttpResponse<byte[]> download = enterprise.getBytes(path + "/" + ok.text("id"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");

        JsonNode listed = enterprise.get("/api/v1/whitelist/applications/" + id).body().get("attachments");
        assertThat(listed.size()).isEqualTo(1);

        ApiClient otherCounty = fx.sectorOfficer("410303", "INDUSTRY");
        assertThat(otherCounty.getBytes(path + "/" + ok.text("id")).statusCode()).isEqualTo(404);
        ApiClient otherEnterprise = fx.enterpriseUser(county, fx.subject(county, "INDUSTRY", true));
        assertThat(otherEnterprise.getBytes(path + "/" + ok.text("id")).statusCode()).isEqualTo(404);
        assertThat(otherEnterprise.postFile(path, "file", "x.pdf", "application/pdf", PDF).status()).isEqualTo(404);

        enterprise.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of());
        assertThat(enterprise.postFile(path, "file", "late.pdf", "application/pdf", PDF).status())
                .as("no uploads once submitted").isEqualTo(409);
    }

    @Test
    void aShutdownSuspendsTheEntryAndItsEndRestoresIt() {
        // 新郑 (410184): its HQ officer hq_xz files; 郑州's HQ office and epidemic command decide jointly
        String county = "410184";
        ApiClient officer = fx.sectorOfficer(county, "INDUSTRY");
        String subject = activeEntry(officer, county, null);
        ApiClient hq = fx.anonymous.as("hq_xz", "Demo@2022");

        Response filed = hq.post("/api/v1/escort/shutdowns", Map.of("enterpriseId", subject,
                "reason", "疫情防控临时停产", "days", 2));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        org.sibao.support.JointDecision.approve(fx.anonymous.as("epi_zz", "Demo@2022"), fx.anonymous.as("hq_zz", "Demo@2022"),
                filed.text("id"), "同意停产");
        assertThat(WhitelistFlowTest.entryOf(officer, subject).get("status").asString())
                .as("suspended in the approving transaction").isEqualTo("SUSPENDED");
        assertThat(fx.admin.get("/api/v1/enterprises/" + subject).text("whitelistStatus")).isEqualTo("SUSPENDED");

        Response lifted = fx.anonymous.as("hq_zz", "Demo@2022").post("/api/v1/escort/shutdowns/" + filed.text("id") + "/lift",
                Map.of("comment", "恢复生产"));
        assertThat(lifted.status()).as(lifted.raw()).isEqualTo(200);
        assertThat(WhitelistFlowTest.entryOf(officer, subject).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(fx.admin.get("/api/v1/enterprises/" + subject).text("whitelistStatus")).isEqualTo("ACTIVE");
        JsonNode history = officer.get("/api/v1/whitelist/entries/"
                + WhitelistFlowTest.entryOf(officer, subject).get("id").asString()).body().get("history");
        assertThat(WhitelistFlowTest.texts(history, "toStatus")).containsExactly("PUBLICIZED", "ACTIVE", "SUSPENDED",
                "ACTIVE");
    }

    @Test
    void anActivatedSubjectsUnlistedSupplierIsRecommendedToItsSectorOfficer() {
        String county = "410304";
        String supplier = fx.subject(county, "COMMERCE", true);
        String customer = fx.subject(county, "COMMERCE", true);
        ApiClient industry = fx.sectorOfficer(county, "INDUSTRY");
        ApiClient commerce = fx.sectorOfficer(county, "COMMERCE");
        String source = activeEntry(industry, county, List.of(Map.of("enterpriseId", supplier, "relation", "SUPPLIER"),
                Map.of("enterpriseId", customer, "relation", "CUSTOMER")));

        JsonNode recs = commerce.get("/api/v1/whitelist/recommendations").body().get("items");
        JsonNode forSupplier = byEnterprise(recs, supplier);
        JsonNode forCustomer = byEnterprise(recs, customer);
        assertThat(forSupplier).as(recs.toString()).isNotNull();
        assertThat(forSupplier.get("sourceId").asString()).isEqualTo(source);
        assertThat(forSupplier.get("relation").asString()).isEqualTo("SUPPLIER");
        assertThat(forCustomer).isNotNull();
        assertThat(byEnterprise(industry.get("/api/v1/whitelist/recommendations").body().get("items"), supplier))
                .as("another sector's officer does not see it").isNull();

        Response invited = commerce.post("/api/v1/whitelist/recommendations/" + forSupplier.get("id").asString()
                + "/invite", Map.of());
        assertThat(invited.status()).as(invited.raw()).isEqualTo(200);
        assertThat(invited.text("status")).isEqualTo("INVITED");
        Response dismissed = commerce.post("/api/v1/whitelist/recommendations/" + forCustomer.get("id").asString()
                + "/dismiss", Map.of());
        assertThat(dismissed.text("status")).isEqualTo("DISMISSED");
        assertThat(commerce.post("/api/v1/whitelist/recommendations/" + forCustomer.get("id").asString() + "/invite",
                Map.of()).status()).isEqualTo(409);
        assertThat(byEnterprise(commerce.get("/api/v1/whitelist/recommendations").body().get("items"), supplier))
                .as("decided recommendations leave the open list").isNull();
    }

    @Test
    void entriesAndApplicationsExportToExcel() throws IOException {
        String county = "410305";
        ApiClient officer = fx.sectorOfficer(county, "INDUSTRY");
        String subject = activeEntry(officer, county, null);
        String name = fx.admin.get("/api/v1/enterprises/" + subject).text("name");

        HttpResponse<byte[]> entries = officer.getBytes("/api/v1/whitelist/entries/export?status=ACTIVE");
        assertThat(entries.statusCode()).isEqualTo(200);
        List<List<String>> rows = rows(entries.body());
        assertThat(rows.get(0)).contains("企业（项目）名称", "统一社会信用代码", "状态");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(name, "有效", "县级", "第一批"));
        List<String> entry = rows.stream().filter(r -> r.contains(name)).findFirst().orElseThrow();
        assertThat(entry.get(2)).as("the region by name").isEqualTo("涧西区");
        assertThat(entry.get(7)).as("the time to the minute in Asia/Shanghai").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

        HttpResponse<byte[]> apps = officer.getBytes("/api/v1/whitelist/applications/export?status=APPROVED");
        assertThat(apps.statusCode()).isEqualTo(200);
        List<List<String>> appRows = rows(apps.body());
        assertThat(appRows.get(0)).contains("企业（项目）名称", "预审结果");
        assertThat(appRows).anySatisfy(r -> assertThat(r).contains(name, "审核通过", "符合"));
        List<String> app = appRows.stream().filter(r -> r.contains(name)).findFirst().orElseThrow();
        assertThat(app.get(1)).isEqualTo("涧西区");
        assertThat(app.get(7)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(fx.sectorOfficer("410303", "INDUSTRY").getBytes("/api/v1/whitelist/entries/export")
                .body()).satisfies(b -> assertThat(rows(b).stream().flatMap(List::stream)).doesNotContain(name));
    }

    @Test
    void anObjectionCanBeLodgedAsJsonWithoutACsrfToken() {
        String county = "410307";
        ApiClient officer = fx.sectorOfficer(county, "INDUSTRY");
        String subject = fx.subject(county, "INDUSTRY", true);
        String app = approve(officer, subject);
        String batch = officer.post("/api/v1/whitelist/batches", Map.of("name", "JSON异议批", "sector", "INDUSTRY",
                "regionCode", county, "applicationIds", List.of(app), "publicityDays", 3)).text("id");
        officer.post("/api/v1/whitelist/batches/" + batch + "/publish", Map.of());
        String entry = WhitelistFlowTest.entryOf(officer, subject).get("id").asString();

        Response lodged = fx.anonymous.post("/public/whitelist/objections", Map.of("entryId", entry,
                "contactName", "王五", "contactPhone", "13712345678", "reason", "该企业存在违法排污"));
        assertThat(lodged.status()).as(lodged.raw()).isEqualTo(201);
        assertThat(lodged.contentType()).startsWith("application/json");
        assertThat(lodged.text("status")).isEqualTo("OPEN");
        assertThat(lodged.text("contactPhone")).isEqualTo("137****5678");

        Response invalid = fx.anonymous.post("/public/whitelist/objections", Map.of("entryId", entry,
                "contactPhone", "123"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(WhitelistFlowTest.texts(invalid.body().get("errors"), "field"))
                .containsExactlyInAnyOrder("contactName", "contactPhone", "reason");
        Response unknown = fx.anonymous.post("/public/whitelist/objections", Map.of("entryId", "nope",
                "contactName", "王五", "contactPhone", "13712345678", "reason", "理由"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(fx.anonymous.postRaw("/public/whitelist/objections", "application/json", "{not json").status())
                .isEqualTo(400);
        assertThat(fx.anonymous.postRaw("/public/whitelist/objections", "application/x-www-form-urlencoded",
                "entryId=" + entry + "&contactName=a&contactPhone=13712345678&reason=b").status())
                .as("the HTML form still needs its CSRF token").isEqualTo(403);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** An ACTIVE entry (publicity 0 days) of a new clean INDUSTRY subject, optionally with links. */
    String activeEntry(ApiClient officer, String county, List<Map<String, Object>> links) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc(county), "链式测试企业" + TestSubjects.token(),
                county, "INDUSTRY");
        body.put("incidents", List.of());
        if (links != null) {
            body.put("links", links);
        }
        Response created = fx.admin.post("/api/v1/enterprises", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String subject = created.text("id");
        String app = approve(officer, subject);
        Response batch = officer.post("/api/v1/whitelist/batches", Map.of("name", "第一批", "sector", "INDUSTRY",
                "regionCode", county, "applicationIds", List.of(app), "publicityDays", 0));
        assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
        assertThat(officer.post("/api/v1/whitelist/batches/" + batch.text("id") + "/publish", Map.of()).status())
                .isEqualTo(200);
        assertThat(WhitelistFlowTest.entryOf(officer, subject).get("status").asString()).isEqualTo("ACTIVE");
        return subject;
    }

    static String approve(ApiClient officer, String subject) {
        Response created = officer.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        assertThat(officer.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        Response r = officer.post("/api/v1/whitelist/applications/" + id + "/review",
                Map.of("decision", "APPROVE", "comment", "同意"));
        assertThat(r.text("status")).as(r.raw()).isEqualTo("APPROVED");
        return id;
    }

    private static JsonNode byEnterprise(JsonNode items, String enterpriseId) {
        for (JsonNode n : items) {
            if (n.get("enterpriseId").asString().equals(enterpriseId)) {
                return n;
            }
        }
        return null;
    }

    static List<List<String>> rows(byte[] xlsx) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            List<List<String>> out = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.toString()));
                out.add(cells);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
