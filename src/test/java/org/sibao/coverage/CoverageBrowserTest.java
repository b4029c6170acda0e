package org.sibao.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sibao.identity.DataScope;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The coverage page in a real browser: charts render (no CSP violations) and a click on a region drills down. */
@FullStackTest
class CoverageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsCoverageChartsAndDrillsDownByRegion() {
        // put a few demo subjects of 开封 on the whitelist so that the bars are not all zero
        List<String> ids = jdbc.sql("SELECT id FROM subject WHERE region_code LIKE '4102%' AND whitelist_status = 'NONE' ORDER BY uscc LIMIT 25")
                .query(String.class).list();
        ids.forEach(id -> subjects.setWhitelistStatus(id, WhitelistStatus.ACTIVE, "COUNTY"));
        assertThat(subjects.find(ids.get(0), DataScope.system()).orElseThrow().whitelistStatus()).isEqualTo(WhitelistStatus.ACTIVE);

        try (Browser browser = Browser.start(port)) {
            browser.login("hq_hn", "Demo@2022");
            browser.open("/coverage").waitForPage();
            browser.waitFor(By.cssSelector("#coverage-charts[data-rendered=true]"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("白名单覆盖率");
            assertThat(browser.text(By.id("coverage-deadline"))).endsWith("-06-30");
            assertThat(browser.text(By.id("coverage-basis"))).contains("园区", "总投资", "按 0 计");
            assertThat(browser.driver().findElements(By.cssSelector("#coverage-sector-chart canvas"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#coverage-region-chart canvas"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#coverage-suggestions tbody tr"))).isNotEmpty();
            browser.screenshot("coverage-province");
            assertThat(browser.consoleErrors()).as("no failed resources, script errors or CSP violations").isEmpty();

            browser.clickToNavigate(browser.driver().findElement(By.linkText("开封市")));
            browser.waitForText(By.cssSelector("#coverage-path .active"), "开封市");
            browser.waitFor(By.cssSelector("#coverage-charts[data-rendered=true]"));
            assertThat(browser.path()).contains("regionCode=410200");
            assertThat(browser.text(By.id("coverage-children"))).contains("鼓楼区");
            browser.screenshot("coverage-kaifeng");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
