package org.sibao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sibao.subject.Uscc;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The 开封 HQ office registers a new enterprise through the web form in a real browser. */
@FullStackTest
class SubjectBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeEach
    void browser() {
        if (browser == null) {
            browser = Browser.start(port);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void anHqOfficerCreatesASubjectThroughTheForm() {
        String organisation = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)) + "X";
        String uscc = Uscc.of("91", "410202", organisation).toString();
        String name = "开封浏览器测试机械制造有限公司" + organisation.substring(0, 4);

        browser.login("hq_kf", "Demo@2022");
        browser.open("/enterprises/new").waitFor(By.id("subject-form"));

        // First a wrong check character: the form comes back with the error next to the field, in Chinese.
        type("uscc", uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'));
        type("name", name);
        new Select(browser.driver().findElement(By.id("regionCode"))).selectByValue("410202");
        new Select(browser.driver().findElement(By.id("sector"))).selectByValue("INDUSTRY");
        new Select(browser.driver().findElement(By.id("industryCode"))).selectByValue("34");
        type("employees", "320");
        type("annualRevenue", "5200");
        type("contactPhone", "13812345678");
        save();
        WebElement error = browser.waitFor(By.id("error-uscc"));
        assertThat(error.getText()).contains("校验");
        browser.screenshot("subject-form-error");

        type("uscc", uscc);
        save();
        browser.waitForText(By.id("subject-name"), name);
        assertThat(browser.text(By.id("subject-uscc"))).isEqualTo(uscc);
        assertThat(browser.text(By.id("subject-size"))).isEqualTo("中型");
        assertThat(browser.text(By.id("subject-phone"))).isEqualTo("138****5678");
        browser.screenshot("subject-created");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** The save button sits below the fold of the long form: scroll to it at once (Bootstrap scrolls smoothly). */
    private void save() {
        WebElement button = browser.waitFor(By.id("save-subject"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        browser.waitForClickable(By.id("save-subject")).click();
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
