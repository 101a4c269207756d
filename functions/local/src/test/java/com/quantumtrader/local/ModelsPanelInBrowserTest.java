package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.ml.FeatureSpec;
import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.registry.ModelRegistries;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.local.dashboard.Dashboard;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's model panel in a real headless Chromium on a paper run: each slot's champion with its validation
 * metrics, read from the run's Redis model registry through the API's {@code /models}. Skipped, with the reason,
 * where Debian's chromium and chromium-driver are not installed.
 */
class ModelsPanelInBrowserTest {

    static final String TOKEN = "models-panel-token-0123456789abcdef";

    static LocalPlatform platform;
    static RedisConnections redis;
    static ChromeDriverService service;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void startAPaperRunWithAChampionAndABrowserOnItsDashboard() throws IOException {
        if (!DashboardInBrowserTest.BROWSER_INSTALLED) {
            System.err.println("SKIPPED ModelsPanelInBrowserTest: " + DashboardInBrowserTest.MISSING_BROWSER);
            return;
        }
        RedisTestServer.flush();
        platform = new LocalPlatform(PaperOptions.defaults().withSeed(11).withRedisUrl(RedisTestServer.url())
                .withApi(new PaperOptions.ApiSettings(0, Map.of("trader", TOKEN)).withDashboard(0)));
        redis = RedisConnections.connect(RedisTestServer.url());
        ModelRegistry registry = ModelRegistries.redis(redis);
        registry.register(manifest("btc-logit", 1, 0.53), new byte[] {1});
        registry.register(manifest("btc-logit", 2, 0.5712), new byte[] {2});
        registry.promote("model", "btc-logit", 1);
        registry.promote("model", "btc-logit", 2);

        profile = Files.createTempDirectory("models-panel-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(DashboardInBrowserTest.CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(DashboardInBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
        browser.get(Dashboard.linkWithToken(platform.dashboardUri().orElseThrow(), TOKEN));
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (redis != null) {
            redis.close();
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
    void showsEachSlotsChampionWithItsValidationMetricsAndChallengers() {
        Assumptions.assumeTrue(DashboardInBrowserTest.BROWSER_INSTALLED, DashboardInBrowserTest.MISSING_BROWSER);

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                !driver.findElements(By.cssSelector("#models tr[data-slot='model']")).isEmpty());

        List<String> cells = browser.findElements(By.cssSelector("#models tr[data-slot='model'] td")).stream()
                .map(cell -> cell.getText()).toList();
        assertThat(cells).containsExactly("model", "btc-logit@2", "tribuo", "bars-v1@1", "auc 0.5712 · brier 0.2400",
                "btc-logit@1");
        assertThat(browser.findElement(By.id("models-empty")).isDisplayed()).isFalse();
    }

    private static ModelManifest manifest(String id, int version, double auc) {
        return new ModelManifest(id, version, "tribuo", new FeatureSpec("bars-v1", 1, List.of("ret_1", "rsi_14")),
                new LabelSpec(12, 1.5, 14, 8.0), Instant.parse("2022-01-01T00:00:00Z"),
                Instant.parse("2024-12-31T00:00:00Z"), "ab12", Map.of(), Map.of("auc", auc, "brier", 0.24), "{}");
    }
}
