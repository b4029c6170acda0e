package org.sibao.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium against the application under test, from the Debian packages
 * {@code chromium} and {@code chromium-driver}. Selenium Manager is never consulted (nothing is downloaded: the
 * binaries are given explicitly), and the flags keep Chromium off the network, which is closed here.
 *
 * <p>Without Chromium or chromedriver the calling test is skipped (an assumption), unless
 * {@code SIBAO_REQUIRE_BROWSER=true} (set by {@code .ci/run}), when it fails.
 */
public final class Browser implements AutoCloseable {

    /** The Debian packages' binaries; {@code -Dsibao.chromium=...} and {@code -Dsibao.chromedriver=...} override. */
    public static final Path CHROMIUM = Path.of(System.getProperty("sibao.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("sibao.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    private final String base;

    private Browser(WebDriver driver, Path profile, int port) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
        this.profile = profile;
        this.base = "http://localhost:" + port;
    }

    /** Starts a fresh headless Chromium (own profile, zh-CN, 1400×1000) for the server on {@code port}. */
    public static Browser start(int port) {
        requireBinaries();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("sibao-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--lang=zh-CN",
                "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.WARNING);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile, port);
    }

    private static void requireBinaries() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("SIBAO_REQUIRE_BROWSER"))) {
            fail("SIBAO_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        assumeTrue(present, CHROMIUM + " or " + CHROMEDRIVER + " is missing: skipping browser tests");
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application, e.g. {@code /login}. */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** The path (and query) of the current page. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Fills in the sign-in form and submits it; waits until the browser has left the form. */
    public Browser login(String username, String password) {
        open("/login");
        WebElement user = waitFor(By.name("username"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.name("password"));
        pass.clear();
        pass.sendKeys(password);
        WebElement submit = driver.findElement(By.id("login-submit"));
        clickToNavigate(submit);
        waitForPage();
        return this;
    }

    /** Signs out with the navbar's button and waits for the sign-in page. */
    public Browser logout() {
        WebElement button = waitForClickable(By.id("logout"));
        clickToNavigate(button);
        waitFor(By.id("login-submit"));
        return this;
    }

    /**
     * Clicks an element that loads a new document and waits until the old one is gone. The old document is
     * marked before the click and the wait ends when the marker is no longer there: asking the clicked element
     * whether it is stale races the navigation (Chromium may answer "Node with given id does not belong to the
     * document" instead of a stale-element error).
     */
    public Browser clickToNavigate(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.__sibaoLeaving = true;");
        element.click();
        wait.until(d -> {
            try {
                return !Boolean.TRUE.equals(js.executeScript("return window.__sibaoLeaving === true;"));
            } catch (WebDriverException navigating) {
                return false;
            }
        });
        return this;
    }

    public WebElement waitFor(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement waitForClickable(By locator) {
        return wait.until(ExpectedConditions.elementToBeClickable(locator));
    }

    /** Waits until an element shows the given text (or text containing it). */
    public Browser waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return this;
    }

    public String text(By locator) {
        return waitFor(locator).getText();
    }

    public boolean isPresent(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    /** Waits until the document and its web fonts have finished loading. */
    public Browser waitForPage() {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.fonts === undefined || document.fonts.status === 'loaded'")));
        return this;
    }

    /**
     * Console errors since the last call: failed resource loads, script errors and Content-Security-Policy
     * violations (the policy forbids inline scripts), each as {@code LEVEL message}.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage())
                .toList();
    }

    /** Saves a PNG of the viewport as {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        waitForPage();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the session (cookies) and the console log without going through the UI. */
    public Browser clearSession() {
        driver.manage().deleteAllCookies();
        driver.manage().logs().get(LogType.BROWSER);
        return this;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
