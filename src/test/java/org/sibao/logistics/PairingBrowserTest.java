package org.sibao.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pairing pages in a real browser over the demo data: the list, the suggestions and a one-click proposal. */
@FullStackTest
class PairingBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void officerSeesDemoPairingsAndProposesFromASuggestion() {
        String demand = jdbc.sql("SELECT demand_id FROM pairing WHERE demand_region_code LIKE '4102%' ORDER BY demand_id LIMIT 1")
                .query(String.class).single();
        try (Browser browser = Browser.start(port)) {
            browser.login("hq_kf", "Demo@2022");
            browser.open("/pairings").waitForPage();
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("结对合作");
            assertThat(browser.driver().findElements(By.cssSelector("#pairings tbody tr[id^=pairing-]"))).isNotEmpty();
            browser.screenshot("pairings-list");
            assertThat(browser.consoleErrors()).isEmpty();

            browser.open("/pairings/propose?demandEnterpriseId=" + demand + "&kind=SUPPLY").waitForPage();
            assertThat(browser.driver().findElements(By.cssSelector("#suggestions tbody tr[id^=suggestion-]"))).isNotEmpty();
            browser.screenshot("pairings-propose");
            browser.clickToNavigate(browser.driver().findElement(By.cssSelector("#suggestions tbody tr[id^=suggestion-] button[type=submit]")));
            browser.waitForText(By.id("pairing-status"), "待确认");
            browser.screenshot("pairing-detail");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
