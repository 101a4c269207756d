package com.quantumtrader.execution.adapter.binance;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
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
 * The market streams with quotes: the open bar's updates, mark prices ({@code <symbol>@markPrice@1s}) and best
 * bid/ask ({@code <symbol>@bookTicker}) in the combined-stream payloads Binance documents, from a local WebSocket
 * server.
 */
class BinanceQuoteStreamsTest {

    private static final long T0 = Instant.parse("2025-01-06T12:00:00Z").toEpochMilli();

    private final WireMockServer rest = new WireMockServer(options().dynamicPort());
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private LocalWebSocketServer ws;
    private BinanceMarketStream stream;

    @BeforeEach
    void start() throws Exception {
        rest.start();
        ws = new LocalWebSocketServer();
        BinanceExchange exchange = BinanceExchange.connect(BinanceSettings.of(URI.create(rest.baseUrl())),
                new BinanceCredentials("key", "secret"), Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC),
                duration -> { });
        stream = new BinanceMarketStream(new BinanceMarketStream.Settings(ws.uri("/stream"),
                List.of("BTCUSDT", "ETHUSDT"), "1m", Duration.ofMillis(20), Duration.ofMillis(200), true),
                HttpClient.newHttpClient(), exchange, new BinanceMarketStream.MarketListener() {
                    @Override
                    public void onClosedBar(MarketPriceUpdate bar) {
                        heard.add("closed " + bar.symbol() + " " + bar.close().toPlainString());
                    }

                    @Override
                    public void onOpenBar(MarketPriceUpdate soFar) {
                        heard.add("open " + soFar.symbol() + " " + soFar.close().toPlainString() + " at "
                                + soFar.closeTime().toEpochMilli());
                    }

                    @Override
                    public void onMarkPrice(String symbol, BigDecimal markPrice, Instant at) {
                        heard.add("mark " + symbol + " " + markPrice.toPlainString() + " at " + at.toEpochMilli());
                    }

                    @Override
                    public void onBookTicker(String symbol, BigDecimal bid, BigDecimal ask, Instant at) {
                        heard.add("book " + symbol + " " + bid.toPlainString() + "/" + ask.toPlainString());
                    }
                });
    }

    @AfterEach
    void stop() throws Exception {
        stream.close();
        ws.close();
        rest.stop();
    }

    @Test
    void subscribesToKlinesMarkPricesAndBookTickersOfEverySymbol() {
        stream.start();
        ws.awaitConnections(1);

        assertThat(ws.requestLines().get(0)).startsWith("GET /stream?streams=btcusdt@kline_1m/btcusdt@markPrice@1s/"
                + "btcusdt@bookTicker/ethusdt@kline_1m/ethusdt@markPrice@1s/ethusdt@bookTicker ");
    }

    @Test
    void openBarUpdatesMarkPricesAndBookTickersReachTheListenerInOrder() throws Exception {
        stream.start();
        ws.awaitConnections(1);

        ws.send(kline(T0, T0 + 1500, "61210.5", false));
        ws.send("{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":" + (T0 + 2000)
                + ",\"s\":\"BTCUSDT\",\"p\":\"61211.20000000\",\"ap\":\"61211.1\",\"P\":\"61215.3\","
                + "\"i\":\"61208.9\",\"r\":\"0.00010000\",\"T\":" + (T0 + 8 * 3_600_000) + "}}");
        ws.send("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":400900217,\"E\":"
                + (T0 + 2100) + ",\"T\":" + (T0 + 2099) + ",\"s\":\"BTCUSDT\",\"b\":\"61210.4\",\"B\":\"3.120\","
                + "\"a\":\"61210.5\",\"A\":\"0.870\"}}");
        ws.send(kline(T0, T0 + 59_999, "61220.0", true));

        LocalWebSocketServer.await(() -> heard.size() == 4, "four messages");
        assertThat(heard).containsExactly(
                "open BTCUSDT 61210.5 at " + (T0 + 1500),
                "mark BTCUSDT 61211.20000000 at " + (T0 + 2000),
                "book BTCUSDT 61210.4/61210.5",
                "closed BTCUSDT 61220.0");
    }

    @Test
    void malformedQuotesAndUpdatesOfABarAlreadyClosedAreDroppedAndTheStreamGoesOn() throws Exception {
        stream.start();
        ws.awaitConnections(1);
        ws.send(kline(T0, T0 + 59_999, "61220.0", true));

        ws.send("{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\","
                + "\"p\":\"NaN\"}}");
        ws.send("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"E\":1,\"s\":\"BTCUSDT\"}}");
        ws.send(kline(T0, T0 + 59_000, "61230.0", false));   // a late update of the bar that closed
        ws.send("{\"code\":0,\"msg\":\"Invalid request\"}");
        ws.send(kline(T0 + 60_000, T0 + 61_000, "61240.0", false));

        LocalWebSocketServer.await(() -> heard.size() == 2, "the next good message");
        assertThat(heard).containsExactly("closed BTCUSDT 61220.0", "open BTCUSDT 61240.0 at " + (T0 + 61_000));
        assertThat(stream.connections()).isEqualTo(1);
    }

    private static String kline(long open, long eventTime, String close, boolean closed) {
        return "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + eventTime + ",\"s\":\"BTCUSDT\","
                + "\"k\":{\"t\":" + open + ",\"T\":" + (open + 59_999) + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,"
                + "\"L\":200,\"o\":\"61190.0\",\"c\":\"" + close + "\",\"h\":\"61250.0\",\"l\":\"61150.0\","
                + "\"v\":\"12.500\",\"n\":100,\"x\":" + closed + ",\"q\":\"765000.0\",\"V\":\"6.2\",\"Q\":\"380000.0\","
                + "\"B\":\"0\"}}}";
    }
}
