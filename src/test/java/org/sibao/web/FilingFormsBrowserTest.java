package org.sibao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The filing forms in a real browser: a pass application suggests whitelist enterprises by name as one types, and
 * a department finds the inspection request form on the inspections page.
 */
@FullStackTest
class FilingFormsBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void thePassFormSuggestsServedEnterprisesAndTheInspectionFormIsOffered() {
        try (Browser browser = Browser.start(port)) {
            browser.login("hq_xz", "Demo@2022");
            browser.open("/passes/new").waitFor(By.id("pass-apply"));
            WebElement served = browser.driver().findElement(By.id("served-0"));
            served.sendKeys("新郑");
            // datalist options are never "visible": wait for them to be there
            List<WebElement> options = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(),
                    java.time.Duration.ofSeconds(20)).until(d -> {
                        List<WebElement> found = d.findElements(By.cssSelector("#served-options-0 option"));
                        return found.isEmpty() ? null : found;
                    });
            assertThat(options).isNotEmpty();
            assertThat(options.get(0).getAttribute("value")).as("the label, not an internal id").contains(" · ");
            browser.screenshot("pass-apply");

            browser.logout().login("dept_tax_xz", "Demo@2022");
            browser.open("/escort/inspections").waitFor(By.id("inspection-form"));
            assertThat(browser.text(By.id("inspection-file"))).contains("报备涉企检查", "税务局");
            browser.screenshot("inspection-file");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
