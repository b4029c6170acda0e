package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The epidemic officer's alert board in a real browser: filter, acknowledge, and the subject's page with a masked roster. */
@FullStackTest
class EpidemicBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void theOfficerFiltersAndAcknowledgesAlertsAndSeesAMaskedRoster() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        String subject = fx.activeSubject(XINZHENG);
        String id = TestIds.next();
        fx.roster(subject, employee("阳性员工", id, "FIXED"));
        OffsetDateTime sampled = fx.now().minusMinutes(30).truncatedTo(ChronoUnit.SECONDS);
        fx.results(id + "," + sampled + ",PCR,POSITIVE\n");
        assertThat(admin.post("/api/v1/enterprises/" + subject + "/zones", java.util.Map.of("name", "一号车间", "kind", "PRODUCTION"))
                .status()).isEqualTo(201);

        try (Browser browser = Browser.start(port)) {
            browser.login("epi_xz", "Demo@2022");
            browser.open("/epidemic/alerts").waitForPage();
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("电子哨预警");
            browser.clickToNavigate(browser.driver().findElement(By.id("sweep-now")));
            browser.waitFor(By.cssSelector(".alert-success"));
            assertThat(browser.text(By.cssSelector(".alert-success"))).startsWith("巡检完成");

            // the enterprise is typed by name or USCC (the picker's label), not by its id
            var facts = subjects.find(subject, org.sibao.identity.DataScope.system()).orElseThrow();
            browser.open("/epidemic/alerts?status=OPEN&type=POSITIVE_RESULT").waitForPage();
            assertThat(browser.text(By.id("alert-filters"))).doesNotContain("企业编号");
            browser.driver().findElement(By.id("f-enterprise")).sendKeys(facts.name() + " · " + facts.uscc());
            browser.clickToNavigate(browser.driver().findElement(By.cssSelector("#alert-filters button[type=submit]")));
            browser.waitFor(By.cssSelector("#epidemic-alerts tbody tr[data-type]"));
            assertThat(browser.path()).contains("enterprise=");
            assertThat(browser.text(By.id("epidemic-alerts"))).contains("检测阳性", "阳性员工");
            browser.screenshot("epidemic-alert-board");
            assertThat(browser.consoleErrors()).as("no failed resources, script errors or CSP violations").isEmpty();

            browser.clickToNavigate(browser.driver().findElement(By.cssSelector("#epidemic-alerts button[type=submit]")));
            browser.waitFor(By.cssSelector(".alert-success"));
            assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已签收预警");

            browser.open("/epidemic/enterprise/" + subject).waitForPage();
            assertThat(browser.text(By.id("risk-level"))).isEqualTo("高风险");
            String roster = browser.text(By.id("roster"));
            assertThat(roster).contains("阳性员工", id.substring(0, 4) + "**********" + id.substring(14)).doesNotContain(id);
            Object qrWidth = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("var i = document.querySelector('#zones img'); return i.complete ? i.naturalWidth : -1;");
            assertThat(((Number) qrWidth).intValue()).as("the venue QR code loads").isPositive();
            browser.screenshot("epidemic-enterprise");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void theHqSwitchesItsCountyToEmergencyAfterConfirmingAndBack() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String subject = new EpidemicFixtures(admin, subjects).activeSubject(XINZHENG);
        try (Browser browser = Browser.start(port)) {
            browser.login("hq_xz", "Demo@2022");
            browser.open("/epidemic/mode?regionCode=410184").waitForPage();
            assertThat(browser.text(By.id("region-mode"))).isEqualTo("常态");
            browser.driver().findElement(By.id("m-reason")).sendKeys("演练：出现本土病例");
            browser.driver().findElement(By.id("to-emergency")).click();
            browser.driver().switchTo().alert().accept();
            try {
                browser.waitFor(By.cssSelector(".alert-success"));
                assertThat(browser.text(By.id("region-mode"))).isEqualTo("应急");
                assertThat(browser.text(By.id("mode-history"))).contains("演练：出现本土病例");
                assertThat(subjects.find(subject, org.sibao.identity.DataScope.system()).orElseThrow().operationMode())
                        .isEqualTo(org.sibao.subject.OperationMode.CLOSED_LOOP);
                browser.screenshot("epidemic-mode-switch");
                assertThat(browser.consoleErrors()).isEmpty();
            } finally {
                browser.driver().findElement(By.id("m-reason")).sendKeys("演练结束");
                browser.driver().findElement(By.id("to-normal")).click();
                browser.driver().switchTo().alert().accept();
                browser.waitForText(By.id("region-mode"), "常态");
            }
        }
    }
}
