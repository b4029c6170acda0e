package org.sibao.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sibao.production.ProductionFixture;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An enterprise user fills the weekly production form; the HQ office sees the report in the summary's chart. */
@FullStackTest
class ProductionBrowserTest {

    private static final String DENGFENG = "410185";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void enterpriseFillsTheWeeklyForm() {
        ProductionFixture fx = new ProductionFixture(port, subjects);
        String id = fx.subject(DENGFENG, "INDUSTRY", WhitelistStatus.ACTIVE);
        String user = fx.enterpriseUser(id, DENGFENG);
        try (Browser browser = Browser.start(port)) {
            browser.login(user, TestUsers.PASSWORD);
            browser.open("/production").waitFor(By.id("production-form"));
            type(browser, "outputValue", "1520.5");
            type(browser, "capacityUtilisation", "86");
            type(browser, "staffOnDuty", "340");
            type(browser, "ordersOnHand", "4800");
            type(browser, "rawMaterialDays", "9");
            new Select(browser.driver().findElement(By.id("operatingState"))).selectByValue("CLOSED_LOOP");
            browser.driver().findElement(By.id("problems")).sendKeys("物流车辆通行证办理较慢");
            browser.screenshot("production-form");
            browser.clickToNavigate(browser.driver().findElement(By.id("production-submit")));
            browser.waitForText(By.cssSelector(".alert-success"), "生产周报已提交");
            assertThat(browser.text(By.id("production-history"))).contains("1520.50").contains("闭环生产");
            browser.screenshot("production-history");
            assertThat(browser.consoleErrors()).as("no script errors or CSP violations").isEmpty();
            browser.logout();

            browser.login("hq_hn", "Demo@2022");
            browser.open("/production?regionCode=410100").waitFor(By.cssSelector("#chart-region[data-rendered=true]"));
            assertThat(browser.driver().findElements(By.cssSelector("#chart-region svg .bar-group"))).isNotEmpty();
            assertThat(browser.text(By.id("table-region"))).contains("登封市");
            browser.screenshot("production-summary");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static void type(Browser browser, String id, String value) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }
}
