package com.quantumtrader.execution.adapter.binance;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kline stream against a local WebSocket server sending Binance's combined-stream payloads, and WireMock for
 * the REST catch-up: a drop mid-run loses no bar and delivers none twice.
 */
class BinanceMarketStreamTest {

    private static final long T0 = Instant.parse("2025-01-06T12:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private final WireMockServer rest = new WireMockServer(options().dynamicPort());
    private final List<MarketPriceUpdate> bars = new CopyOnWriteArrayList<>();
    private LocalWebSocketServer ws;
    private BinanceMarketStream stream;

    @BeforeEach
    void start() throws Exception {
        rest.start();
        ws = new LocalWebSocketServer();
        BinanceExchange exchange = BinanceExchange.connect(BinanceSettings.of(URI.create(rest.baseUrl())),
                new BinanceCredentials("key", "secret"),
                Clock.fixed(Instant.ofEpochMilli(T0 + 10 * MINUTE), ZoneOffset.UTC), duration -> { });
        stream = new BinanceMarketStream(new BinanceMarketStream.Settings(ws.uri("/stream"), List.of("BTCUSDT"), "1m",
                Duration.ofMillis(20), Duration.ofMillis(200)), HttpClient.newHttpClient(), exchange, bars::add);
    }

    @AfterEach
    void stop() throws Exception {
        stream.close();
        ws.close();
        rest.stop();
    }

    @Test
    void closedBarsArriveOnceAndADropIsCaughtUpOverRest() throws Exception {
        // given a connected stream that has delivered the 12:00 bar (the still-open 12:01 bar is not delivered)
        stream.start();
        ws.awaitConnections(1);
        ws.send(kline(T0, "61200.0", true));
        ws.send(kline(T0 + MINUTE, "61210.0", false));
        LocalWebSocketServer.await(() -> bars.size() == 1, "the first bar");

        // when the connection drops while 12:01 and 12:02 close, which REST still has
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).willReturn(okJson("["
                + restKline(T0 + MINUTE, "61210.0") + "," + restKline(T0 + 2 * MINUTE, "61220.0") + "]")));
        ws.drop();
        ws.awaitConnections(2);
        // and the new connection repeats 12:02 before 12:03
        ws.send(kline(T0 + 2 * MINUTE, "61220.0", true));
        ws.send(kline(T0 + 3 * MINUTE, "61230.0", true));
        LocalWebSocketServer.await(() -> bars.size() == 4, "four bars");

        // then every minute arrived once, in order, the missed ones fetched from where the stream stopped
        assertThat(bars).extracting(bar -> bar.openTime().toEpochMilli())
                .containsExactly(T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE);
        assertThat(bars.get(1).close()).isEqualByComparingTo("61210.0");
        assertThat(bars.get(0).closeTime()).isEqualTo(Instant.ofEpochMilli(T0 + MINUTE));
        rest.verify(getRequestedFor(urlPathEqualTo("/fapi/v1/klines"))
                .withQueryParam("symbol", equalTo("BTCUSDT")).withQueryParam("interval", equalTo("1m"))
                .withQueryParam("startTime", equalTo(Long.toString(T0 + 1))));
        assertThat(ws.requestLines().get(0)).startsWith("GET /stream?streams=btcusdt@kline_1m ");
        assertThat(stream.connections()).isEqualTo(2);
    }

    @Test
    void anUnreachableServerIsRetriedWithBackoffUntilItAnswers() throws Exception {
        // given a server that drops every connection at once, three times
        stream.start();
        for (int i = 1; i <= 3; i++) {
            ws.awaitConnections(i);
            ws.drop();
        }

        // then the stream keeps coming back and delivers once the connection holds
        ws.awaitConnections(4);
        ws.send(kline(T0, "61200.0", true));
        LocalWebSocketServer.await(() -> bars.size() == 1, "a bar after reconnecting");
        assertThat(stream.connections()).isGreaterThanOrEqualTo(4);
    }

    /** A combined-stream kline event as Binance documents it. */
    private static String kline(long open, String close, boolean closed) {
        return "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + (open + 59_999) + ",\"s\":\"BTCUSDT\","
                + "\"k\":{\"t\":" + open + ",\"T\":" + (open + 59_999) + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,"
                + "\"L\":200,\"o\":\"61190.0\",\"c\":\"" + close + "\",\"h\":\"61250.0\",\"l\":\"61150.0\","
                + "\"v\":\"12.500\",\"n\":100,\"x\":" + closed + ",\"q\":\"765000.0\",\"V\":\"6.2\",\"Q\":\"380000.0\","
                + "\"B\":\"0\"}}}";
    }

    /** A row of GET /fapi/v1/klines. */
    private static String restKline(long open, String close) {
        return "[" + open + ",\"61190.0\",\"61250.0\",\"61150.0\",\"" + close + "\",\"12.500\"," + (open + 59_999)
                + ",\"765000.0\",100,\"6.2\",\"380000.0\",\"0\"]";
    }
}
