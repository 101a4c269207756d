package com.quantumtrader.local;

import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a paper run is set up.
 *
 * @param bars      stop after this many bars; empty runs until stopped
 * @param seed      seeds the synthetic market and the event ids, so a run replays exactly
 * @param policy    a policy to load at start; empty keeps what the store has (or the shipped defaults)
 * @param eventsOut where to write every published event as one EventBridge-shaped JSON line
 * @param redisUrl  an external Redis; empty starts an embedded one
 * @param pace      wall-clock pause between bars, so a person can watch
 * @param start     simulated time of the first bar
 * @param api       serve the health, trading and admin routes locally; empty: no API
 * @param instruments the instrument data of the run (the shipped snapshot or {@code --exchange-info})
 */
record PaperOptions(
        List<String> symbols,
        Optional<Long> bars,
        long seed,
        Optional<Policy> policy,
        Optional<Path> eventsOut,
        Optional<String> redisUrl,
        Duration pace,
        Instant start,
        Optional<ApiSettings> api,
        InstrumentCatalog instruments) {

    /**
     * @param port          loopback port, 0 for a free one
     * @param tokens        bearer token name -> token; the name is the actor in the audit
     * @param dashboardPort serve the dashboard on this loopback port (0: a free one); empty: no dashboard
     */
    record ApiSettings(int port, Map<String, String> tokens, OptionalInt dashboardPort) {

        ApiSettings(int port, Map<String, String> tokens) {
            this(port, tokens, OptionalInt.empty());
        }

        ApiSettings withDashboard(int dashboardPort) {
            return new ApiSettings(port, tokens, OptionalInt.of(dashboardPort));
        }
    }

    static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");
    static final Duration BAR_INTERVAL = Duration.ofHours(1);

    PaperOptions {
        Objects.requireNonNull(symbols, "symbols");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol is needed");
        }
        for (String symbol : symbols) {
            // a delivery contract (BTCUSDT_250926) is a symbol too: the instrument check refuses it by name
            if (!symbol.matches("[A-Z0-9]{2,20}(_[0-9]{6})?")) {
                throw new IllegalArgumentException("not a symbol: '" + symbol + "' (expected e.g. BTCUSDT)");
            }
        }
        Objects.requireNonNull(instruments, "instruments");
        bars.ifPresent(n -> {
            if (n <= 0) {
                throw new IllegalArgumentException("--bars must be positive, got " + n);
            }
        });
    }

    PaperOptions(List<String> symbols, Optional<Long> bars, long seed, Optional<Policy> policy,
                 Optional<Path> eventsOut, Optional<String> redisUrl, Duration pace, Instant start,
                 Optional<ApiSettings> api) {
        this(symbols, bars, seed, policy, eventsOut, redisUrl, pace, start, api, InstrumentCatalog.bundled());
    }

    static PaperOptions defaults() {
        return new PaperOptions(List.of("BTCUSDT", "ETHUSDT"), Optional.empty(), 42L, Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ZERO, DEFAULT_START, Optional.empty());
    }

    PaperOptions withBars(long n) {
        return new PaperOptions(symbols, Optional.of(n), seed, policy, eventsOut, redisUrl, pace, start, api, instruments);
    }

    PaperOptions withEventsOut(Path path) {
        return new PaperOptions(symbols, bars, seed, policy, Optional.of(path), redisUrl, pace, start, api, instruments);
    }

    PaperOptions withSeed(long newSeed) {
        return new PaperOptions(symbols, bars, newSeed, policy, eventsOut, redisUrl, pace, start, api, instruments);
    }

    PaperOptions withRedisUrl(String url) {
        return new PaperOptions(symbols, bars, seed, policy, eventsOut, Optional.of(url), pace, start, api, instruments);
    }

    PaperOptions withApi(ApiSettings settings) {
        return new PaperOptions(symbols, bars, seed, policy, eventsOut, redisUrl, pace, start, Optional.of(settings),
                instruments);
    }

    PaperOptions withPolicy(Policy newPolicy) {
        return new PaperOptions(symbols, bars, seed, Optional.of(newPolicy), eventsOut, redisUrl, pace, start, api,
                instruments);
    }

    PaperOptions withInstruments(InstrumentCatalog catalog) {
        return new PaperOptions(symbols, bars, seed, policy, eventsOut, redisUrl, pace, start, api, catalog);
    }
}
