package org.sibao.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real browser: the enterprise applies and sees the live precheck, submits; the county officer approves. */
@FullStackTest
class WhitelistBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void theEnterpriseAppliesInTheBrowserAndTheCountyOfficerApproves() {
        WhitelistFixture fx = new WhitelistFixture(port);
        String county = "410328";
        String subject = fx.subject(county, "INDUSTRY", true);
        String enterprise = TestUsers.uniqueName("wlb_ent");
        TestUsers.create(fx.admin, enterprise, "ENTERPRISE", county, Map.of("enterpriseId", subject));
        String officer = TestUsers.uniqueName("wlb_off");
        TestUsers.create(fx.admin, officer, "SECTOR_OFFICER", county, Map.of("sector", "INDUSTRY"));

        try (Browser browser = Browser.start(port)) {
            browser.login(enterprise, TestUsers.PASSWORD);
            click(browser, By.cssSelector("#mainNav a[href='/whitelist/apply']"));
            browser.waitFor(By.id("wl-apply-form"));
            browser.waitFor(By.id("wl-precheck-outcome"));
            assertThat(browser.driver().findElement(By.id("wl-precheck-outcome")).getAttribute("data-outcome"))
                    .as("nothing declared yet").isEqualTo("UNKNOWN");

            WebElement safety = browser.waitFor(By.id("wl-d-meetsSafetyStandards"));
            scroll(browser, safety);
            new Select(safety).selectByValue("false");
            browser.waitFor(By.cssSelector("#wl-precheck-outcome[data-outcome='FAIL']"));
            assertThat(browser.isPresent(By.cssSelector("#wl-precheck-table tr.table-danger"))).isTrue();

            click(browser, By.id("wl-declare-all"));
            WebElement places = browser.driver().findElement(By.id("wl-d-isolationPlaces"));
            scroll(browser, places);
            places.sendKeys("5");
            browser.waitFor(By.cssSelector("#wl-precheck-outcome[data-outcome='PASS']"));
            browser.screenshot("whitelist-apply-precheck");

            click(browser, By.id("wl-apply-save"));
            browser.waitFor(By.cssSelector("#wl-app-status[data-status='DRAFT']"));
            click(browser, By.id("wl-app-submit"));
            browser.waitFor(By.cssSelector("#wl-app-status[data-status='SUBMITTED']"));
            String detail = browser.path();
            assertThat(browser.text(By.id("wl-app-summary"))).as("regions by name").contains("洛宁县")
                    .doesNotContain("410328");
            assertThat(browser.text(By.id("wl-app-due-region"))).isEqualTo("洛宁县 县级");
            assertThat(browser.text(By.id("wl-precheck-table"))).as("criteria by title, no codes")
                    .doesNotContainPattern("\\b[A-Z][A-Z_]{3,}\\b").doesNotContainPattern("\\d{6}");
            browser.screenshot("whitelist-application-submitted");
            assertThat(browser.consoleErrors()).isEmpty();
            browser.logout();

            browser.login(officer, TestUsers.PASSWORD);
            browser.open(detail);
            new Select(browser.waitFor(By.id("wl-review-decision"))).selectByValue("APPROVE");
            browser.waitFor(By.id("wl-review-comment")).sendKeys("材料齐全，同意纳入");
            browser.screenshot("whitelist-review-form");
            click(browser, By.id("wl-review-submit"));
            browser.waitFor(By.cssSelector("#wl-app-status[data-status='APPROVED']"));
            browser.waitForText(By.id("wl-step-COUNTY"), "材料齐全，同意纳入");
            browser.screenshot("whitelist-application-approved");

            browser.open("/whitelist/batches");
            browser.waitFor(By.id("wl-batch-form"));
            assertThat(browser.isPresent(By.cssSelector("#wl-batch-candidates input[type=checkbox]"))).isTrue();
            assertThat(new Select(browser.driver().findElement(By.id("wl-batch-region"))).getFirstSelectedOption()
                    .getText()).as("a batch's region chosen by name").isEqualTo("洛宁县");
            assertThat(browser.text(By.id("wl-batch-candidates"))).contains("洛宁县").doesNotContain("410328");
            browser.screenshot("whitelist-batches");
            browser.open("/whitelist/criteria");
            browser.waitFor(By.id("wl-criteria-form"));
            browser.screenshot("whitelist-criteria");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** Scrolls the element to the middle of the viewport first, so that no sticky bar covers it. */
    private static void click(Browser browser, By locator) {
        WebElement element = browser.waitFor(locator);
        scroll(browser, element);
        browser.waitForClickable(locator).click();
    }

    private static void scroll(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    }
}
