package org.sibao.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

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

/** The pass pages: the carrier's application form, the officer's list with decisions, and the detail with the code. */
@FullStackTest
class PassWebTest {

    private static final String XINZHENG = "410184";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    private String subject(ApiClient admin, String sector) {
        ApiClient.Response r = admin.post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc(XINZHENG),
                "新郑通行证页面" + TestSubjects.token(), XINZHENG, sector));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    @Test
    void carrierAppliesOfficerApprovesAndTheDetailShowsTheCode() throws Exception {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String carrier = subject(admin, "TRANSPORT");
        String served = subject(admin, "INDUSTRY");
        subjects.setWhitelistStatus(served, WhitelistStatus.ACTIVE, "COUNTY");
        String username = TestUsers.uniqueName("webcarrier");
        TestUsers.create(admin, username, "ENTERPRISE", XINZHENG, Map.of("enterpriseId", carrier));
        OffsetDateTime now = OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now"));
        String today = now.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();

        WebClient ent = new WebClient(port);
        ent.login(username, TestUsers.PASSWORD);
        WebClient.Page form = ent.get("/passes/new");
        assertThat(form.status()).isEqualTo(200);
        ApiClient.Response carrierFacts = admin.get("/api/v1/enterprises/" + carrier);
        String carrierLabel = carrierFacts.text("name") + " · " + carrierFacts.text("uscc");
        assertThat(form.body()).as("named, not an internal id").contains("申请车辆通行证", carrierLabel)
                .doesNotContain("value=\"" + carrier + "\"");
        String servedName = admin.get("/api/v1/enterprises/" + served).text("name");
        assertThat(ent.get("/passes/served-options?servedEnterpriseIds=" + java.net.URLEncoder.encode(
                servedName.substring(0, 6), java.nio.charset.StandardCharsets.UTF_8)).body())
                .as("whitelist subjects are suggested by name").contains(servedName);
        Map<String, String> fields = new HashMap<>();
        fields.put("carrierEnterpriseId", carrierLabel);
        fields.put("plateNumber", "豫A5G6H7");
        fields.put("driverName", "李师傅");
        fields.put("driverIdNumber", PassApiTest.idNumber("41018419900101123"));
        fields.put("driverPhone", "13912348888");
        fields.put("origin", "郑州");
        fields.put("destination", "新郑");
        fields.put("validFrom", today);
        fields.put("validTo", today);
        fields.put("servedEnterpriseIds", "没有这家企业");
        WebClient.Page refused = ent.post("/passes", fields);
        assertThat(refused.status()).as("the form comes back").isEqualTo(200);
        assertThat(refused.body()).contains("pass-errors", "服务企业（第 1 项）：", "豫A5G6H7", "李师傅", "没有这家企业").doesNotContain("servedEnterpriseIds[0]：");
        fields.put("servedEnterpriseIds", servedName);
        WebClient.Page filed = ent.post("/passes", fields);
        assertThat(filed.status()).as(filed.body()).isEqualTo(302);
        String detailPath = filed.location().replaceFirst("^https?://[^/]+", "");
        String id = detailPath.substring(detailPath.lastIndexOf('/') + 1);
        WebClient.Page detail = ent.get(detailPath);
        assertThat(detail.body()).contains("豫A5G6H7", "待审批", "139****8888").doesNotContain("13912348888");

        WebClient officer = new WebClient(port);
        officer.login("sector_transport_xz", "Demo@2022");
        WebClient.Page list = officer.get("/passes?status=PENDING");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("豫A5G6H7", "/passes/" + id + "/approve");
        WebClient.Page approved = officer.post("/passes/" + id + "/approve", Map.of("reason", "同意"));
        assertThat(approved.status()).isEqualTo(302);
        WebClient.Page shown = officer.get("/passes/" + id);
        assertThat(shown.body()).contains("已批准", "id=\"pass-code\"", id + ".", "id=\"pass-qr\"", "打印通行证");
        String code = officer.get("/passes/" + id).body().replaceFirst("(?s).*id=\"pass-code\"[^>]*>([^<]+)<.*", "$1");
        var png = ent.download("/passes/" + id + "/qr.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        String scanned = decode(png.body());
        assertThat(scanned).as("the scan opens the public check of this code")
                .startsWith("http://localhost:" + port + "/public/passes/verify?code=");
        String sent = java.net.URLDecoder.decode(scanned.substring(scanned.indexOf("code=") + 5),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sent).isEqualTo(code);
        assertThat(new ApiClient(port).get("/api/v1/public/passes/verify?code="
                + java.net.URLEncoder.encode(sent, java.nio.charset.StandardCharsets.UTF_8)).body().get("valid").asBoolean())
                .isTrue();
        WebClient stranger = new WebClient(port);
        stranger.login("ent_kf", "Demo@2022");
        assertThat(stranger.download("/passes/" + id + "/qr.png").statusCode()).as("another enterprise's pass").isEqualTo(404);

        ent.get(detailPath);
        assertThat(ent.get(detailPath).body()).as("revoking asks first and wants a reason")
                .contains("data-confirm=\"撤销 豫A5G6H7 的通行证", "id=\"revoke-reason\"");
        assertThat(ent.post("/passes/" + id + "/revoke", Map.of("reason", "车辆停运")).status()).isEqualTo(302);
        assertThat(ent.get(detailPath).body()).contains("已撤销").doesNotContain("id=\"pass-qr\"");
        assertThat(ent.download("/passes/" + id + "/qr.png").statusCode()).as("a revoked pass has no code to print")
                .isEqualTo(404);
        WebClient auditor = new WebClient(port);
        auditor.login("admin", "Admin@2022");
        assertThat(auditor.get("/admin/audit?entityType=pass&entityId=" + id).body()).as("the audit log names the steps")
                .contains("申请通行证", "批准通行证", "撤销通行证", "车辆停运");
    }

    private static String decode(byte[] png) throws Exception {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))),
                Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
