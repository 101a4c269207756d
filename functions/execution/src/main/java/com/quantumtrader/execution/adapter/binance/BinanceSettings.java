package com.quantumtrader.execution.adapter.binance;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the Binance USD-M adapter talks to the exchange.
 *
 * @param baseUrl         REST base, e.g. {@link #MAINNET} or {@link #TESTNET}
 * @param recvWindow      how long after its timestamp the exchange may still accept a signed request
 * @param requestTimeout  how long one HTTP exchange may take before it counts as a timeout (outcome unknown)
 * @param maxAttempts     attempts per call for transient failures (timeouts, 5xx, 429), first one included
 * @param initialBackoff  wait before the second attempt; doubles per attempt up to {@code maxBackoff}
 * @param weightLimit     REQUEST_WEIGHT per minute; at this used weight the client waits for the next minute
 */
public record BinanceSettings(
        URI baseUrl,
        Duration recvWindow,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        int weightLimit) {

    public static final URI MAINNET = URI.create("https://fapi.binance.com");
    public static final URI TESTNET = URI.create("https://testnet.binancefuture.com");

    public BinanceSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (recvWindow.isNegative() || recvWindow.isZero() || recvWindow.toMillis() > 60_000) {
            throw new IllegalArgumentException("recvWindow must be in (0, 60000] ms but is " + recvWindow.toMillis());
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but is " + maxAttempts);
        }
        if (weightLimit < 1) {
            throw new IllegalArgumentException("weightLimit must be positive but is " + weightLimit);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    public static BinanceSettings testnet() {
        return of(TESTNET);
    }

    public static BinanceSettings mainnet() {
        return of(MAINNET);
    }

    /** Defaults against any base URL (a local fake server in tests). */
    public static BinanceSettings of(URI baseUrl) {
        return new BinanceSettings(baseUrl, Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
                Duration.ofMillis(200), Duration.ofSeconds(5), 2400);
    }

    /**
     * From the environment: {@code BINANCE_NETWORK} {@code testnet} (the default, so nothing trades real money by
     * accident) or {@code mainnet}; {@code BINANCE_BASE_URL} overrides both.
     */
    public static BinanceSettings fromEnvironment(Map<String, String> environment) {
        String override = environment.get("BINANCE_BASE_URL");
        if (override != null && !override.isBlank()) {
            return of(URI.create(override.strip()));
        }
        String network = environment.getOrDefault("BINANCE_NETWORK", "testnet").strip();
        return switch (network) {
            case "testnet" -> testnet();
            case "mainnet" -> mainnet();
            default -> throw new IllegalArgumentException("BINANCE_NETWORK must be testnet or mainnet but is " + network);
        };
    }

    public static final URI MAINNET_STREAMS = URI.create("wss://fstream.binance.com");
    public static final URI TESTNET_STREAMS = URI.create("wss://stream.binancefuture.com");

    /**
     * The WebSocket base of the market and user-data streams: {@code BINANCE_STREAM_URL} when set, else that of
     * {@code BINANCE_NETWORK} (testnet by default, as for REST).
     */
    public static URI streamBaseFromEnvironment(Map<String, String> environment) {
        String override = environment.get("BINANCE_STREAM_URL");
        if (override != null && !override.isBlank()) {
            return URI.create(override.strip());
        }
        String network = environment.getOrDefault("BINANCE_NETWORK", "testnet").strip();
        return switch (network) {
            case "testnet" -> TESTNET_STREAMS;
            case "mainnet" -> MAINNET_STREAMS;
            default -> throw new IllegalArgumentException("BINANCE_NETWORK must be testnet or mainnet but is " + network);
        };
    }

    public BinanceSettings withRetries(int attempts, Duration initial, Duration max) {
        return new BinanceSettings(baseUrl, recvWindow, requestTimeout, attempts, initial, max, weightLimit);
    }

    public BinanceSettings withRequestTimeout(Duration timeout) {
        return new BinanceSettings(baseUrl, recvWindow, timeout, maxAttempts, initialBackoff, maxBackoff, weightLimit);
    }

    Duration backoff(int failedAttempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
