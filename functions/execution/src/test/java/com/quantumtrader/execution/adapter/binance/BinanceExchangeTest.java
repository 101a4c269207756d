package com.quantumtrader.execution.adapter.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExchangeUnavailableException;
import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.PlaceResult;
import com.quantumtrader.execution.exchange.SymbolRules;
import com.quantumtrader.execution.exchange.TimeInForce;
import com.quantumtrader.execution.exchange.ExecutionReport;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Binance USD-M adapter against a local fake exchange (WireMock) answering with payloads written from Binance's
 * public API documentation, error payloads included.
 */
class BinanceExchangeTest {

    private static final String KEY = "test-api-key-0001";
    private static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
    /** Our clock is 943 ms behind the exchange's. */
    private static final long OUR_MILLIS = 1591702613000L;
    private static final long SERVER_MILLIS = 1591702613943L;

    /** GET /fapi/v1/premiumIndex as Binance answers it: the mark price PERCENT_PRICE is measured from. */
    static final String PREMIUM_INDEX = "{\"symbol\":\"BTCUSDT\",\"markPrice\":\"61190.00000000\","
            + "\"indexPrice\":\"61185.12345678\",\"estimatedSettlePrice\":\"61180.00000000\","
            + "\"lastFundingRate\":\"0.00010000\",\"interestRate\":\"0.00010000\","
            + "\"nextFundingTime\":1591718400000,\"time\":1591702613943}";

    private static final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final List<Duration> waits = new ArrayList<>();
    private MutableClock clock;
    private BinanceExchange exchange;

    @BeforeAll
    static void startFakeExchange() {
        server.start();
    }

    @AfterAll
    static void stopFakeExchange() {
        server.stop();
    }

    @BeforeEach
    void freshExchange() {
        server.resetAll();
        clock = new MutableClock(Instant.ofEpochMilli(OUR_MILLIS));
        exchange = exchangeTimingOutAfter(Duration.ofSeconds(5));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/time")).willReturn(okJson("{\"serverTime\":" + SERVER_MILLIS + "}")));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo")).willReturn(okJson(resource("exchangeInfo.json"))));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(okJson("{\"dualSidePosition\":false}")));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/premiumIndex")).willReturn(okJson(PREMIUM_INDEX)));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/ticker/price"))
                .willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"61200.10\",\"time\":1591702613943}")));
    }

    @Test
    void filtersComeFromExchangeInfoAndContractsNotTradingAreLeftOut() {
        // max quantity: the smaller of LOT_SIZE (1000) and MARKET_LOT_SIZE (120)
        assertThat(exchange.rules("BTCUSDT")).contains(new SymbolRules("BTCUSDT", new BigDecimal("0.1"),
                new BigDecimal("0.001"), new BigDecimal("100"), new BigDecimal("120")));
        assertThat(exchange.rules("ETHUSDT")).get().extracting(SymbolRules::minNotional)
                .isEqualTo(new BigDecimal("20"));
        assertThat(exchange.rules("ETHUSDT")).get().extracting(SymbolRules::maxQuantity)
                .isEqualTo(new BigDecimal("10000"));
        assertThat(exchange.rules("OLDUSDT")).isEmpty();
    }

    @Test
    void aNewOrderIsSignedWithTheServerTimeOffsetAndTheKeyInItsHeader() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))));

        PlaceResult result = exchange.place(entry("0.010"));

        assertThat(result.accepted()).isTrue();
        LoggedRequest sent = server.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/order"))).get(0);
        String query = URI.create(sent.getUrl()).getRawQuery();
        String unsigned = query.substring(0, query.indexOf("&signature="));
        assertThat(unsigned).isEqualTo("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.010"
                + "&newClientOrderId=E-SIG-1&newOrderRespType=RESULT&recvWindow=5000&timestamp=" + SERVER_MILLIS);
        assertThat(query).endsWith("&signature=" + new RequestSigner(SECRET).sign(unsigned));
        assertThat(sent.getHeader("X-MBX-APIKEY")).isEqualTo(KEY);
    }

    @Test
    void protectiveOrdersCarryTheirStopPriceAndReduceOnly() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))));

        exchange.place(new OrderRequest("SL-SIG-1", "BTCUSDT", OrderSide.SELL, OrderType.STOP_MARKET,
                new BigDecimal("0.010"), new BigDecimal("60000.0"), true));

        server.verify(postRequestedFor(urlPathEqualTo("/fapi/v1/order"))
                .withQueryParam("type", equalTo("STOP_MARKET"))
                .withQueryParam("stopPrice", equalTo("60000.0"))
                .withQueryParam("reduceOnly", equalTo("true")));
    }

    @Test
    void aQuantityOffTheStepIsRejectedLocallyWithoutSendingAnything() {
        PlaceResult result = exchange.place(entry("0.0105"));

        assertThat(result.accepted()).isFalse();
        assertThat(result.errorCode()).isEqualTo("FILTER_LOT_SIZE");
        assertThat(result.errorMessage()).contains("0.0105", "0.001", "not sent");
        server.verify(0, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void aStopOffTheTickOrANotionalBelowTheMinimumIsRejectedLocally() {
        PlaceResult offTick = exchange.place(new OrderRequest("SL-SIG-1", "BTCUSDT", OrderSide.SELL,
                OrderType.STOP_MARKET, new BigDecimal("0.010"), new BigDecimal("60000.05"), true));
        PlaceResult tooSmall = exchange.place(entry("0.001"));

        assertThat(offTick.errorCode()).isEqualTo("FILTER_PRICE");
        assertThat(tooSmall.errorCode()).isEqualTo("FILTER_MIN_NOTIONAL");
        assertThat(tooSmall.errorMessage()).contains("61.20010", "100");
        server.verify(0, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void insufficientMarginIsABusinessRejectionAndIsNotRetried() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-2019,\"msg\":\"Margin is insufficient.\"}")));

        PlaceResult result = exchange.place(entry("0.010"));

        assertThat(result).isEqualTo(PlaceResult.rejected("-2019", "Margin is insufficient."));
        server.verify(1, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
        assertThat(waits).isEmpty();
    }

    @Test
    void a429WaitsItsRetryAfterThenSucceeds() {
        server.stubFor(inSequence(post(urlPathEqualTo("/fapi/v1/order")), Scenario.STARTED, "limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                        .withBody("{\"code\":-1003,\"msg\":\"Too many requests; current limit is 2400 requests per minute.\"}")));
        server.stubFor(inSequence(post(urlPathEqualTo("/fapi/v1/order")), "limited", "done")
                .willReturn(okJson(resource("order-new.json"))));

        PlaceResult result = exchange.place(entry("0.010"));

        assertThat(result.accepted()).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        server.verify(2, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void a418StopsEveryCallUntilTheBanLifts() {
        server.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(aResponse().withStatus(418)
                .withHeader("Retry-After", "120")
                .withBody("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned until 1591702733943.\"}")));

        assertThatThrownBy(exchange::openOrderIds).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("banned");
        assertThatThrownBy(exchange::positions).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("nothing sent");

        server.verify(1, getRequestedFor(urlPathEqualTo("/fapi/v1/openOrders")));
        server.verify(0, getRequestedFor(urlPathEqualTo("/fapi/v2/positionRisk")));

        clock.advance(Duration.ofSeconds(121));
        server.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).willReturn(okJson(resource("positionRisk.json"))));
        assertThat(exchange.positions()).hasSize(1);
    }

    @Test
    void a418BanLastsUntilTheTimeItsMessageStatesNotATwoMinuteDefault() {
        // Binance's own wording; the time is the exchange's (943 ms ahead of ours): banned for 5 minutes
        long bannedUntilServerMillis = SERVER_MILLIS + 300_000;
        server.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(aResponse().withStatus(418)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned until " + bannedUntilServerMillis
                        + ". Please use the websocket for live updates to avoid bans.\"}")));
        server.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).willReturn(okJson(resource("positionRisk.json"))));

        assertThatThrownBy(exchange::openOrderIds).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("banned");

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThatThrownBy(exchange::positions).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("nothing sent")
                .satisfies(e -> assertThat(((ExchangeUnavailableException) e).retryNotBefore())
                        .contains(Instant.ofEpochMilli(OUR_MILLIS + 300_000)));
        clock.advance(Duration.ofSeconds(178)); // 1 ms before the ban lifts on our clock
        clock.advance(Duration.ofMillis(999));
        assertThatThrownBy(exchange::positions).hasMessageContaining("nothing sent");
        server.verify(0, getRequestedFor(urlPathEqualTo("/fapi/v2/positionRisk")));

        clock.advance(Duration.ofMillis(1));
        assertThat(exchange.positions()).hasSize(1);
        server.verify(1, getRequestedFor(urlPathEqualTo("/fapi/v2/positionRisk")));
    }

    @Test
    void a418WithoutABanTimeInItsMessageFallsBackToItsRetryAfter() {
        server.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(aResponse().withStatus(418)
                .withHeader("Retry-After", "30").withBody("{\"code\":-1003,\"msg\":\"Way too many requests.\"}")));
        server.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).willReturn(okJson(resource("positionRisk.json"))));

        assertThatThrownBy(exchange::openOrderIds).isInstanceOf(ExchangeUnavailableException.class);
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(exchange::positions).hasMessageContaining("nothing sent");
        clock.advance(Duration.ofSeconds(1));

        assertThat(exchange.positions()).hasSize(1);
    }

    @Test
    void serverErrorsOnReadsAreRetriedWithinTheBoundThenFail() {
        server.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(aResponse().withStatus(503)
                .withBody("{\"code\":-1001,\"msg\":\"Service Unavailable.\"}")));

        assertThatThrownBy(exchange::openOrderIds).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("503");

        server.verify(3, getRequestedFor(urlPathEqualTo("/fapi/v1/openOrders")));
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void aDisconnectedErrorCodeIsTransientAndRecovers() {
        server.stubFor(inSequence(get(urlPathEqualTo("/fapi/v1/openOrders")), Scenario.STARTED, "once")
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}")));
        server.stubFor(inSequence(get(urlPathEqualTo("/fapi/v1/openOrders")), "once", "ok")
                .willReturn(okJson(resource("openOrders.json"))));

        assertThat(exchange.openOrderIds()).containsExactly("SL-SIG-1", "TP-SIG-1");
    }

    @Test
    void aNewOrderThatTimedOutIsLookedUpAndNotSentAgainWhenTheExchangeHasIt() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))
                .withFixedDelay(2500)));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo("E-SIG-1"))
                .willReturn(okJson(resource("order-new.json"))));
        BinanceExchange impatient = exchangeTimingOutAfter(Duration.ofMillis(800));

        PlaceResult result = impatient.place(entry("0.010"));

        assertThat(result.accepted()).isTrue();
        server.verify(1, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void aNewOrderThatGot5xxAndNeverLandedIsResentWithinTheBoundThenFailsAsUnknown() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(aResponse().withStatus(502)
                .withBody("<html>Bad Gateway</html>")));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/order")).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":-2013,\"msg\":\"Order does not exist.\"}")));

        assertThatThrownBy(() -> exchange.place(entry("0.010")))
                .isInstanceOf(ExchangeUnavailableException.class)
                .satisfies(e -> assertThat(((ExchangeUnavailableException) e).outcomeUnknown()).isTrue());

        server.verify(3, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
        server.verify(3, getRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void aTimestampOutsideTheRecvWindowResyncsTheClockAndRetriesOnce() {
        server.stubFor(inSequence(get(urlPathEqualTo("/fapi/v1/openOrders")), Scenario.STARTED, "resynced")
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}")));
        server.stubFor(inSequence(get(urlPathEqualTo("/fapi/v1/openOrders")), "resynced", "ok")
                .willReturn(okJson("[]")));

        assertThat(exchange.openOrderIds()).isEmpty();
        server.verify(2, getRequestedFor(urlPathEqualTo("/fapi/v1/time")));
        server.verify(2, getRequestedFor(urlPathEqualTo("/fapi/v1/openOrders")));
    }

    @Test
    void aSecondTimestampRejectionIsNotRetriedAgain() {
        server.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}")));

        assertThatThrownBy(exchange::openOrderIds).isInstanceOf(BinanceApiException.class)
                .hasMessageContaining("-1021");
        server.verify(2, getRequestedFor(urlPathEqualTo("/fapi/v1/openOrders")));
    }

    @Test
    void usedWeightAndOrderCountAreReadFromEveryResponseAndAFullMinuteWaitsForTheNext() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))
                .withHeader("X-MBX-USED-WEIGHT-1M", "2400").withHeader("X-MBX-ORDER-COUNT-1M", "17")));

        exchange.place(entry("0.010"));
        assertThat(exchange.usedWeight()).isEqualTo(2400);
        assertThat(exchange.orderCount()).isEqualTo(17);

        server.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(okJson("[]")));
        exchange.openOrderIds();
        // 1591702613000 is 53 s into its minute: the next request waits the 7 s left
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void queryOrderReportsFillsWithTheFeesOfItsTradesAndAnUnknownIdAsEmpty() {
        server.stubFor(get(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo("E-SIG-1"))
                .willReturn(okJson(resource("order-filled.json"))));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).withQueryParam("orderId", equalTo("22542179"))
                .willReturn(okJson(resource("userTrades.json"))));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo("E-SIG-9"))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":-2013,\"msg\":\"Order does not exist.\"}")));

        OrderStatusReport filled = exchange.queryOrder("BTCUSDT", "E-SIG-1").orElseThrow();

        assertThat(filled.status()).isEqualTo(OrderStatusReport.Status.FILLED);
        assertThat(filled.executedQuantity()).isEqualByComparingTo("0.010");
        assertThat(filled.averagePrice()).isEqualByComparingTo("61234.6");
        assertThat(filled.fee()).isEqualByComparingTo("0.2449384");
        assertThat(exchange.queryOrder("BTCUSDT", "E-SIG-9")).isEmpty();
    }

    @Test
    void openOrdersAndNonFlatPositionsAreRead() {
        server.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(okJson(resource("openOrders.json"))));
        server.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).willReturn(okJson(resource("positionRisk.json"))));

        assertThat(exchange.openOrderIds()).containsExactly("SL-SIG-1", "TP-SIG-1");
        assertThat(exchange.positions()).containsExactly(new ExchangePosition("BTCUSDT", new BigDecimal("0.010")));
    }

    @Test
    void cancellingAnOrderTheExchangeDoesNotHoldReturnsFalse() {
        server.stubFor(delete(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo("SL-SIG-1"))
                .willReturn(okJson(resource("order-new.json"))));
        server.stubFor(delete(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo("SL-SIG-2"))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":-2011,\"msg\":\"Unknown order sent.\"}")));

        assertThat(exchange.cancel("BTCUSDT", "SL-SIG-1")).isTrue();
        assertThat(exchange.cancel("BTCUSDT", "SL-SIG-2")).isFalse();
        server.verify(2, deleteRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void theSecretAndTheSignatureNeverAppearInTheRequestUrlOutsideTheSignatureParameter() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))));

        exchange.place(entry("0.010"));

        server.findAll(postRequestedFor(anyUrlPattern())).forEach(request -> {
            assertThat(request.getUrl()).doesNotContain(SECRET);
            assertThat(request.getBodyAsString()).doesNotContain(SECRET);
        });
    }

    @Test
    void aLimitIocEntryIsSentWithItsPriceAndTimeInForce() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))));

        PlaceResult result = exchange.place(OrderRequest.limit("E-SIG-1", "BTCUSDT", OrderSide.BUY,
                new BigDecimal("0.010"), new BigDecimal("61230.5"), TimeInForce.IOC, false));

        assertThat(result.accepted()).isTrue();
        LoggedRequest sent = server.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/order"))).get(0);
        String query = URI.create(sent.getUrl()).getRawQuery();
        assertThat(query).startsWith("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.010&price=61230.5"
                + "&timeInForce=IOC&newClientOrderId=E-SIG-1&newOrderRespType=RESULT&");
        assertThat(query).doesNotContain("stopPrice");
    }

    @Test
    void aPostOnlyGtxLimitIsSentAsGtx() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))));

        exchange.place(OrderRequest.limit("E-SIG-1", "BTCUSDT", OrderSide.SELL, new BigDecimal("0.010"),
                new BigDecimal("61250.0"), TimeInForce.GTX, false));

        server.verify(postRequestedFor(urlPathEqualTo("/fapi/v1/order"))
                .withQueryParam("type", equalTo("LIMIT"))
                .withQueryParam("price", equalTo("61250.0"))
                .withQueryParam("timeInForce", equalTo("GTX")));
    }

    @Test
    void aLimitPriceOffTheTickOrOutsideMinAndMaxPriceIsRejectedNamingPriceFilter() {
        PlaceResult offTick = exchange.place(limitBuy("0.010", "61230.55"));
        PlaceResult belowMin = exchange.place(limitBuy("1.000", "500.0"));

        assertThat(offTick.errorCode()).isEqualTo("FILTER_PRICE");
        assertThat(offTick.errorMessage()).contains("PRICE_FILTER", "61230.55", "0.1");
        assertThat(belowMin.errorCode()).isEqualTo("FILTER_PRICE");
        assertThat(belowMin.errorMessage()).contains("PRICE_FILTER", "500.0", "minPrice 556.8");
        server.verify(0, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void aLimitPriceBeyondPercentPriceOfTheMarkPriceIsRejectedWithTheBounds() {
        // mark 61190 × 1.05 = 64249.5: a buy limit at 64300 would be refused by Binance (-4016)
        PlaceResult tooHigh = exchange.place(limitBuy("0.010", "64300.0"));
        PlaceResult atTheBound = exchange.place(limitBuy("0.010", "64249.5"));

        assertThat(tooHigh.errorCode()).isEqualTo("FILTER_PERCENT_PRICE");
        assertThat(tooHigh.errorMessage()).contains("PERCENT_PRICE", "64300.0", "64249.5", "61190", "1.05");
        assertThat(atTheBound.accepted()).isFalse(); // no order stub: reached the exchange, which answered 404
        assertThat(atTheBound.errorCode()).isNotEqualTo("FILTER_PERCENT_PRICE");
        server.verify(1, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void quantitiesOutsideLotSizeAndMarketLotSizeAreRejectedNamingTheFilterAndValues() {
        PlaceResult aboveLotMax = exchange.place(limitBuy("1000.001", "61230.5"));
        PlaceResult aboveMarketMax = exchange.place(entry("120.001"));

        assertThat(aboveLotMax.errorCode()).isEqualTo("FILTER_LOT_SIZE");
        assertThat(aboveLotMax.errorMessage()).contains("LOT_SIZE", "1000.001", "maxQty 1000");
        assertThat(aboveMarketMax.errorCode()).isEqualTo("FILTER_MARKET_LOT_SIZE");
        assertThat(aboveMarketMax.errorMessage()).contains("MARKET_LOT_SIZE", "120.001", "maxQty 120");
        server.verify(0, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void aLimitBelowTheMinimumNotionalIsRejectedAtItsLimitPrice() {
        PlaceResult tooSmall = exchange.place(limitBuy("0.001", "61230.5"));

        assertThat(tooSmall.errorCode()).isEqualTo("FILTER_MIN_NOTIONAL");
        assertThat(tooSmall.errorMessage()).contains("MIN_NOTIONAL", "61.2305", "100");
    }

    @Test
    void flatteningAPositionAboveTheMarketMaximumSplitsIntoReduceOnlyOrdersReportedAsOne() {
        server.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).willReturn(okJson("[{\"symbol\":\"BTCUSDT\","
                + "\"positionAmt\":\"250.000\",\"entryPrice\":\"61000.0\",\"markPrice\":\"61190.0\","
                + "\"unRealizedProfit\":\"47500.0\",\"liquidationPrice\":\"0\",\"leverage\":\"2\","
                + "\"marginType\":\"cross\",\"isolatedMargin\":\"0\",\"positionSide\":\"BOTH\","
                + "\"updateTime\":1591702613943}]")));
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))));
        stubFilledOrder("X-SIG-1", "120.000", "61180.0");
        stubFilledOrder("X-SIG-1.2", "120.000", "61170.0");
        stubFilledOrder("X-SIG-1.3", "10.000", "61160.0");

        List<ExecutionReport> reports = exchange.closePosition("BTCUSDT", "X-SIG-1");

        List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
        assertThat(sent).extracting(r -> r.queryParameter("quantity").firstValue())
                .containsExactly("120.000", "120.000", "10.000");
        assertThat(sent).extracting(r -> r.queryParameter("newClientOrderId").firstValue())
                .containsExactly("X-SIG-1", "X-SIG-1.2", "X-SIG-1.3");
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.queryParameter("reduceOnly").firstValue()).isEqualTo("true");
            assertThat(r.queryParameter("side").firstValue()).isEqualTo("SELL");
            assertThat(r.queryParameter("type").firstValue()).isEqualTo("MARKET");
        });
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.clientOrderId()).isEqualTo("X-SIG-1");
            assertThat(report.status()).isEqualTo(ExecutionReport.Status.FILLED);
            assertThat(report.lastQuantity()).isEqualByComparingTo("250");
            // (120 × 61180 + 120 × 61170 + 10 × 61160) / 250
            assertThat(report.lastPrice()).isEqualByComparingTo("61174.4");
            assertThat(report.fee()).isEqualByComparingTo("3.6");
        });
    }

    @Test
    void anAccountInHedgeModeIsRefusedOnStartAndNoOrderIsSent() {
        server.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual"))
                .willReturn(okJson("{\"dualSidePosition\":true}")));

        assertThatThrownBy(exchange::requireOneWayPositionMode).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hedge mode").hasMessageContaining("one-way");
        PlaceResult result = exchange.place(entry("0.010"));

        assertThat(result.errorCode()).isEqualTo("HEDGE_MODE");
        server.verify(0, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void aPositionModeThatCannotBeReadIsARejectionNotAnExceptionAndNothingIsSent() {
        server.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}")));

        PlaceResult result = exchange.place(entry("0.010"));

        assertThat(result.accepted()).isFalse();
        assertThat(result.errorCode()).isEqualTo("-2015");
        assertThat(result.errorMessage()).contains("position mode", "not sent");
        server.verify(0, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    @Test
    void anAccountInOneWayModeStartsAndTheModeIsReadSigned() {
        exchange.requireOneWayPositionMode();

        LoggedRequest read = server.findAll(getRequestedFor(urlPathEqualTo("/fapi/v1/positionSide/dual"))).get(0);
        assertThat(read.getUrl()).contains("timestamp=", "signature=");
        assertThat(read.getHeader("X-MBX-APIKEY")).isEqualTo(KEY);
    }

    @Test
    void aPositionSideRejectionMarksTheAccountHedgedAndLaterOrdersAreRefusedLocally() {
        server.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-4061,\"msg\":\"Order's position side does not match user's setting.\"}")));

        PlaceResult first = exchange.place(entry("0.010"));
        PlaceResult second = exchange.place(entry("0.010"));

        assertThat(first.errorCode()).isEqualTo("-4061");
        assertThat(second.errorCode()).isEqualTo("HEDGE_MODE");
        server.verify(1, postRequestedFor(urlPathEqualTo("/fapi/v1/order")));
    }

    private void stubFilledOrder(String clientOrderId, String quantity, String price) {
        long orderId = 8389765000L + Math.abs(clientOrderId.hashCode() % 1000);
        server.stubFor(get(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo(clientOrderId))
                .willReturn(okJson("{\"orderId\":" + orderId + ",\"symbol\":\"BTCUSDT\",\"status\":\"FILLED\","
                        + "\"clientOrderId\":\"" + clientOrderId + "\",\"price\":\"0\",\"avgPrice\":\"" + price
                        + "\",\"origQty\":\"" + quantity + "\",\"executedQty\":\"" + quantity + "\",\"cumQuote\":\"0\","
                        + "\"timeInForce\":\"GTC\",\"type\":\"MARKET\",\"reduceOnly\":true,\"closePosition\":false,"
                        + "\"side\":\"SELL\",\"positionSide\":\"BOTH\",\"stopPrice\":\"0\",\"workingType\":\"CONTRACT_PRICE\","
                        + "\"priceProtect\":false,\"origType\":\"MARKET\",\"priceMatch\":\"NONE\","
                        + "\"selfTradePreventionMode\":\"NONE\",\"goodTillDate\":0,\"time\":1591702613943,"
                        + "\"updateTime\":1591702613943}")));
        server.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).withQueryParam("orderId", equalTo(Long.toString(orderId)))
                .willReturn(okJson("[{\"buyer\":false,\"commission\":\"" + new BigDecimal(quantity)
                        .multiply(new BigDecimal("0.0144")).setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString()
                        + "\",\"commissionAsset\":\"USDT\",\"id\":698759,\"maker\":false,\"orderId\":" + orderId
                        + ",\"price\":\"" + price + "\",\"qty\":\"" + quantity + "\",\"quoteQty\":\"0\","
                        + "\"realizedPnl\":\"0\",\"side\":\"SELL\",\"positionSide\":\"BOTH\",\"symbol\":\"BTCUSDT\","
                        + "\"time\":1591702613943}]")));
    }

    private static OrderRequest limitBuy(String quantity, String price) {
        return OrderRequest.limit("E-SIG-1", "BTCUSDT", OrderSide.BUY, new BigDecimal(quantity),
                new BigDecimal(price), TimeInForce.IOC, false);
    }

    private static com.github.tomakehurst.wiremock.matching.UrlPattern anyUrlPattern() {
        return anyUrl();
    }

    private BinanceExchange exchangeTimingOutAfter(Duration timeout) {
        Sleeper recording = duration -> {
            waits.add(duration);
            clock.advance(duration);
        };
        BinanceSettings settings = BinanceSettings.of(URI.create(server.baseUrl()))
                .withRetries(3, Duration.ofMillis(100), Duration.ofSeconds(1))
                .withRequestTimeout(timeout);
        return BinanceExchange.connect(settings, new BinanceCredentials(KEY, SECRET), clock, recording);
    }

    private static MappingBuilder inSequence(MappingBuilder request, String state, String next) {
        return request.inScenario("sequence").whenScenarioStateIs(state).willSetStateTo(next);
    }

    private static OrderRequest entry(String quantity) {
        return new OrderRequest("E-SIG-1", "BTCUSDT", OrderSide.BUY, OrderType.MARKET, new BigDecimal(quantity), null,
                false);
    }

    static String resource(String name) {
        try (InputStream in = BinanceExchangeTest.class.getResourceAsStream("/binance/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test payload " + name, e);
        }
    }

    /** A clock the recording sleeper moves forward, so waits pass without real time passing. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
