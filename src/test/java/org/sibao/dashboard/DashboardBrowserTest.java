package org.sibao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one screen in a real browser: charts render (no CSP violations) and a region drills down. */
@FullStackTest
class DashboardBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void showsChartsAndDrillsDownByRegion() {
        try (Browser browser = Browser.start(port)) {
            browser.login("hq_hn", "Demo@2022");
            browser.open("/dashboard").waitForPage();
            browser.waitFor(By.cssSelector("#dashboard-charts[data-rendered=true]"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("一屏掌控");
            assertThat(browser.driver().findElements(By.cssSelector("#dashboard-sector-chart canvas"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#dashboard-region-chart canvas"))).isNotEmpty();
            browser.screenshot("dashboard-province");
            assertThat(browser.consoleErrors()).as("no failed resources, script errors or CSP violations").isEmpty();

            browser.clickToNavigate(browser.driver().findElement(By.linkText("郑州市")));
            browser.waitForText(By.cssSelector("#dashboard-path .active"), "郑州市");
            browser.waitFor(By.cssSelector("#dashboard-charts[data-rendered=true]"));
            assertThat(browser.path()).contains("regionCode=410100");
            assertThat(browser.text(By.id("dashboard-children"))).contains("新郑市");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
