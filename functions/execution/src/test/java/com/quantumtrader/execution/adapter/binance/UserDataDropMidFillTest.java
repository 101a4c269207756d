package com.quantumtrader.execution.adapter.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.quantumtrader.execution.adapter.binance.BinanceExchangeTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.execution.Approvals;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.LiveAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault test "WebSocket drop mid-fill": a local WebSocket server plays Binance's user-data stream, WireMock its
 * REST API, execution's state is in a real Redis. A fill that completes while the stream is down is recovered
 * over REST after the reconnect and published once, whatever the stream sends afterwards.
 */
class UserDataDropMidFillTest {

    private static final String ENTRY = "E-SIG-1";

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
        fakeBinance();
        BinanceExchange exchange = BinanceExchange.connect(BinanceSettings.of(URI.create(rest.baseUrl())),
                new BinanceCredentials("key", "secret"), fixture.clock(), duration -> { });
        ExecutionDomain domain = ExecutionDomain.live(exchange);
        DomainServices services = fixture.services();
        signalExecutor = domain.handlers(services).get(0);
        execution = domain.liveAccount(services);
        feed = new BinanceUserDataFeed(new BinanceUserDataFeed.Settings(ws.uri(""), Duration.ofMillis(20),
                Duration.ofMillis(200)), HttpClient.newHttpClient(), exchange, new SimulatedScheduler(fixture.clock()),
                execution, published::addAll);
    }

    private void fakeBinance() {
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/time")).willReturn(okJson("{\"serverTime\":1704067200000}")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo")).willReturn(okJson(resource("exchangeInfo.json"))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(okJson("{\"dualSidePosition\":false}")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/ticker/price"))
                .willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"61200.10\",\"time\":1704067200000}")));
        rest.stubFor(post(urlPathEqualTo("/fapi/v1/listenKey")).inScenario("key").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"listenKey\":\"KEY1\"}")).willSetStateTo("first"));
        rest.stubFor(post(urlPathEqualTo("/fapi/v1/listenKey")).inScenario("key").whenScenarioStateIs("first")
                .willReturn(okJson("{\"listenKey\":\"KEY2\"}")));
        rest.stubFor(put(urlPathEqualTo("/fapi/v1/listenKey")).willReturn(okJson("{}")));
        rest.stubFor(delete(urlPathEqualTo("/fapi/v1/listenKey")).willReturn(okJson("{}")));
        rest.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(okJson("[]")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).willReturn(okJson("[]")));
        // protective orders, once placed, rest untriggered
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/order")).atPriority(10).willReturn(okJson(resource("order-new.json"))));
    }

    @AfterEach
    void stop() throws Exception {
        feed.close();
        ws.close();
        rest.stop();
        redis.close();
    }

    @Test
    void aFillThatCompletesWhileTheStreamIsDownIsRecoveredOverRestAndPublishedOnce() throws Exception {
        // given a connected stream and an entry of 0.010 BTCUSDT on the exchange
        feed.start();
        ws.awaitConnections(1);
        LocalWebSocketServer.await(() -> feed.catchUps() == 1, "the first catch-up");
        published.addAll(signalExecutor.handler().handle(fixture.inbound(EventCatalog.RISK_SIGNAL_APPROVED,
                Approvals.approval().build())));
        // and the stream reports a first trade of 0.004
        ws.send(UserDataPayloads.order(ENTRY).trade("0.004", "0.004", "61234.60", "0.09797536", "PARTIALLY_FILLED")
                .json());
        LocalWebSocketServer.await(() -> filled().size() == 1, "the partial fill");

        // when the connection drops and the remaining 0.006 fills while it is down
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo(ENTRY))
                .willReturn(okJson(resource("order-filled.json"))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).willReturn(okJson(resource("userTrades.json"))));
        ws.drop();
        ws.awaitConnections(2);
        LocalWebSocketServer.await(() -> feed.catchUps() == 2, "the catch-up after the reconnect");
        // and the new connection still delivers the completing trade (a late or repeated message)
        ws.send(UserDataPayloads.order(ENTRY).trade("0.006", "0.010", "61234.60", "0.14696304", "FILLED").json());
        ws.send(UserDataPayloads.accountUpdate("ORDER", "9999.75506160", "0.010"));
        LocalWebSocketServer.await(() -> execution.lastReportedPositions().containsKey("BTCUSDT"), "account update");

        // then the fill was published exactly once in total: 0.004 from the stream, the missing 0.006 from REST
        assertThat(filled()).extracting(OrderFilled::quantity).extracting(q -> q.toPlainString())
                .containsExactly("0.004", "0.006");
        OrderFilled recovered = filled().get(1);
        assertThat(recovered.cumulativeQuantity()).isEqualByComparingTo("0.010");
        assertThat(recovered.complete()).isTrue();
        assertThat(recovered.price()).isEqualByComparingTo("61234.6");
        // its share of the order's fees (0.24493840 over 0.010): 0.14696304
        assertThat(recovered.fee()).isEqualByComparingTo("0.14696304");
        // and the position got its stop and take-profit once, the entry was sent once
        assertThat(published).filteredOn(emit -> emit.type() == EventCatalog.EXECUTION_ORDER_SUBMITTED)
                .extracting(emit -> ((OrderSubmitted) emit.payload()).clientOrderId())
                .containsExactly(ENTRY, "SL-SIG-1", "TP-SIG-1");
        assertThat(rest.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/order"))
                .withQueryParam("newClientOrderId", equalTo(ENTRY)))).hasSize(1);
        assertThat(execution.lastReportedPositions()).containsEntry("BTCUSDT", "0.010");
    }

    @Test
    void anExpiredListenKeyIsReplacedAndTheNewStreamStartsWithACatchUp() throws Exception {
        // given a stream connected on its first key
        feed.start();
        ws.awaitConnections(1);
        LocalWebSocketServer.await(() -> feed.catchUps() == 1, "the first catch-up");

        // when Binance reports the key expired
        ws.send(UserDataPayloads.listenKeyExpired("KEY1"));

        // then a new key is created and its stream connected, followed by a REST catch-up
        ws.awaitConnections(2);
        LocalWebSocketServer.await(() -> feed.catchUps() == 2, "the catch-up on the new key");
        assertThat(ws.requestLines()).extracting(line -> line.split(" ")[1]).containsExactly("/ws/KEY1", "/ws/KEY2");
    }

    @Test
    void malformedMessagesAndErrorFramesAreSkippedAndTheStreamGoesOn() throws Exception {
        // given an entry on the exchange and a connected stream
        feed.start();
        ws.awaitConnections(1);
        LocalWebSocketServer.await(() -> feed.catchUps() == 1, "the first catch-up");
        published.addAll(signalExecutor.handler().handle(fixture.inbound(EventCatalog.RISK_SIGNAL_APPROVED,
                Approvals.approval().build())));

        // when the stream sends garbage, a trade priced NaN, an error frame, then a good trade
        ws.send("{not json");
        ws.send(UserDataPayloads.order(ENTRY).trade("0.004", "0.004", "NaN", "0.1", "PARTIALLY_FILLED").json());
        ws.send("{\"code\":-1,\"msg\":\"Internal error\"}");
        ws.send(UserDataPayloads.order(ENTRY).trade("0.004", "0.004", "61234.60", "0.09797536", "PARTIALLY_FILLED")
                .json());

        // then only the good trade was applied, on the first connection
        LocalWebSocketServer.await(() -> filled().size() == 1, "the good trade");
        assertThat(filled().get(0).price()).isEqualByComparingTo("61234.60");
        assertThat(feed.connections()).isEqualTo(1);
    }

    @Test
    void aTradeWithoutCommissionIsPublishedAsAFillWithZeroFee() throws Exception {
        // given an entry on the exchange and a connected stream
        feed.start();
        ws.awaitConnections(1);
        LocalWebSocketServer.await(() -> feed.catchUps() == 1, "the first catch-up");
        published.addAll(signalExecutor.handler().handle(fixture.inbound(EventCatalog.RISK_SIGNAL_APPROVED,
                Approvals.approval().build())));

        // when its trade comes without n and N, as Binance sends a trade that paid no commission
        ws.send(UserDataPayloads.order(ENTRY).trade("0.010", "0.010", "61234.60", "0", "FILLED")
                .without("n").without("N").json());

        // then it is a fill with a zero fee, not a dropped frame
        LocalWebSocketServer.await(() -> filled().size() == 1, "the commission-free fill");
        assertThat(filled().get(0).fee()).isEqualByComparingTo("0");
        assertThat(filled().get(0).feeAsset()).isEqualTo("USDT");
        assertThat(filled().get(0).quantity()).isEqualByComparingTo("0.010");
        assertThat(feed.orderCatchUps()).isZero();
    }

    @Test
    void anUnreadableTradeFrameCatchesItsOrderUpOverRestAndTheFillIsPublished() throws Exception {
        // given an entry on the exchange and a connected stream
        feed.start();
        ws.awaitConnections(1);
        LocalWebSocketServer.await(() -> feed.catchUps() == 1, "the first catch-up");
        published.addAll(signalExecutor.handler().handle(fixture.inbound(EventCatalog.RISK_SIGNAL_APPROVED,
                Approvals.approval().build())));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo(ENTRY))
                .willReturn(okJson(resource("order-filled.json"))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).willReturn(okJson(resource("userTrades.json"))));

        // when the frame of its trade cannot be read (the cumulative quantity is missing)
        ws.send(UserDataPayloads.order(ENTRY).trade("0.010", "0.010", "61234.60", "0.2449384", "FILLED")
                .without("z").json());

        // then the order is caught up over REST and its fill published from the exchange's record
        LocalWebSocketServer.await(() -> filled().size() == 1, "the fill caught up over REST");
        assertThat(feed.orderCatchUps()).isEqualTo(1);
        OrderFilled fill = filled().get(0);
        assertThat(fill.quantity()).isEqualByComparingTo("0.010");
        assertThat(fill.complete()).isTrue();
        assertThat(fill.price()).isEqualByComparingTo("61234.6");
        assertThat(fill.fee()).isEqualByComparingTo("0.2449384");
        assertThat(queriesOf(ENTRY)).isPositive();
        assertThat(feed.connections()).isEqualTo(1);
    }

    @Test
    void aTradeOfAnOrderWhoseAnswerWasLostIsSettledFromTheExchangesRecordOnce() throws Exception {
        // given an entry whose every send timed out at the gateway and which the exchange did not list at the time
        feed.start();
        ws.awaitConnections(1);
        LocalWebSocketServer.await(() -> feed.catchUps() == 1, "the first catch-up");
        rest.stubFor(post(urlPathEqualTo("/fapi/v1/order")).withQueryParam("newClientOrderId", equalTo(ENTRY))
                .willReturn(aResponse().withStatus(504).withBody("<html>Gateway Time-out</html>")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo(ENTRY))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":-2013,\"msg\":\"Order does not exist.\"}")));
        published.addAll(signalExecutor.handler().handle(fixture.inbound(EventCatalog.RISK_SIGNAL_APPROVED,
                Approvals.approval().build())));
        assertThat(published).isEmpty(); // outcome unknown: neither submitted nor failed

        // when it turns out to have landed and filled, and the stream reports the trade
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo(ENTRY))
                .willReturn(okJson(resource("order-filled.json"))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).willReturn(okJson(resource("userTrades.json"))));
        ws.send(UserDataPayloads.order(ENTRY).trade("0.010", "0.010", "61234.60", "0.2449384", "FILLED").json());
        LocalWebSocketServer.await(() -> filled().size() == 1, "the fill");
        // and the same trade comes again
        ws.send(UserDataPayloads.order(ENTRY).trade("0.010", "0.010", "61234.60", "0.2449384", "FILLED").json());
        ws.send(UserDataPayloads.accountUpdate("ORDER", "9999.75506160", "0.010"));
        LocalWebSocketServer.await(() -> execution.lastReportedPositions().containsKey("BTCUSDT"), "account update");

        // then the entry is submitted and filled once, and protected
        assertThat(published).extracting(emit -> emit.type().name()).containsExactly("execution.order.submitted",
                "execution.order.filled", "execution.order.submitted", "execution.order.submitted");
        assertThat(filled().get(0).cumulativeQuantity()).isEqualByComparingTo("0.010");
        assertThat(filled().get(0).complete()).isTrue();
    }

    @Test
    void anOrderCancelledOnTheExchangeIsRecordedAsSuchAndNoLongerFollowed() throws Exception {
        // given a filled entry whose stop and take-profit rest on the exchange
        feed.start();
        ws.awaitConnections(1);
        LocalWebSocketServer.await(() -> feed.catchUps() == 1, "the first catch-up");
        published.addAll(signalExecutor.handler().handle(fixture.inbound(EventCatalog.RISK_SIGNAL_APPROVED,
                Approvals.approval().build())));
        ws.send(UserDataPayloads.order(ENTRY).trade("0.010", "0.010", "61234.60", "0.2449384", "FILLED").json());
        LocalWebSocketServer.await(() -> published.size() == 4, "entry submitted, filled, stop and target submitted");

        // when someone cancels the take-profit by hand on the exchange, and the stream later reconnects
        ws.send(UserDataPayloads.order("TP-SIG-1").set("S", "SELL").set("o", "TAKE_PROFIT_MARKET")
                .status("CANCELED", "CANCELED", "0", "0").json());
        ws.send(UserDataPayloads.accountUpdate("ORDER", "9999.75506160", "0.010"));
        LocalWebSocketServer.await(() -> execution.lastReportedPositions().containsKey("BTCUSDT"), "account update");
        int before = queriesOf("TP-SIG-1");
        ws.drop();
        ws.awaitConnections(2);
        LocalWebSocketServer.await(() -> feed.catchUps() == 2, "the catch-up after the reconnect");

        // then the catch-up asks about the stop, which still guards the position, but no longer about the target
        assertThat(queriesOf("TP-SIG-1")).isEqualTo(before);
        assertThat(queriesOf("SL-SIG-1")).isPositive();
        assertThat(published).hasSize(4);
    }

    private int queriesOf(String clientOrderId) {
        return rest.findAll(getRequestedFor(urlPathEqualTo("/fapi/v1/order"))
                .withQueryParam("origClientOrderId", equalTo(clientOrderId))).size();
    }

    private List<OrderFilled> filled() {
        return published.stream().filter(emit -> emit.type() == EventCatalog.EXECUTION_ORDER_FILLED)
                .map(emit -> (OrderFilled) emit.payload()).toList();
    }
}
