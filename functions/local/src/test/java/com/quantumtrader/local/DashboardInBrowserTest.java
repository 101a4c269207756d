package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.local.dashboard.Dashboard;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A trader's view of a paper run, in a real headless Chromium: the page loads with the link printed at start,
 * shows a position as soon as one opens, shows one signal's path through the domains, edits the policy through the
 * admin route (and shows its problems), and presses the emergency stop, after which the stop shows as latched and
 * the account goes flat. Skipped, with the reason, where Debian's chromium and chromium-driver are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    static final String TOKEN = "browser-test-token-0123456789abcdef";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final int MAX_BARS_TO_FIRST_POSITION = 3_000;

    static LocalPlatform platform;
    static ChromeDriverService service;
    static WebDriver browser;
    static WebDriverWait wait;
    static Path profile;
    static final Map<String, BusEvent> openPositions = new ConcurrentHashMap<>();

    static final boolean BROWSER_INSTALLED = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    static final String MISSING_BROWSER = "needs a headless Chromium: install Debian's chromium and chromium-driver ("
            + CHROMIUM + " or " + CHROMEDRIVER + " not found; CHROMIUM_BIN / CHROMEDRIVER_BIN name other paths)";

    @BeforeAll
    static void startAPaperRunAndABrowserOnItsDashboard() throws IOException {
        if (!BROWSER_INSTALLED) {
            // each test reports the skip (an assumption in @BeforeAll is not counted); the reason goes to the log too
            System.err.println("SKIPPED DashboardInBrowserTest: " + MISSING_BROWSER);
            return;
        }
        RedisTestServer.flush();
        platform = new LocalPlatform(PaperOptions.defaults().withSeed(11).withRedisUrl(RedisTestServer.url())
                .withApi(new PaperOptions.ApiSettings(0, Map.of("trader", TOKEN)).withDashboard(0)));
        platform.observe(event -> {
            if (event.name().equals(EventCatalog.PORTFOLIO_POSITION_OPENED.name())) {
                openPositions.put(event.envelope().payload().path("position_id").asText(), event);
            } else if (event.name().equals(EventCatalog.PORTFOLIO_POSITION_CLOSED.name())) {
                openPositions.remove(event.envelope().payload().path("position_id").asText());
            }
        });
        profile = Files.createTempDirectory("dashboard-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // without the background-networking switches Chromium keeps calling home, which a closed network refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
        browser.get(Dashboard.linkWithToken(platform.dashboardUri().orElseThrow(), TOKEN));
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(BROWSER_INSTALLED, MISSING_BROWSER);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (platform != null) {
            platform.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    @Order(1)
    void followsTheRunLiveAndKeepsTheTokenOutOfTheAddressBar() {
        wait.until(ExpectedConditions.attributeToBe(By.id("conn-state"), "data-state", "live"));

        assertThat(browser.getCurrentUrl()).doesNotContain(TOKEN).doesNotContain("token=");
        assertThat(browser.findElement(By.id("positions-empty")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("ess-state")).getAttribute("data-state")).isEqualTo("NOT_TRIGGERED");
    }

    @Test
    @Order(2)
    void showsAPositionAsSoonAsOneOpensAndItsSignalsPathThroughTheDomains() {
        BusEvent opened = playUntilAPositionIsOpen();
        String positionId = opened.envelope().payload().path("position_id").asText();

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#positions tbody tr[data-position-id='" + positionId + "']")));
        assertThat(row.getText()).contains(opened.envelope().payload().path("symbol").asText());
        assertThat(browser.findElement(By.id("positions-empty")).isDisplayed()).isFalse();
        wait.until(driver -> Integer.parseInt(driver.findElement(By.id("equity-points")).getText()) > 0);
        assertThat(browser.findElements(By.cssSelector("#equity-chart polyline.equity"))).hasSize(1);

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#events-body tr[data-name='portfolio.position.opened'] a[data-trace='" + opened.traceId() + "']")))
                .click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trace-path"), "portfolio"));
        assertThat(browser.findElement(By.id("trace-path")).getText())
                .contains("ai_engine", "risk_safety", "execution", "portfolio");
        assertThat(browser.findElements(By.cssSelector("#trace li")).stream()
                .map(li -> li.getAttribute("data-event")).toList())
                .containsSubsequence("ai.signal.generated", "risk.signal.approved", "execution.order.filled",
                        "portfolio.position.opened");
    }

    @Test
    @Order(3)
    void editsThePolicyThroughTheAdminRouteAndShowsItsProblemDetails() {
        wait.until(driver -> driver.findElement(By.id("policy-version")).getText().matches("\\d+"));
        long version = Long.parseLong(browser.findElement(By.id("policy-version")).getText());

        patch(version + 5, "{\"drawdown_alert\": 0.12}");
        WebElement conflict = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#policy-result[data-status='409']")));
        assertThat(conflict.getText()).contains("Policy version conflict", "current_version: " + version);

        patch(version, "{\"drawdown_alert\": 7, \"account_equity\": -1}");
        WebElement invalid = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#policy-result[data-status='400']")));
        assertThat(invalid.getText()).contains("Invalid policy", "drawdown_alert", "account_equity");
        assertThat(invalid.findElements(By.cssSelector("ul.errors li")).size()).isGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("policy-version")).getText()).isEqualTo(Long.toString(version));

        patch(version, "{\"drawdown_alert\": 0.12}");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#policy-result[data-status='200']")));
        wait.until(ExpectedConditions.textToBe(By.id("policy-version"), Long.toString(version + 1)));
        assertThat(browser.findElement(By.id("policy-current")).getText()).contains("\"drawdown_alert\": 0.12");
    }

    @Test
    @Order(4)
    void theEmergencyStopButtonLatchesTheStopAndTheAccountGoesFlat() {
        if (openPositions.isEmpty()) {
            playUntilAPositionIsOpen();
        }
        WebElement confirm = browser.findElement(By.id("ess-confirm"));
        assertThat(confirm.isDisplayed()).as("the stop asks for confirmation first").isFalse();

        browser.findElement(By.id("ess-stop")).click();
        wait.until(ExpectedConditions.visibilityOf(confirm)).click();

        wait.until(ExpectedConditions.attributeToBe(By.id("ess-state"), "data-state", "LATCHED"));
        assertThat(browser.findElement(By.id("ess-detail")).getText()).contains("MANUAL", "token:trader");
        // the stop is latched while the admin route is still answering: its 202 may show a moment later
        wait.until(ExpectedConditions.attributeToBe(By.id("ess-result"), "data-status", "202"));
        assertThat(browser.findElement(By.id("ess-result")).getText()).contains("EMERGENCY_STOP sent");

        for (int bar = 0; bar < 100 && !openPositions.isEmpty(); bar++) {
            platform.step();
        }
        assertThat(openPositions).as("positions left open after the emergency stop").isEmpty();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("positions-empty")));
        assertThat(browser.findElements(By.cssSelector("#positions tbody tr"))).isEmpty();
    }

    private static void patch(long expectedVersion, String mergePatch) {
        WebElement version = browser.findElement(By.id("policy-expected-version"));
        version.clear();
        version.sendKeys(Long.toString(expectedVersion));
        WebElement patch = browser.findElement(By.id("policy-patch"));
        patch.clear();
        patch.sendKeys(mergePatch);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('policy-result').removeAttribute('data-status')");
        browser.findElement(By.id("policy-apply")).click();
    }

    /** Plays bars until a position is open after a bar (a seeded run, so the same bar each time). */
    private static BusEvent playUntilAPositionIsOpen() {
        for (int bar = 0; bar < MAX_BARS_TO_FIRST_POSITION && openPositions.isEmpty(); bar++) {
            platform.step();
        }
        Optional<BusEvent> open = openPositions.values().stream().findFirst();
        assertThat(open).as("a position opened within " + MAX_BARS_TO_FIRST_POSITION + " bars").isPresent();
        return open.get();
    }
}
