package com.quantumtrader.execution.adapter.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.core.time.SimulatedScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listen key of the user-data stream against a fake Binance answering as its documentation shows
 * ({@code {"listenKey":"…"}}, {@code {}} for a keep-alive, {@code -1125} for a key that no longer exists).
 */
class UserDataStreamTest {

    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String FIRST = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1";
    private static final String SECOND = "Jd4xkbZB7vhs3Ycd8hnLw7sC9tdnTvUWFh2hBGDGTN6mS8qsxHNdpYfqx0ZGxn5c";
    private static final String LISTEN_KEY = "/fapi/v1/listenKey";
    private static final WireMockServer server = new WireMockServer(options().dynamicPort());

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2025-01-06T12:00:00Z"));
    private final SimulatedScheduler scheduler = new SimulatedScheduler(clock);
    private final List<String> keys = new ArrayList<>();
    private BinanceExchange exchange;

    @BeforeAll
    static void start() {
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void fakeBinance() {
        server.resetAll();
        server.stubFor(post(urlEqualTo(LISTEN_KEY)).inScenario("key").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"listenKey\":\"" + FIRST + "\"}")).willSetStateTo("first"));
        server.stubFor(post(urlEqualTo(LISTEN_KEY)).inScenario("key").whenScenarioStateIs("first")
                .willReturn(okJson("{\"listenKey\":\"" + SECOND + "\"}")));
        server.stubFor(put(urlEqualTo(LISTEN_KEY)).willReturn(okJson("{}")));
        server.stubFor(delete(urlEqualTo(LISTEN_KEY)).willReturn(okJson("{}")));
        BinanceSettings settings = BinanceSettings.of(URI.create(server.baseUrl()))
                .withRetries(2, Duration.ofMillis(100), Duration.ofSeconds(1));
        exchange = BinanceExchange.connect(settings, new BinanceCredentials(KEY, SECRET), clock,
                duration -> { }); // retries do not wait: the scheduler owns simulated time here
    }

    @Test
    void openingCreatesTheKeyWithTheApiKeyOnlyAndKeepsItAliveEveryThirtyMinutes() {
        UserDataStream stream = exchange.openUserDataStream(scheduler, keys::add);

        scheduler.advanceTo(clock.instant().plus(Duration.ofMinutes(61)));

        assertThat(keys).containsExactly(FIRST);
        assertThat(stream.listenKey()).isEqualTo(FIRST);
        server.verify(1, postRequestedFor(urlEqualTo(LISTEN_KEY)).withHeader("X-MBX-APIKEY", equalTo(KEY)));
        // USER_STREAM endpoints take neither a timestamp nor a signature
        server.verify(2, putRequestedFor(urlEqualTo(LISTEN_KEY)).withHeader("X-MBX-APIKEY", equalTo(KEY)));
    }

    @Test
    void aKeepAliveAnsweredKeyDoesNotExistMovesToANewKey() {
        exchange.openUserDataStream(scheduler, keys::add);
        server.stubFor(put(urlEqualTo(LISTEN_KEY)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}")));

        scheduler.advanceTo(clock.instant().plus(Duration.ofMinutes(30)));

        assertThat(keys).containsExactly(FIRST, SECOND);
    }

    @Test
    void theStreamsOwnExpiredEventMovesToANewKey() {
        UserDataStream stream = exchange.openUserDataStream(scheduler, keys::add);

        stream.onExpired();

        assertThat(keys).containsExactly(FIRST, SECOND);
        assertThat(stream.listenKey()).isEqualTo(SECOND);
    }

    @Test
    void aFailedKeepAliveIsRetriedNextTickAndAKeyNotExtendedForAnHourIsReplaced() {
        exchange.openUserDataStream(scheduler, keys::add);
        server.stubFor(put(urlEqualTo(LISTEN_KEY)).willReturn(aResponse().withStatus(503).withBody("")));

        // the first keep-alive fails: the key may still be alive, so it is kept
        scheduler.advanceTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(keys).containsExactly(FIRST);

        // the second fails too, an hour after the last extension: the key is gone, a new one is made
        scheduler.advanceTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(keys).containsExactly(FIRST, SECOND);
    }

    @Test
    void closingStopsTheKeepAliveAndDeletesTheKey() {
        UserDataStream stream = exchange.openUserDataStream(scheduler, keys::add);

        stream.close();
        scheduler.advanceTo(clock.instant().plus(Duration.ofHours(2)));

        server.verify(1, deleteRequestedFor(urlEqualTo(LISTEN_KEY)).withHeader("X-MBX-APIKEY", equalTo(KEY)));
        server.verify(0, putRequestedFor(urlEqualTo(LISTEN_KEY)));
        assertThat(stream.listenKey()).isNull();
    }
}
