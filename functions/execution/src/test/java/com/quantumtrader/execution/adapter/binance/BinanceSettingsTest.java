package com.quantumtrader.execution.adapter.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinanceSettingsTest {

    @Test
    void theNetworkIsTestnetUnlessMainnetIsAskedFor() {
        assertThat(BinanceSettings.fromEnvironment(Map.of()).baseUrl()).isEqualTo(BinanceSettings.TESTNET);
        assertThat(BinanceSettings.fromEnvironment(Map.of("BINANCE_NETWORK", "mainnet")).baseUrl())
                .isEqualTo(BinanceSettings.MAINNET);
        assertThat(BinanceSettings.fromEnvironment(Map.of("BINANCE_BASE_URL", "http://localhost:9")).baseUrl())
                .hasToString("http://localhost:9");
    }

    @Test
    void anUnknownNetworkIsRefused() {
        assertThatThrownBy(() -> BinanceSettings.fromEnvironment(Map.of("BINANCE_NETWORK", "prod")))
                .hasMessageContaining("testnet or mainnet");
    }

    @Test
    void credentialsComeFromTheEnvironmentAndAMissingOneIsNamedWithoutItsValue() {
        BinanceCredentials credentials = BinanceCredentials.fromEnvironment(
                Map.of("BINANCE_API_KEY", "k", "BINANCE_API_SECRET", "s"));
        assertThat(credentials.apiKey()).isEqualTo("k");

        assertThatThrownBy(() -> BinanceCredentials.fromEnvironment(Map.of("BINANCE_API_KEY", "k")))
                .hasMessage("BINANCE_API_SECRET is not set");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        BinanceSettings settings = BinanceSettings.testnet()
                .withRetries(6, Duration.ofMillis(100), Duration.ofMillis(350));

        assertThat(settings.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofMillis(350));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofMillis(350));
    }
}
