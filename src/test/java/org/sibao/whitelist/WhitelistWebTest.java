package org.sibao.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whitelist pages render for a sector officer, with the review queue. */
@FullStackTest
class WhitelistWebTest {

    @LocalServerPort
    int port;

    @Test
    void theReviewQueueAndTheEntriesPageRender() {
        WhitelistFixture fx = new WhitelistFixture(port);
        String county = "410223";
        String subject = fx.subject(county, "INDUSTRY", true);
        String name = TestUsers.uniqueName("wl_web");
        TestUsers.create(fx.admin, name, "SECTOR_OFFICER", county, Map.of("sector", "INDUSTRY"));
        ApiClient officer = fx.anonymous.as(name, TestUsers.PASSWORD);
        String id = officer.post("/api/v1/whitelist/applications",
                WhitelistFixture.application(subject, "COUNTY", WhitelistFixture.readyDeclarations())).text("id");
        officer.post("/api/v1/whitelist/applications/" + id + "/submit", Map.of());

        WebClient web = new WebClient(port);
        web.login(name, TestUsers.PASSWORD);
        WebClient.Page due = web.get("/whitelist/applications?dueForMe=true");
        assertThat(due.status()).isEqualTo(200);
        assertThat(due.body()).contains("wl-app-" + id).contains("已提交");
        WebClient.Page entries = web.get("/whitelist/entries?status=ACTIVE");
        assertThat(entries.status()).isEqualTo(200);
        assertThat(entries.body()).contains("id=\"wl-entries\"");
        WebClient.Page home = web.get("/");
        assertThat(home.body()).contains("待我审核的白名单申请");
    }
}
