package com.quantumtrader.execution.adapter.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.quantumtrader.core.trace.LogLineCapture;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.PlaceResult;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An exchange error that echoes the API key (Binance quotes what it was sent in some -2014/-2015 answers) never puts
 * the key into a log line: the credentials register themselves as secrets, the log layout masks them.
 */
class BinanceKeyNeverLoggedTest {

    /** From a file, as in a container with mounted secrets: no environment variable names it. */
    private static final String KEY = "kq7TZ0pY3mQ8rW2xV5nB9cL4dF6gH1jK";
    private static final String SECRET = "5e1f7c0a9b3d4e6f8a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private BinanceExchange exchange;

    @BeforeEach
    void fakeExchange() {
        server.start();
        server.stubFor(get(urlPathEqualTo("/fapi/v1/time")).willReturn(okJson("{\"serverTime\":1591702613943}")));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual"))
                .willReturn(okJson("{\"dualSidePosition\":false}")));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo"))
                .willReturn(okJson(BinanceExchangeTest.resource("exchangeInfo.json"))));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/ticker/price"))
                .willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"61200.10\",\"time\":1591702613943}")));
        BinanceSettings settings = BinanceSettings.of(URI.create(server.baseUrl()))
                .withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1));
        exchange = BinanceExchange.connect(settings, new BinanceCredentials(KEY, SECRET),
                new BinanceExchangeTest.MutableClock(Instant.ofEpochMilli(1591702613000L)), duration -> { });
    }

    @AfterEach
    void stopFakeExchange() {
        server.stop();
    }

    @Test
    void anExchangeErrorEchoingTheKeyIsLoggedMasked() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-2015,\"msg\":\"Invalid API-key " + KEY + ", IP, or permissions for action.\"}")));

        PlaceResult result;
        try (LogLineCapture log = new LogLineCapture()) {
            result = exchange.place(new OrderRequest("E-SIG-1", "BTCUSDT", OrderSide.BUY, OrderType.MARKET,
                    new BigDecimal("0.010"), null, false));

            assertThat(log.lines()).as("the exchange's answer was logged").anySatisfy(line ->
                    assertThat(line).contains("-2015", "Invalid API-key ***"));
            assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains(KEY));
            assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains(SECRET));
        }
        assertThat(result.accepted()).isFalse();
    }
}
