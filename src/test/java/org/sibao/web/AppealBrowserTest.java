package org.sibao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sibao.subject.TestSubjects;
import org.sibao.support.ApiClient;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An enterprise files an appeal with an attachment in the web UI (a refused file is caught before upload); the 新郑
 * HQ office sees the attachment and triages the appeal to the power supply company.
 */
@FullStackTest
class AppealBrowserTest {

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
    void anEnterpriseFilesWithAnAttachmentAndTheHqTriages(@TempDir Path dir) throws Exception {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String subjectId = admin.post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc("410184"),
                "新郑浏览器诉求测试有限公司" + TestSubjects.token(), "410184", "INDUSTRY")).text("id");
        String username = TestUsers.uniqueName("ent_web");
        TestUsers.create(admin, username, "ENTERPRISE", "410184", Map.of("enterpriseId", subjectId));
        String title = "浏览器测试：电力增容申请" + TestSubjects.token();

        Path plan = dir.resolve("增容方案.pdf");
        Files.write(plan, "%PDF-1.4 增容方案".getBytes(StandardCharsets.UTF_8));
        Path script = plan.resolveSibling("安装程序.exe");
        Files.write(script, new byte[] {'M', 'Z'});

        browser.login(username, TestUsers.PASSWORD);
        browser.open("/appeals/new").waitFor(By.id("appeal-form"));
        browser.driver().findElement(By.id("submit-appeal")).click();
        assertThat(browser.waitFor(By.id("error-title")).getText()).isNotBlank();
        new Select(browser.driver().findElement(By.id("category"))).selectByValue("ENERGY");
        type("title", title);
        type("description", "新增两条生产线，现有变压器容量不足，申请电力增容");
        WebElement files = browser.driver().findElement(By.id("files"));
        files.sendKeys(script.toString());
        browser.waitForText(By.id("error-files"), "“安装程序.exe”不是允许的附件");
        browser.driver().findElement(By.id("submit-appeal")).click();
        assertThat(browser.driver().findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
        browser.screenshot("appeal-form-refused-file");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '';", files);
        files.sendKeys(plan.toString());
        assertThat(browser.driver().findElement(By.id("error-files")).getText()).isEmpty();
        browser.driver().findElement(By.id("submit-appeal")).click();
        browser.waitForText(By.id("appeal-title"), title);
        assertThat(browser.text(By.id("appeal-status"))).isEqualTo("已提交");
        assertThat(browser.driver().findElements(By.cssSelector("#appeal-attachments .attachment-row a")).stream()
                .map(WebElement::getText).toList()).containsExactly("增容方案.pdf");
        String appealPath = browser.path();
        browser.screenshot("appeal-filed");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.logout();

        browser.login("hq_xz", "Demo@2022");
        browser.open("/appeals?tab=triage").waitFor(By.id("appeal-table"));
        browser.waitForClickable(By.linkText(title)).click();
        browser.waitFor(By.id("triage-panel"));
        assertThat(browser.text(By.id("appeal-attachments"))).contains("增容方案.pdf");
        browser.waitFor(By.id("similar-list"));
        new Select(browser.driver().findElement(By.id("triage-department"))).selectByValue("POWER");
        new Select(browser.driver().findElement(By.id("triage-region"))).selectByValue("410184");
        WebElement submit = browser.driver().findElement(By.id("triage-submit"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
        browser.screenshot("appeal-triage");
        browser.waitForClickable(By.id("triage-submit")).click();
        browser.waitForText(By.id("appeal-status"), "已交办");
        assertThat(browser.path()).isEqualTo(appealPath);
        assertThat(browser.text(By.id("appeal-department"))).isEqualTo("供电公司");
        assertThat(browser.driver().findElements(By.cssSelector("#appeal-history .history-action")).stream()
                .map(WebElement::getText).toList()).containsExactly("已提交", "已分拣", "已交办");
        browser.screenshot("appeal-triaged");

        browser.open("/appeal-metrics").waitFor(By.id("metrics-cards"));
        browser.waitFor(By.cssSelector("#chart-trend[data-rendered='true']"));
        browser.screenshot("appeal-metrics");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
