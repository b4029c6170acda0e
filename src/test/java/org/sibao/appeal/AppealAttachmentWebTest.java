package org.sibao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.sibao.support.WebClient.FilePart;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web filing form with attachments (issue #4): several files filed with the appeal and downloaded from the
 * detail page, refused files shown on the form with the text kept and nothing filed, further files from the
 * detail page, and downloads scoped like the appeal (404 for whoever cannot see it).
 */
@FullStackTest
class AppealAttachmentWebTest {

    private static final Pattern ATTACHMENT = Pattern.compile("href=\"(/appeals/[^\"/]+/attachments/[^\"]+)\"[^>]*>([^<]+)<");
    private static final byte[] PDF = "%PDF-1.4 停产证明".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
    private static final byte[] DOCX = {0x50, 0x4B, 0x03, 0x04, 9, 9, 9};

    @LocalServerPort
    int port;

    private ApiClient admin;
    private String subject;
    private String filer;

    @BeforeEach
    void enterpriseUser() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
        subject = AppealFixtures.subject(admin, "410184", "新郑附件表单测试有限公司");
        filer = TestUsers.uniqueName("ent_attach");
        TestUsers.create(admin, filer, "ENTERPRISE", "410184", Map.of("enterpriseId", subject));
    }

    @Test
    void theFormFilesSeveralAttachmentsThatTheDetailPageLists() {
        WebClient web = signedIn(filer, TestUsers.PASSWORD);
        assertThat(web.get("/appeals/new").body()).contains("enctype=\"multipart/form-data\"").contains("id=\"files\"");
        WebClient.Page filed = web.postMultipart("/appeals", fields("原料断供：停产证明与库存照片"), List.of(
                new FilePart("files", "停产证明.pdf", "application/pdf", PDF),
                new FilePart("files", "库存照片.png", "image/png", PNG)));
        assertThat(filed.status()).isEqualTo(302);
        String appeal = filed.location().replaceAll(".*/appeals/", "");

        WebClient.Page detail = web.get("/appeals/" + appeal);
        Map<String, String> links = links(detail.body());
        assertThat(links.keySet()).containsExactlyInAnyOrder("停产证明.pdf", "库存照片.png");
        HttpResponse<byte[]> pdf = web.download(links.get("停产证明.pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(PDF);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
                .contains("UTF-8''%E5%81%9C%E4%BA%A7%E8%AF%81%E6%98%8E.pdf");
        assertThat(web.download(links.get("库存照片.png")).body()).isEqualTo(PNG);

        assertThat(admin.get("/api/v1/appeals/" + appeal).body().get("attachments")).hasSize(2);
    }

    @Test
    void aRefusedFileComesBackOnTheFormWithTheTextKeptAndNothingFiled() {
        WebClient web = signedIn(filer, TestUsers.PASSWORD);
        web.get("/appeals/new");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, 4);
        WebClient.Page form = web.postMultipart("/appeals", fields("附件被拒的诉求"), List.of(
                new FilePart("files", "说明.pdf", "application/pdf", PDF),
                new FilePart("files", "扫描件.pdf", "application/pdf", big),
                new FilePart("files", "工具.exe", "application/octet-stream", "MZ".getBytes(StandardCharsets.UTF_8))));
        assertThat(form.status()).isEqualTo(200);
        String errors = errorOf(form.body(), "error-files");
        assertThat(errors).contains("“扫描件.pdf”超过 10 MB").contains("“工具.exe”不是允许的附件");
        assertThat(form.body()).contains("value=\"附件被拒的诉求\"").contains("原材料供应商停产")
                .contains("id=\"files-again\"");
        assertThat(admin.get("/api/v1/appeals?enterpriseId=" + subject).body().get("total").asInt()).isZero();

        web.get("/appeals/new");
        Map<String, String> noTitle = fields("");
        WebClient.Page both = web.postMultipart("/appeals", noTitle,
                List.of(new FilePart("files", "备注.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))));
        assertThat(errorOf(both.body(), "error-title")).isNotBlank();
        assertThat(errorOf(both.body(), "error-files")).contains("“备注.txt”");
        assertThat(admin.get("/api/v1/appeals?enterpriseId=" + subject).body().get("total").asInt()).isZero();
    }

    @Test
    void theFilerAttachesMoreFromTheDetailPageAndDownloadsAreScoped() {
        WebClient web = signedIn(filer, TestUsers.PASSWORD);
        web.get("/appeals/new");
        String appeal = web.postMultipart("/appeals", fields("补充材料的诉求"), List.of()).location()
                .replaceAll(".*/appeals/", "");
        assertThat(web.get("/appeals/" + appeal).body()).contains("id=\"attach-form\"").contains("暂无附件");

        WebClient.Page added = web.postMultipart("/appeals/" + appeal + "/attachments", Map.of(), List.of(
                new FilePart("files", "用工计划.docx", "application/octet-stream", DOCX),
                new FilePart("files", "合同.pdf", "application/pdf", PDF)));
        assertThat(added.status()).isEqualTo(302);
        WebClient.Page detail = web.get("/appeals/" + appeal);
        assertThat(detail.body()).contains("已上传 2 个附件");
        Map<String, String> links = links(detail.body());
        assertThat(links.keySet()).containsExactlyInAnyOrder("用工计划.docx", "合同.pdf");

        web.postMultipart("/appeals/" + appeal + "/attachments", Map.of(),
                List.of(new FilePart("files", "照片.png", "image/png", PDF)));
        assertThat(errorOf(web.get("/appeals/" + appeal).body(), "flash-error")).contains("“照片.png”不是允许的附件");
        assertThat(links(web.get("/appeals/" + appeal).body())).hasSize(2);

        String link = links.get("合同.pdf");
        WebClient hq = signedIn("hq_xz", AppealFixtures.DEMO);
        WebClient.Page hqDetail = hq.get("/appeals/" + appeal);
        assertThat(hqDetail.body()).contains(link).doesNotContain("id=\"attach-form\"");
        assertThat(hq.download(link).body()).isEqualTo(PDF);

        String other = AppealFixtures.subject(admin, "410184", "新郑另一家企业");
        String stranger = TestUsers.uniqueName("ent_other");
        TestUsers.create(admin, stranger, "ENTERPRISE", "410184", Map.of("enterpriseId", other));
        WebClient otherEnterprise = signedIn(stranger, TestUsers.PASSWORD);
        assertThat(otherEnterprise.download(link).statusCode()).isEqualTo(404);
        assertThat(otherEnterprise.get("/appeals/" + appeal).status()).isEqualTo(404);
        assertThat(signedIn("hq_kf", AppealFixtures.DEMO).download(link).statusCode()).isEqualTo(404);
        assertThat(web.download("/appeals/" + appeal + "/attachments/no-such-file").statusCode()).isEqualTo(404);
    }

    private WebClient signedIn(String username, String password) {
        WebClient web = new WebClient(port);
        assertThat(web.login(username, password).status()).isEqualTo(302);
        return web;
    }

    private static Map<String, String> fields(String title) {
        return Map.of("category", "RAW_MATERIALS", "urgency", "NORMAL", "title", title,
                "description", "原材料供应商停产，库存仅够三天，附停产证明");
    }

    /** File name → download link of the detail page's attachment list. */
    private static Map<String, String> links(String body) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Matcher m = ATTACHMENT.matcher(body);
        while (m.find()) {
            out.put(m.group(2), m.group(1));
        }
        return out;
    }

    private static String errorOf(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(body);
        return m.find() ? m.group(1) : "";
    }
}
