package com.quantumtrader.execution.adapter.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.quantumtrader.execution.adapter.binance.BinanceExchangeTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.core.time.SimulatedScheduler;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.MarginCall;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.execution.Approvals;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.LiveAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closes the exchange makes on our position, played by a local WebSocket server as Binance's user-data stream with
 * WireMock as its REST API and execution's state in a real Redis: a liquidation ({@code autoclose-…},
 * {@code x=CALCULATED}), an auto-deleveraging ({@code adl_autoclose}) and a position an {@code ACCOUNT_UPDATE} shows
 * flat while execution holds it each become a fill of that purpose that closes the position, and retire its stop
 * and take-profit; a {@code MARGIN_CALL} becomes {@code execution.margin.call}.
 */
class ExchangeInitiatedClosesTest {

    private static final String ENTRY = "E-SIG-1";
    private static final String LIQUIDATION_ID = "autoclose-1736163000000";

    private final WireMockServer rest = new WireMockServer(options().dynamicPort());
    private final List<Emit> published = new CopyOnWriteArrayList<>();
    private LocalWebSocketServer ws;
    private RedisConnections redis;
    private LiveAccount execution;
    private BinanceUserDataFeed feed;
    private HandlerDefinition signalExecutor;
    private DomainFixture fixture;

    @BeforeEach
    void start() throws Exception {
        rest.start();
        ws = new LocalWebSocketServer();
        RedisTestServer.flush();
        redis = RedisConnections.connect(RedisTestServer.url());
        fixture = new DomainFixture(new RedisKeyValueStore(redis, Domain.EXECUTION));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/time")).willReturn(okJson("{\"serverTime\":1704067200000}")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo")).willReturn(okJson(resource("exchangeInfo.json"))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual"))
                .willReturn(okJson("{\"dualSidePosition\":false}")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/ticker/price"))
                .willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"61200.10\",\"time\":1704067200000}")));
        rest.stubFor(post(urlPathEqualTo("/fapi/v1/listenKey")).willReturn(okJson("{\"listenKey\":\"KEY1\"}")));
        rest.stubFor(put(urlPathEqualTo("/fapi/v1/listenKey")).willReturn(okJson("{}")));
        rest.stubFor(delete(urlPathEqualTo("/fapi/v1/listenKey")).willReturn(okJson("{}")));
        rest.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))));
        rest.stubFor(delete(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json")
                .replace("\"NEW\"", "\"CANCELED\""))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(okJson("[]")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).willReturn(okJson("[]")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/order")).atPriority(10).willReturn(okJson(resource("order-new.json"))));
        BinanceExchange exchange = BinanceExchange.connect(BinanceSettings.of(URI.create(rest.baseUrl())),
                new BinanceCredentials("key", "secret"), fixture.clock(), duration -> { });
        ExecutionDomain domain = ExecutionDomain.live(exchange);
        DomainServices services = fixture.services();
        signalExecutor = domain.handlers(services).get(0);
        execution = domain.liveAccount(services);
        feed = new BinanceUserDataFeed(new BinanceUserDataFeed.Settings(ws.uri(""), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofMillis(50)), HttpClient.newHttpClient(), exchange,
                new SimulatedScheduler(fixture.clock()), execution, published::addAll);
    }

    @AfterEach
    void stop() throws Exception {
        feed.close();
        ws.close();
        rest.stop();
        redis.close();
    }

    @Test
    void aLiquidationBecomesALiquidationFillThatClosesThePositionAndCancelsItsProtection() throws Exception {
        // given a long 0.010 BTCUSDT guarded by its stop and take-profit
        openProtectedLong();

        // when Binance liquidates it (x=CALCULATED, client id autoclose-…), and sends the frame twice
        String liquidation = liquidation().json();
        ws.send(liquidation);
        ws.send(liquidation);
        ws.send(UserDataPayloads.accountUpdate("ORDER", "9390.12", "0"));
        LocalWebSocketServer.await(() -> execution.lastReportedPositions().containsKey("BTCUSDT"), "account update");

        // then one LIQUIDATION fill of the whole position, in the signal's trade, valid against the contract
        assertThat(exitFills()).singleElement().satisfies(fill -> {
            assertThat(fill.purpose()).isEqualTo(OrderPurpose.LIQUIDATION);
            assertThat(fill.clientOrderId()).isEqualTo(LIQUIDATION_ID);
            assertThat(fill.signalId()).isEqualTo("SIG-1");
            assertThat(fill.side()).isEqualTo(OrderSide.SELL);
            assertThat(fill.quantity()).isEqualByComparingTo("0.010");
            assertThat(fill.price()).isEqualByComparingTo("58012.30");
            assertThat(fill.fee()).isEqualByComparingTo("0.2320492");
            assertThat(fill.complete()).isTrue();
        });
        assertValid(published);
        // and the stop and take-profit are cancelled on the exchange
        assertThat(cancelled()).contains("SL-SIG-1", "TP-SIG-1");
        // and the position is no longer held: a later flat account update changes nothing
        assertThat(published).hasSize(5);
    }

    @Test
    void anAutoDeleverageBecomesAnAutoDeleverageFill() throws Exception {
        openProtectedLong();

        ws.send(UserDataPayloads.order("adl_autoclose").set("S", "SELL").set("o", "LIMIT").set("ot", "LIMIT")
                .trade("0.010", "0.010", "64900.00", "0", "FILLED").without("n").without("N").json());

        LocalWebSocketServer.await(() -> exitFills().size() == 1, "the ADL fill");
        OrderFilled fill = exitFills().get(0);
        assertThat(fill.purpose()).isEqualTo(OrderPurpose.AUTO_DELEVERAGE);
        assertThat(fill.clientOrderId()).isEqualTo("adl_autoclose");
        assertThat(fill.price()).isEqualByComparingTo("64900.00");
        assertThat(fill.fee()).isEqualByComparingTo("0");
        LocalWebSocketServer.await(() -> cancelled().containsAll(List.of("SL-SIG-1", "TP-SIG-1")), "protection retired");
        assertValid(published);
    }

    @Test
    void aPositionTheAccountUpdateShowsFlatWithoutAnOrderOfOursIsClosedAsExternalClose() throws Exception {
        // given a protected long whose stop and take-profit still rest unfilled on the exchange
        openProtectedLong();

        // when an account update shows the position at zero (closed by hand in the Binance app) and the REST
        // positions agree
        ws.send(UserDataPayloads.accountUpdate("ORDER", "9990.12", "0"));

        // then after the confirmation delay it is closed at the last price as EXTERNAL_CLOSE, its orders cancelled
        LocalWebSocketServer.await(() -> exitFills().size() == 1, "the external close");
        OrderFilled fill = exitFills().get(0);
        assertThat(fill.purpose()).isEqualTo(OrderPurpose.EXTERNAL_CLOSE);
        assertThat(fill.clientOrderId()).isEqualTo("XC-SIG-1");
        assertThat(fill.price()).isEqualByComparingTo("61200.10");
        assertThat(fill.quantity()).isEqualByComparingTo("0.010");
        assertThat(cancelled()).contains("SL-SIG-1", "TP-SIG-1");
        assertValid(published);
    }

    @Test
    void aPositionShownFlatBecauseOurStopFilledIsPublishedAsTheStopNotAsAnExternalClose() throws Exception {
        openProtectedLong();
        // the stop filled on the exchange; its order update is lost, only the account update arrives
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo("SL-SIG-1"))
                .willReturn(okJson(resource("order-filled.json").replace("E-SIG-1", "SL-SIG-1")
                        .replace("\"BUY\"", "\"SELL\"").replace("61234.60000", "60000.00000"))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).willReturn(okJson(resource("userTrades.json"))));

        ws.send(UserDataPayloads.accountUpdate("ORDER", "9980.12", "0"));

        LocalWebSocketServer.await(() -> exitFills().size() == 1, "the stop's fill");
        assertThat(exitFills().get(0).purpose()).isEqualTo(OrderPurpose.STOP_LOSS);
        assertThat(exitFills().get(0).price()).isEqualByComparingTo("60000");
        LocalWebSocketServer.await(() -> cancelled().contains("TP-SIG-1"), "the take-profit retired");
        assertThat(exitFills()).extracting(OrderFilled::purpose).doesNotContain(OrderPurpose.EXTERNAL_CLOSE);
    }

    @Test
    void aMarginCallIsPublishedAsAnAlertAndKeptForHealth() throws Exception {
        feed.start();
        ws.awaitConnections(1);
        LocalWebSocketServer.await(() -> feed.catchUps() == 1, "the first catch-up");

        // Binance's MARGIN_CALL: cross wallet balance and the position at risk
        ws.send("{\"e\":\"MARGIN_CALL\",\"E\":1736163000000,\"cw\":\"3.16812045\",\"p\":[{\"s\":\"BTCUSDT\","
                + "\"ps\":\"BOTH\",\"pa\":\"0.010\",\"mt\":\"CROSSED\",\"iw\":\"0\",\"mp\":\"58210.10\","
                + "\"up\":\"-30.245\",\"mm\":\"2.32840400\"}]}");

        LocalWebSocketServer.await(() -> execution.lastMarginCall().isPresent(), "the margin call");
        assertThat(published).filteredOn(emit -> emit.type() == EventCatalog.EXECUTION_MARGIN_CALL)
                .singleElement().extracting(Emit::payload).isEqualTo(new MarginCall("BTCUSDT",
                        new java.math.BigDecimal("0.010"), "CROSSED", new java.math.BigDecimal("58210.10"),
                        new java.math.BigDecimal("-30.245"), new java.math.BigDecimal("2.32840400"),
                        new java.math.BigDecimal("3.16812045"), Instant.ofEpochMilli(1736163000000L)));
        assertValid(published);
    }

    /** Connects, places the entry, and fills it: the entry, its fill, its stop and its take-profit are published. */
    private void openProtectedLong() throws Exception {
        feed.start();
        ws.awaitConnections(1);
        LocalWebSocketServer.await(() -> feed.catchUps() == 1, "the first catch-up");
        published.addAll(signalExecutor.handler().handle(fixture.inbound(EventCatalog.RISK_SIGNAL_APPROVED,
                Approvals.approval().build())));
        ws.send(UserDataPayloads.order(ENTRY).trade("0.010", "0.010", "61234.60", "0.2449384", "FILLED").json());
        LocalWebSocketServer.await(() -> published.size() == 4, "entry submitted, filled, stop and target submitted");
    }

    /** Binance's liquidation order update: type LIQUIDATION, execution type CALCULATED, client id autoclose-…. */
    private static UserDataPayloads liquidation() {
        return UserDataPayloads.order(LIQUIDATION_ID).set("S", "SELL").set("o", "LIQUIDATION").set("f", "IOC")
                .set("ot", "LIQUIDATION").set("p", "57900.00").set("i", 22542999L)
                .trade("0.010", "0.010", "58012.30", "0.23204920", "FILLED").set("x", "CALCULATED")
                .set("rp", "-32.22300000");
    }

    private List<OrderFilled> exitFills() {
        return published.stream().filter(emit -> emit.type() == EventCatalog.EXECUTION_ORDER_FILLED)
                .map(emit -> (OrderFilled) emit.payload()).filter(fill -> fill.purpose() != OrderPurpose.ENTRY)
                .toList();
    }

    private List<String> cancelled() {
        return rest.findAll(deleteRequestedFor(urlPathEqualTo("/fapi/v1/order"))).stream()
                .map(request -> request.queryParameter("origClientOrderId").firstValue()).toList();
    }

    private static void assertValid(List<Emit> emits) {
        for (Emit emit : emits) {
            assertThat(EventValidator.validatePayload(emit.type(), EventJson.tree(emit.payload())))
                    .as(emit.type().name()).isEmpty();
        }
    }
}
