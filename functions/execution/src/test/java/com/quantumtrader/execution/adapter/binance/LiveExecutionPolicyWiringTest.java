package com.quantumtrader.execution.adapter.binance;

import com.quantumtrader.events.market.PriceBars;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.quantumtrader.execution.adapter.binance.BinanceExchangeTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.market.InMemoryLatestPrices;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.core.time.SimulatedScheduler;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.execution.EntryModeChanged;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.execution.Approvals;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.LiveAccount;
import com.quantumtrader.execution.guard.OrderSanityGuard;
import com.quantumtrader.execution.marketdata.LivePriceFeed;
import com.quantumtrader.execution.policy.ExecutionPolicy;
import com.quantumtrader.execution.policy.ExecutionPolicy.AdaptiveEntry;
import com.quantumtrader.execution.policy.ExecutionPolicySection;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live wiring ({@code ExecutionDomain.live} over {@link BinanceExchange}) obeys every field of the policy's
 * {@code execution} section: each test changes one field from its default and observes what changes, through
 * WireMock as Binance's REST API, a local WebSocket server as its user-data stream and execution's state in a real
 * Redis. (Before the one wiring, Binance's slippage monitor and order guard were built from constants.)
 *
 * <p>Prices: the ticker says 61200.10; entries are priced at 61200.0, so a fill at 61334.64 slipped 22 bps, one at
 * 61261.20 slipped 10 bps.
 */
class LiveExecutionPolicyWiringTest {

    private static final String SLIPPED_22_BPS = "61334.64";
    private static final String SLIPPED_10_BPS = "61261.20";

    private final WireMockServer rest = new WireMockServer(options().dynamicPort());
    private final List<Emit> published = new CopyOnWriteArrayList<>();
    private LocalWebSocketServer ws;
    private RedisConnections redis;
    private DomainFixture fixture;
    private DomainServices services;
    private ExecutionDomain execution;
    private HandlerDefinition signalExecutor;
    private BinanceUserDataFeed feed;

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
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/premiumIndex")).willReturn(okJson(BinanceExchangeTest.PREMIUM_INDEX)));
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
        execution = ExecutionDomain.live(exchange);
        services = fixture.services();
        signalExecutor = execution.handlers(services).get(0);
        LiveAccount account = execution.liveAccount(services);
        feed = new BinanceUserDataFeed(new BinanceUserDataFeed.Settings(ws.uri(""), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofMillis(50)), HttpClient.newHttpClient(), exchange,
                new SimulatedScheduler(fixture.clock()), account, published::addAll);
        feed.start();
        ws.awaitConnections(1);
        LocalWebSocketServer.await(() -> feed.catchUps() == 1, "the first catch-up");
    }

    @AfterEach
    void stop() throws Exception {
        feed.close();
        ws.close();
        rest.stop();
        redis.close();
    }

    @Test
    void readsEveryFieldOfTheExecutionSection() {
        // the tests below cover exactly these; a new field fails here until the live wiring is shown to read it
        assertThat(Arrays.stream(ExecutionPolicy.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactlyInAnyOrder("slippageWindowOrders", "slippageHighBps", "slippageRecoverBps",
                        "adaptiveEntry", "limitOffsetBps", "largeMoveBps", "maxOrderNotional", "maxPositionNotional",
                        "maxPriceDeviationBps");
    }

    @Test
    void maxOrderNotionalRefusesAnEntryTheDefaultCapAllows() {
        // an entry of 0.010 BTCUSDT at 61200.10 is worth 612 USDT: under the default cap of 25000
        policy(p -> p.withOrderGuard(new BigDecimal("600"), p.maxPositionNotional(), p.maxPriceDeviationBps()));

        approve("SIG-1");

        assertThat(failure().errorCode()).isEqualTo(OrderSanityGuard.ORDER_NOTIONAL_ABOVE_CAP);
        assertThat(placedOrders()).isEmpty();
    }

    @Test
    void maxPositionNotionalRefusesAnEntryTheDefaultCapAllows() {
        policy(p -> p.withOrderGuard(p.maxOrderNotional(), new BigDecimal("600"), p.maxPriceDeviationBps()));

        approve("SIG-1");

        assertThat(failure().errorCode()).isEqualTo(OrderSanityGuard.POSITION_NOTIONAL_ABOVE_CAP);
        assertThat(placedOrders()).isEmpty();
    }

    @Test
    void maxPriceDeviationRefusesAnEntryPricedFurtherFromTheMarket() {
        // 61200.0 is 0.016 bps from the ticker's 61200.10: far within the default of 500 bps
        policy(p -> p.withOrderGuard(p.maxOrderNotional(), p.maxPositionNotional(), new BigDecimal("0.01")));

        approve("SIG-1");

        assertThat(failure().errorCode()).isEqualTo(OrderSanityGuard.PRICE_FAR_FROM_MARKET);
        assertThat(placedOrders()).isEmpty();
    }

    @Test
    void withTheDefaultsTheSameEntryIsPlacedAtMarket() {
        approve("SIG-1");

        assertThat(names()).containsExactly("execution.order.submitted");
        assertThat(placedOrders()).singleElement().satisfies(query -> assertThat(query).contains("type=MARKET"));
    }

    @Test
    void slippageWindowOfOneFillTurnsTheSymbolHighAtItsFirstSlippedFill() throws Exception {
        // with the default window of 10, one fill is not a trend (at least half the window must be full)
        fillEntry("SIG-1", SLIPPED_22_BPS);
        assertThat(names()).doesNotContain("execution.slippage.high");

        policy(p -> slippage(p, 1, "15", "8", AdaptiveEntry.LIMIT_IOC, "10"));
        closeAtStop("SIG-1");
        fillEntry("SIG-2", SLIPPED_22_BPS);

        assertThat(names()).contains("execution.slippage.high", "execution.entry_mode.changed");
    }

    @Test
    void slippageHighMarkAboveTheFillsSlippageRaisesNothing() throws Exception {
        policy(p -> slippage(p, 1, "30", "8", AdaptiveEntry.LIMIT_IOC, "10"));

        fillEntry("SIG-1", SLIPPED_22_BPS);

        assertThat(names()).doesNotContain("execution.slippage.high", "execution.entry_mode.changed");
    }

    @Test
    void adaptiveEntrySendsTheNextEntryAsLimitIocAtThePolicysOffset() throws Exception {
        policy(p -> slippage(p, 1, "15", "8", AdaptiveEntry.LIMIT_IOC, "25"));
        fillEntry("SIG-1", SLIPPED_22_BPS);
        closeAtStop("SIG-1");

        approve("SIG-2");

        // 61200.0 x (1 + 25 bps) = 61353.0, on the 0.10 tick
        assertThat(placedOrders()).filteredOn(query -> query.contains("newClientOrderId=E-SIG-2")).singleElement()
                .satisfies(query -> assertThat(query).contains("type=LIMIT", "price=61353.0", "timeInForce=IOC"));
    }

    @Test
    void adaptiveEntryOffOnlyAlertsAndKeepsEntriesAtMarket() throws Exception {
        policy(p -> slippage(p, 1, "15", "8", AdaptiveEntry.OFF, "25"));
        fillEntry("SIG-1", SLIPPED_22_BPS);
        closeAtStop("SIG-1");

        approve("SIG-2");

        assertThat(names()).contains("execution.slippage.high").doesNotContain("execution.entry_mode.changed");
        assertThat(placedOrders()).filteredOn(query -> query.contains("newClientOrderId=E-SIG-2")).singleElement()
                .satisfies(query -> assertThat(query).contains("type=MARKET"));
    }

    @Test
    void slippageRecoveryMarkDecidesWhenEntriesGoBackToMarket() throws Exception {
        // a fill 10 bps worse: still high with the default recovery mark of 8, recovered with a mark of 12
        policy(p -> slippage(p, 1, "15", "12", AdaptiveEntry.LIMIT_IOC, "10"));
        fillEntry("SIG-1", SLIPPED_22_BPS);
        closeAtStop("SIG-1");

        fillEntry("SIG-2", SLIPPED_10_BPS);

        assertThat(payloads(EventCatalog.EXECUTION_ENTRY_MODE_CHANGED)).extracting(EntryModeChanged::mode)
                .containsExactly("LIMIT_IOC", "MARKET");
    }

    @Test
    void slippageRecoveryMarkBelowTheFillsSlippageKeepsLimitEntries() throws Exception {
        policy(p -> slippage(p, 1, "15", "8", AdaptiveEntry.LIMIT_IOC, "10"));
        fillEntry("SIG-1", SLIPPED_22_BPS);
        closeAtStop("SIG-1");

        fillEntry("SIG-2", SLIPPED_10_BPS);

        assertThat(payloads(EventCatalog.EXECUTION_ENTRY_MODE_CHANGED)).extracting(EntryModeChanged::mode)
                .containsExactly("LIMIT_IOC");
    }

    @Test
    void largeMoveThresholdDecidesWhenTheOpenBarIsPublished() {
        LivePriceFeed prices = execution.livePriceFeed(services, new InMemoryLatestPrices(), Duration.ofSeconds(1));
        Instant open = Instant.parse("2025-01-06T12:00:00Z");
        prices.onClosedBar(bar(open.minusSeconds(60), open, "100.0"));
        MarketPriceUpdate movedSixtyBps = bar(open, open.plusSeconds(30), "100.6");

        // the default of 100 bps: a 60 bps move inside the bar publishes nothing
        assertThat(prices.onOpenBar(movedSixtyBps)).isEmpty();

        policy(p -> new ExecutionPolicy(p.slippageWindowOrders(), p.slippageHighBps(), p.slippageRecoverBps(),
                p.adaptiveEntry(), p.limitOffsetBps(), new BigDecimal("50"), p.maxOrderNotional(),
                p.maxPositionNotional(), p.maxPriceDeviationBps()));
        assertThat(prices.onOpenBar(movedSixtyBps)).singleElement()
                .satisfies(emit -> assertThat(((MarketPriceUpdate) emit.payload()).reason())
                        .isEqualTo(MarketPriceUpdate.LARGE_MOVE));
    }

    private void policy(UnaryOperator<ExecutionPolicy> change) {
        Policy p = fixture.policy();
        fixture.policy(p.with("execution", change.apply(ExecutionPolicySection.of(p))));
    }

    private static ExecutionPolicy slippage(ExecutionPolicy p, int window, String high, String recover,
                                            AdaptiveEntry adaptive, String offset) {
        return new ExecutionPolicy(window, new BigDecimal(high), new BigDecimal(recover), adaptive,
                new BigDecimal(offset), p.largeMoveBps(), p.maxOrderNotional(), p.maxPositionNotional(),
                p.maxPriceDeviationBps());
    }

    private void approve(String signalId) {
        published.addAll(signalExecutor.handler().handle(fixture.inbound(EventCatalog.RISK_SIGNAL_APPROVED,
                Approvals.approval().signal(signalId).build())));
    }

    /** Approves the signal and lets Binance fill its entry at {@code price}: entry, fill, stop and target published. */
    private void fillEntry(String signalId, String price) throws Exception {
        int before = published.size();
        approve(signalId);
        ws.send(UserDataPayloads.order("E-" + signalId).trade("0.010", "0.010", price, "0", "FILLED").json());
        LocalWebSocketServer.await(() -> count("execution.order.filled") > countBefore(before), "the entry's fill");
        LocalWebSocketServer.await(() -> published.size() >= before + 4, "stop and target submitted");
    }

    /** Binance fills the stop: the position is flat and the symbol free for the next entry. */
    private void closeAtStop(String signalId) throws Exception {
        long fills = count("execution.order.filled");
        ws.send(UserDataPayloads.order("SL-" + signalId).set("S", "SELL").set("o", "STOP_MARKET")
                .set("ot", "STOP_MARKET").trade("0.010", "0.010", "60000.00", "0", "FILLED").json());
        LocalWebSocketServer.await(() -> count("execution.order.filled") > fills, "the stop's fill");
    }

    private long countBefore(int size) {
        return published.subList(0, size).stream().filter(e -> e.type() == EventCatalog.EXECUTION_ORDER_FILLED).count();
    }

    private long count(String name) {
        return published.stream().filter(e -> e.type().name().equals(name)).count();
    }

    private List<String> names() {
        return published.stream().map(e -> e.type().name()).toList();
    }

    private <T extends Record> List<T> payloads(EventType<T> type) {
        return published.stream().filter(e -> e.type() == type).map(e -> type.payloadType().cast(e.payload())).toList();
    }

    private OrderFailed failure() {
        assertThat(names()).containsExactly("execution.order.failed");
        return payloads(EventCatalog.EXECUTION_ORDER_FAILED).get(0);
    }

    private List<String> placedOrders() {
        return rest.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/order"))).stream()
                .map(request -> URI.create(request.getUrl()).getRawQuery()).toList();
    }

    private static MarketPriceUpdate bar(Instant open, Instant close, String price) {
        BigDecimal p = new BigDecimal(price);
        return PriceBars.bar("BTCUSDT", "1m", open, close, new BigDecimal("100.0"), p.max(new BigDecimal("100.0")),
                p.min(new BigDecimal("100.0")), p, BigDecimal.ONE);
    }
}
