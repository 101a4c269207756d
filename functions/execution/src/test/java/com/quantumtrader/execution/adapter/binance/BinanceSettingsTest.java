package com.quantumtrader.execution.adapter.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void streamsFollowTheNetworkUnlessTheirUrlIsGiven() {
        assertThat(BinanceSettings.streamBaseFromEnvironment(Map.of())).isEqualTo(BinanceSettings.TESTNET_STREAMS);
        assertThat(BinanceSettings.streamBaseFromEnvironment(Map.of("BINANCE_NETWORK", "mainnet")))
                .hasToString("wss://fstream.binance.com");
        assertThat(BinanceSettings.streamBaseFromEnvironment(Map.of("BINANCE_STREAM_URL", "ws://127.0.0.1:9")))
                .hasToString("ws://127.0.0.1:9");
        assertThatThrownBy(() -> BinanceSettings.streamBaseFromEnvironment(Map.of("BINANCE_NETWORK", "prod")))
                .hasMessageContaining("testnet or mainnet");
    }

    @Test
    void credentialsComeFromMountedSecretFilesWhenTheyAreNamed(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "file-key\n");
        Path secret = Files.writeString(dir.resolve("secret"), "file-secret\n");

        BinanceCredentials credentials = BinanceCredentials.fromEnvironmentOrFiles(Map.of(
                "BINANCE_API_KEY_FILE", key.toString(), "BINANCE_API_SECRET_FILE", secret.toString(),
                "BINANCE_API_KEY", "ignored", "BINANCE_API_SECRET", "ignored"));

        assertThat(credentials).isEqualTo(new BinanceCredentials("file-key", "file-secret"));
        assertThat(BinanceCredentials.fromEnvironmentOrFiles(Map.of("BINANCE_API_KEY", "k", "BINANCE_API_SECRET", "s")))
                .isEqualTo(new BinanceCredentials("k", "s"));
    }

    @Test
    void aMissingOrEmptySecretFileIsNamedButNoValueIsShown(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "very-secret-key");
        Path empty = Files.writeString(dir.resolve("empty"), "  ");

        assertThatThrownBy(() -> BinanceCredentials.fromEnvironmentOrFiles(Map.of("BINANCE_API_KEY_FILE", key.toString())))
                .hasMessage("set both BINANCE_API_KEY_FILE and BINANCE_API_SECRET_FILE");
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironmentOrFiles(Map.of("BINANCE_API_KEY_FILE", key.toString(),
                "BINANCE_API_SECRET_FILE", empty.toString()))).hasMessageContaining("BINANCE_API_SECRET_FILE is empty");
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironmentOrFiles(Map.of("BINANCE_API_KEY_FILE", key.toString(),
                "BINANCE_API_SECRET_FILE", dir.resolve("missing").toString())))
                .hasMessageContaining("BINANCE_API_SECRET_FILE").hasMessageNotContaining("very-secret-key");
        assertThat(new BinanceCredentials("very-secret-key", "s").toString()).doesNotContain("very-secret-key");
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
