package org.sibao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in and out in a real browser, and each role's home page (工作台). */
@FullStackTest
class LoginBrowserTest {

    private static final Properties MESSAGES = messages();
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeEach
    void browser() {
        if (browser == null) {
            browser = Browser.start(port);
        }
    }

    @AfterEach
    void forgetSession() {
        if (browser != null) {
            browser.clearSession();
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
    void anAdministratorSignsInSeesTheShellAndSignsOut() {
        browser.open("/login").waitFor(By.id("login-submit"));
        assertThat(browser.driver().getTitle()).contains("登录");
        browser.screenshot("login");
        assertThat(browser.consoleErrors()).isEmpty();

        browser.login("admin", "Admin@2022");

        assertThat(browser.path()).isIn("/", "/?continue");
        assertThat(browser.waitFor(By.cssSelector("nav.navbar")).isDisplayed()).isTrue();
        assertThat(browser.text(By.id("current-user"))).isEqualTo("平台管理员");
        assertThat(browser.text(By.tagName("h1"))).contains(MESSAGES.getProperty("home.greeting.ADMIN"));
        browser.screenshot("home-admin");
        assertThat(browser.consoleErrors()).as("no failed resources, script errors or CSP violations").isEmpty();

        browser.logout();

        assertThat(browser.path()).startsWith("/login?logout");
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo(MESSAGES.getProperty("login.loggedOut"));
        browser.open("/");
        assertThat(browser.waitFor(By.id("login-submit")).isDisplayed()).as("signed out: back to the login form").isTrue();
    }

    @Test
    void aWrongPasswordShowsTheErrorMessage() {
        browser.login("sup_xz", "Wrong@2022");

        assertThat(browser.path()).startsWith("/login?error");
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo(MESSAGES.getProperty("auth.badCredentials"));
        assertThat(browser.isPresent(By.id("current-user"))).isFalse();
        browser.screenshot("login-error");
    }

    @Test
    void anUnknownPageShowsTheErrorPageInsideTheShell() {
        browser.login("admin", "Admin@2022").open("/no-such-page");

        assertThat(browser.text(By.cssSelector(".sibao-error-code"))).isEqualTo("404");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(MESSAGES.getProperty("problem.title.404"));
        assertThat(browser.text(By.id("current-user"))).as("the shell is complete on error pages").isEqualTo("平台管理员");
        assertThat(browser.isPresent(By.id("logout"))).isTrue();
        browser.screenshot("error-404");
    }

    @ParameterizedTest(name = "{0} lands on the {1} home page")
    @CsvSource({
            "hq_kf, HQ_OFFICER",
            "sector_industry_kf, SECTOR_OFFICER",
            "epi_kf, EPIDEMIC_OFFICER",
            "sup_kf, SUPERVISOR",
            "dept_tax_kf, DEPT_HANDLER",
            "liaison_kf, LIAISON"})
    void eachRoleLandsOnItsOwnHomePage(String username, String role) {
        browser.login(username, "Demo@2022");

        String greeting = MESSAGES.getProperty("home.greeting." + role);
        assertThat(greeting).isNotBlank();
        browser.waitForText(By.tagName("h1"), greeting);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(greeting);
        assertThat(browser.text(By.cssSelector(".sibao-subtitle"))).endsWith("开封市");
        assertThat(browser.text(By.id("current-user"))).startsWith("开封市");
        browser.screenshot("home-" + username);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static Properties messages() {
        Properties p = new Properties();
        try (InputStream in = LoginBrowserTest.class.getResourceAsStream("/i18n/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
