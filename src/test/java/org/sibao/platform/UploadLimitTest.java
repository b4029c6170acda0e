package org.sibao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sibao.epidemic.EpidemicFixtures;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A file over the 50 MB limit is refused with a 413 that says the limit: a problem for the API, a page with a way back for forms. */
@FullStackTest
class UploadLimitTest {

    private static final byte[] OVERSIZE = new byte[51 * 1024 * 1024];
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void anOversizeFileIsRefusedWithTheLimitNamed() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String subject = new EpidemicFixtures(admin, subjects).activeSubject(EpidemicFixtures.XINZHENG);

        ApiClient.Response api = admin.postFile("/api/v1/enterprises/" + subject + "/employees/import", "file",
                "roster.xlsx", XLSX, OVERSIZE);
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.raw()).contains("50 MB");

        WebClient web = new WebClient(port);
        assertThat(web.login("admin", "Admin@2022").status()).isEqualTo(302);
        String page = "/epidemic/enterprise/" + subject;
        assertThat(web.get(page).status()).isEqualTo(200);
        WebClient.Page refused = web.postFile(page + "/roster-import", "file", "roster.xlsx", XLSX, OVERSIZE);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("50 MB", "返回首页");
    }
}
