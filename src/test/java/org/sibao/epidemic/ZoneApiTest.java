package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Zones with colours and venue codes rendered as QR codes that decode to the code. */
@FullStackTest
class ZoneApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void createsZonesChangesTheirColourAndRendersTheVenueCodeAsQr() throws Exception {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String subject = new EpidemicFixtures(admin, subjects).activeSubject(EpidemicFixtures.XINZHENG);
        ApiClient.Response zone = admin.post("/api/v1/enterprises/" + subject + "/zones", Map.of("name", "一号车间", "kind", "PRODUCTION"));
        assertThat(zone.status()).as(zone.raw()).isEqualTo(201);
        assertThat(zone.text("colour")).isEqualTo("GREEN");
        assertThat(zone.text("venueCode")).startsWith("SBV-").hasSize(16);
        assertThat(admin.post("/api/v1/enterprises/" + subject + "/zones", Map.of("name", "x", "kind", "ROOF")).status()).isEqualTo(400);

        ApiClient epi = new ApiClient(port).as("epi_xz", "Demo@2022");
        ApiClient.Response red = epi.put("/api/v1/epidemic/zones/" + zone.text("id") + "/colour", Map.of("colour", "RED"));
        assertThat(red.status()).as(red.raw()).isEqualTo(200);
        assertThat(red.text("colour")).isEqualTo("RED");
        assertThat(epi.put("/api/v1/epidemic/zones/" + zone.text("id") + "/colour", Map.of("colour", "PINK")).status()).isEqualTo(400);
        assertThat(new ApiClient(port).as("hq_kf", "Demo@2022").get("/api/v1/epidemic/zones/" + zone.text("id") + "/qr.png")
                .status()).isEqualTo(404);

        assertThat(admin.statusAccepting("/api/v1/epidemic/zones/" + zone.text("id") + "/qr.png", "application/json"))
                .as("a client that accepts only JSON cannot have the image: 406, not a server error").isEqualTo(406);
        var png = admin.getBytes("/api/v1/epidemic/zones/" + zone.text("id") + "/qr.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        // a generated code on a plain margin: PURE_BARCODE reads it deterministically (without the hint the finder
        // search misreads about 3 codes in 1000)
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(zone.text("venueCode"));
    }
}
