package org.sibao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An official builds an eligibility rule with the form builder (no JSON typed), sees it in plain Chinese, saves
 * the draft and simulates it; the enterprise user opens 我的政策.
 */
@FullStackTest
class PolicyBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void officialBuildsAConditionAndSimulates() {
        String code = "WEB-" + Long.toString(System.nanoTime() % 10_000_000L, 36).toUpperCase();
        try (Browser browser = Browser.start(port)) {
            browser.login("sector_industry_ny", "Demo@2022");
            browser.open("/policies").waitForPage();
            assertThat(browser.text(By.id("policy-table"))).contains("NY40-20");
            browser.driver().findElement(By.id("policy-new")).click();
            browser.waitFor(By.cssSelector("#rule-builder[data-ready=true]"));
            browser.driver().findElement(By.id("f-code")).sendKeys(code);
            browser.driver().findElement(By.id("f-title")).sendKeys("千人以上企业防疫补助（测试）");
            browser.driver().findElement(By.id("f-benefit")).sendKeys("一次性补助");

            // condition 1: 所属地区 within 411303
            browser.waitForClickable(By.cssSelector(".rule-add")).click();
            WebElement row = browser.waitFor(By.cssSelector(".rule-condition"));
            new Select(row.findElement(By.cssSelector(".rule-fact"))).selectByValue("regionCode");
            row = browser.waitFor(By.cssSelector(".rule-condition"));
            new Select(row.findElement(By.cssSelector(".rule-op"))).selectByValue("within");
            row = browser.waitFor(By.cssSelector(".rule-condition"));
            WebElement value = row.findElement(By.cssSelector(".rule-value"));
            value.sendKeys("411303");
            browser.driver().findElement(By.id("f-title")).click();

            // condition 2: 员工人数 ≥ 1000
            browser.waitForClickable(By.cssSelector(".rule-add")).click();
            List<WebElement> rows = browser.driver().findElements(By.cssSelector(".rule-condition"));
            new Select(rows.get(1).findElement(By.cssSelector(".rule-fact"))).selectByValue("employees");
            rows = browser.driver().findElements(By.cssSelector(".rule-condition"));
            new Select(rows.get(1).findElement(By.cssSelector(".rule-op"))).selectByValue("gte");
            rows = browser.driver().findElements(By.cssSelector(".rule-condition"));
            rows.get(1).findElement(By.cssSelector(".rule-value")).sendKeys("1000");
            browser.driver().findElement(By.id("f-title")).click();

            browser.waitForText(By.id("rule-preview-text"), "员工人数");
            assertThat(browser.text(By.id("rule-preview-text"))).contains("卧龙区").contains("1000");
            browser.screenshot("policy-builder");
            browser.driver().findElement(By.id("policy-save")).click();

            browser.waitFor(By.id("policy-title"));
            assertThat(browser.text(By.id("policy-title"))).contains(code);
            assertThat(browser.text(By.id("policy-rule"))).contains("员工人数");
            browser.driver().findElement(By.id("policy-simulate")).click();
            browser.waitFor(By.id("sim-eligible"));
            assertThat(browser.text(By.id("sim-cost"))).isNotBlank();
            browser.screenshot("policy-simulation");
            assertThat(browser.consoleErrors()).as("no script errors or CSP violations").isEmpty();
            browser.logout();

            browser.login("ent_ny", "Demo@2022");
            browser.open("/policies/mine").waitForPage();
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("我的政策");
            browser.screenshot("policy-mine");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
