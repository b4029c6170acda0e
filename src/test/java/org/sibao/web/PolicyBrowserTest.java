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
            browser.clickToNavigate(browser.driver().findElement(By.id("policy-new")));
            browser.waitFor(By.cssSelector("#rule-builder[data-ready=true]"));
            browser.driver().findElement(By.id("f-code")).sendKeys(code);
            browser.driver().findElement(By.id("f-title")).sendKeys("千人以上企业防疫补助（测试）");
            browser.driver().findElement(By.id("f-benefit")).sendKeys("一次性补助");

            // a fresh form has nothing to complain about yet: a hint, no error
            browser.waitFor(By.cssSelector("#rule-builder[data-previewed=true]"));
            browser.waitFor(By.id("rule-preview-hint"));
            assertThat(browser.text(By.id("rule-preview"))).contains("尚未添加条件").doesNotContain("至少需要一项");
            assertThat(browser.isPresent(By.id("rule-preview-errors"))).isFalse();
            browser.screenshot("policy-builder-fresh");

            // condition 1: 所属地区 位于（地区）之内 卧龙区, picked by name from the region picker
            browser.waitForClickable(By.cssSelector(".rule-add")).click();
            WebElement row = browser.waitFor(By.cssSelector(".rule-condition"));
            new Select(row.findElement(By.cssSelector(".rule-fact"))).selectByValue("regionCode");
            row = browser.waitFor(By.cssSelector(".rule-condition"));
            Select op = new Select(row.findElement(By.cssSelector(".rule-op")));
            assertThat(op.getOptions()).extracting(WebElement::getText).as("operators in words, not codes")
                    .contains("位于（地区）之内", "等于", "不等于", "属于其一", "不属于", "已填写")
                    .doesNotContain("within", "eq", "notIn", "exists");
            op.selectByValue("within");
            row = browser.waitFor(By.cssSelector(".rule-condition"));
            Select regionPick = new Select(row.findElement(By.cssSelector(".rule-value-add")));
            assertThat(regionPick.getOptions()).extracting(o -> o.getText().strip()).contains("南阳市", "卧龙区")
                    .noneMatch(t -> t.matches(".*\\d{6}.*"));
            regionPick.selectByValue("411303");
            browser.waitForText(By.cssSelector(".rule-condition .rule-chip"), "卧龙区");

            // condition 2: 员工人数 大于等于 1000, a number typed
            addCondition(browser, 1, "employees", "大于等于").findElement(By.cssSelector(".rule-value")).sendKeys("1000");
            browser.driver().findElement(By.id("f-title")).click();

            // condition 3: 企业规模 属于其一 大型、中型, chosen by their labels
            Select sizes = new Select(addCondition(browser, 2, "sizeClass", "属于其一")
                    .findElement(By.cssSelector(".rule-value-add")));
            assertThat(sizes.getOptions()).extracting(WebElement::getText).contains("大型", "中型", "小型", "微型")
                    .doesNotContain("MEDIUM");
            sizes.selectByVisibleText("大型");
            new Select(row(browser, 2).findElement(By.cssSelector(".rule-value-add"))).selectByVisibleText("中型");
            browser.waitForText(By.id("rule-preview-text"), "中型");

            // condition 4: 行业门类 等于 C 制造业 (GB/T 4754 sections by name)
            new Select(addCondition(browser, 3, "industrySection", "等于").findElement(By.cssSelector(".rule-value")))
                    .selectByVisibleText("C 制造业");

            browser.waitForText(By.id("rule-preview-text"), "员工人数");
            browser.waitForText(By.id("rule-preview-text"), "制造业");
            assertThat(browser.text(By.id("rule-preview-text"))).contains("卧龙区").contains("1000")
                    .contains("大型 或 中型").contains("行业门类为 C 制造业");
            assertThat(browser.isPresent(By.id("rule-preview-errors"))).isFalse();
            browser.screenshot("policy-builder");
            browser.clickToNavigate(browser.driver().findElement(By.id("policy-save")));

            browser.waitFor(By.id("policy-title"));
            assertThat(browser.text(By.id("policy-title"))).contains(code);
            assertThat(browser.text(By.id("policy-rule"))).contains("员工人数").contains("卧龙区")
                    .contains("C 制造业");
            browser.driver().findElement(By.id("policy-simulate")).click();
            browser.waitFor(By.id("sim-eligible"));
            assertThat(browser.text(By.id("sim-cost"))).isNotBlank();
            browser.screenshot("policy-simulation");

            // the draft opens again in the builder with its choices by name
            browser.clickToNavigate(browser.driver().findElement(By.id("policy-edit")));
            browser.waitFor(By.cssSelector("#rule-builder[data-ready=true]"));
            browser.waitForText(By.id("rule-preview-text"), "制造业");
            assertThat(browser.driver().findElements(By.cssSelector(".rule-chip"))).extracting(WebElement::getText)
                    .containsExactly("卧龙区", "大型", "中型");
            assertThat(new Select(row(browser, 3).findElement(By.cssSelector(".rule-value"))).getFirstSelectedOption()
                    .getText()).isEqualTo("C 制造业");
            // a dated-events condition from JSON: its kinds as chips and its period as numbers
            WebElement json = browser.driver().findElement(By.id("eligibility"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                    json, "{\"all\":[{\"fact\":\"incidents\",\"op\":\"anyWithin\",\"value\":{\"kinds\":[\"DISHONESTY\"],\"years\":3}}]}");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('rule-json-apply').click();");
            browser.waitForText(By.id("rule-preview-text"), "严重失信");
            assertThat(browser.text(By.cssSelector(".rule-window .rule-chip"))).isEqualTo("严重失信");
            assertThat(browser.driver().findElement(By.cssSelector(".rule-window-years")).getAttribute("value"))
                    .isEqualTo("3");
            assertThat(new Select(row(browser, 0).findElement(By.cssSelector(".rule-op"))).getFirstSelectedOption()
                    .getText()).isEqualTo("期间内有");
            browser.screenshot("policy-builder-window");
            assertThat(browser.consoleErrors()).as("no script errors or CSP violations").isEmpty();
            browser.logout();

            browser.login("ent_ny", "Demo@2022");
            browser.open("/policies/mine").waitForPage();
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("我的政策");
            browser.screenshot("policy-mine");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** Adds a condition (the index-th row) for the fact, chooses the operator by its words and answers the row. */
    private static WebElement addCondition(Browser browser, int index, String fact, String op) {
        browser.waitForClickable(By.cssSelector(".rule-add")).click();
        new Select(row(browser, index).findElement(By.cssSelector(".rule-fact"))).selectByValue(fact);
        new Select(row(browser, index).findElement(By.cssSelector(".rule-op"))).selectByVisibleText(op);
        return row(browser, index);
    }

    /** The index-th condition row as drawn now (the builder redraws on every change). */
    private static WebElement row(Browser browser, int index) {
        List<WebElement> rows = browser.driver().findElements(By.cssSelector(".rule-condition"));
        return rows.get(index);
    }
}
