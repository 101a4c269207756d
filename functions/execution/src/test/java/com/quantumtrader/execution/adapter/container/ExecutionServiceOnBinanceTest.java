package com.quantumtrader.execution.adapter.container;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.quantumtrader.core.bus.RedisStreamsEventBus;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.execution.Approvals;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.adapter.binance.BinanceCredentials;
import com.quantumtrader.execution.adapter.binance.BinanceExchange;
import com.quantumtrader.execution.adapter.binance.BinanceSettings;
import com.quantumtrader.execution.adapter.binance.LocalWebSocketServer;
import io.lettuce.core.Range;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container on Binance USD-M (WireMock for REST, a local WebSocket server for the streams, a real Redis):
 * a restart reconciles before it takes new work and publishes what happened while it was down; the market streams
 * become {@code market.price.update} and latest prices in Redis.
 */
class ExecutionServiceOnBinanceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-06T12:00:30Z"), ZoneOffset.UTC);
    private static final long BAR_OPEN = Instant.parse("2025-01-06T12:00:00Z").toEpochMilli() - 60_000;

    private final WireMockServer rest = new WireMockServer(options().dynamicPort());
    private LocalWebSocketServer ws;
    private RedisConnections redis;

    @BeforeEach
    void start() throws Exception {
        rest.start();
        ws = new LocalWebSocketServer();
        RedisTestServer.flush();
        redis = RedisConnections.connect(RedisTestServer.url());
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/time")).willReturn(okJson("{\"serverTime\":1736164830000}")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo")).willReturn(okJson(resource("exchangeInfo.json"))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(okJson("{\"dualSidePosition\":false}")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/ticker/price"))
                .willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"61200.10\",\"time\":1736164830000}")));
        rest.stubFor(post(urlPathEqualTo("/fapi/v1/listenKey")).willReturn(okJson("{\"listenKey\":\"KEY1\"}")));
        rest.stubFor(put(urlPathEqualTo("/fapi/v1/listenKey")).willReturn(okJson("{}")));
        rest.stubFor(delete(urlPathEqualTo("/fapi/v1/listenKey")).willReturn(okJson("{}")));
        rest.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(resource("order-new.json"))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(okJson("[]")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).willReturn(okJson("[]")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).willReturn(okJson("[]")));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/order")).atPriority(10).willReturn(okJson(resource("order-new.json"))));
    }

    @AfterEach
    void stop() throws Exception {
        ws.close();
        rest.stop();
        redis.close();
    }

    @Test
    void aRestartReconcilesBeforeNewWorkAndPublishesTheFillMadeWhileItWasDown() throws Exception {
        // given a previous run that submitted the entry of SIG-1 and stopped
        DomainFixture previousRun = new DomainFixture(new RedisKeyValueStore(redis, Domain.EXECUTION));
        ExecutionDomain before = ExecutionDomain.live(BinanceExchange.connect(
                BinanceSettings.of(URI.create(rest.baseUrl())), new BinanceCredentials("key", "secret"), CLOCK, d -> { }));
        before.handlers(previousRun.services()).get(0).handler().handle(previousRun.inbound(
                EventCatalog.RISK_SIGNAL_APPROVED, Approvals.approval().signal("SIG-1").build()));
        // and the entry filled while no service ran
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/order")).withQueryParam("origClientOrderId", equalTo("E-SIG-1"))
                .willReturn(okJson(resource("order-filled.json"))));
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).willReturn(okJson(resource("userTrades.json"))));
        // and an approval for ETHUSDT already waits on the bus (its consumer group exists, as after any earlier run)
        ExecutionService.start(binanceWith(Map.of("EXECUTION_EXCHANGE", "paper")), CLOCK).close();
        try (RedisStreamsEventBus risk = new RedisStreamsEventBus(redis, RedisStreamsEventBus.Settings.defaults())) {
            EventFactory events = new EventFactory(CLOCK, new EventIds(CLOCK, new SplittableRandom(5)));
            risk.publish(events.create(EventCatalog.RISK_SIGNAL_APPROVED, Approvals.approval().signal("SIG-2")
                    .symbol("ETHUSDT").build(), "TRACE-2"));
        }

        // when the service starts on Binance
        try (ExecutionService service = ExecutionService.start(binance(), CLOCK)) {
            ws.awaitConnections(2);
            LocalWebSocketServer.await(() -> published("execution.order.filled").size() == 1, "the recovered fill");

            // then the fill made while it was down is published once, with its price and fees
            JsonNode fill = published("execution.order.filled").get(0);
            assertThat(fill.path("client_order_id").asText()).isEqualTo("E-SIG-1");
            assertThat(fill.path("cumulative_quantity").decimalValue()).isEqualByComparingTo("0.010");
            assertThat(fill.path("price").decimalValue()).isEqualByComparingTo("61234.6");
            assertThat(fill.path("fee").decimalValue()).isEqualByComparingTo("0.2449384");
            // and the position got its stop and take-profit
            assertThat(published("execution.order.submitted")).extracting(e -> e.path("client_order_id").asText())
                    .contains("SL-SIG-1", "TP-SIG-1");
            // and the waiting approval was taken only after reconciliation asked about E-SIG-1
            LocalWebSocketServer.await(() -> !rest.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/order"))
                    .withQueryParam("newClientOrderId", equalTo("E-SIG-2"))).isEmpty(), "the waiting approval");
            List<ServeEvent> served = rest.getAllServeEvents().stream()
                    .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
            assertThat(indexOf(served, "GET", "origClientOrderId=E-SIG-1"))
                    .isLessThan(indexOf(served, "POST", "newClientOrderId=E-SIG-2"));
            assertThat(service.health().checks()).containsKey("exchange");
        }
    }

    @Test
    void closedBarsAndLargeMovesOnTheMarketStreamArePublishedAndLatestPricesKept() throws Exception {
        try (ExecutionService service = ExecutionService.start(binance(), CLOCK)) {
            ws.awaitConnections(2);
            String market = "/stream?streams=btcusdt@kline_1m/btcusdt@markPrice@1s/btcusdt@bookTicker";
            assertThat(ws.requestLines()).anyMatch(line -> line.startsWith("GET " + market + " "));

            // when a bar closes at 61200, the next one ticks 0.1 % then 1.5 % higher, and a mark price comes
            ws.sendTo("/stream", kline(BAR_OPEN, "61200.0", true, BAR_OPEN + 59_999));
            ws.sendTo("/stream", kline(BAR_OPEN + 60_000, "61261.2", false, BAR_OPEN + 61_000));
            ws.sendTo("/stream", kline(BAR_OPEN + 60_000, "62118.0", false, BAR_OPEN + 62_000));
            ws.sendTo("/stream", "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":"
                    + (BAR_OPEN + 62_500) + ",\"s\":\"BTCUSDT\",\"p\":\"62110.5\",\"i\":\"62100.0\",\"P\":\"62111.0\","
                    + "\"r\":\"0.0001\",\"T\":" + (BAR_OPEN + 8 * 3_600_000) + "}}");
            LocalWebSocketServer.await(() -> published("market.price.update").size() == 2, "two updates");
            LocalWebSocketServer.await(() -> latest().containsKey("mark"), "the mark price");

            // then the closed bar and the large move are published, the small tick is not
            assertThat(published("market.price.update")).extracting(e -> e.path("reason").asText())
                    .containsExactly("BAR_CLOSE", "LARGE_MOVE");
            assertThat(latest()).containsEntry("last", "62118.0").containsEntry("mark", "62110.5");
        }
    }

    @Test
    void aMarginCallIsPublishedAsAnAlertAndHealthHasAMarginCheck() throws Exception {
        try (ExecutionService service = ExecutionService.start(binance(), CLOCK)) {
            ws.awaitConnections(2);

            // when Binance sends a margin call on the user-data stream
            ws.sendTo("/ws/", "{\"e\":\"MARGIN_CALL\",\"E\":" + CLOCK.millis() + ",\"cw\":\"3.16812045\","
                    + "\"p\":[{\"s\":\"BTCUSDT\",\"ps\":\"BOTH\",\"pa\":\"0.010\",\"mt\":\"CROSSED\","
                    + "\"iw\":\"0\",\"mp\":\"58210.10\",\"up\":\"-30.245\",\"mm\":\"2.32840400\"}]}");

            // then the alert is published, and /health has the margin check (its states: MarginHealthTest)
            LocalWebSocketServer.await(() -> published("execution.margin.call").size() == 1, "the margin call");
            assertThat(published("execution.margin.call").get(0).path("maintenance_margin").decimalValue())
                    .isEqualByComparingTo("2.328404");
            assertThat(service.health().checks()).containsKey("margin");
        }
    }

    @Test
    void theServiceDoesNotStartOnAnAccountInHedgeMode() {
        rest.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(okJson("{\"dualSidePosition\":true}")));

        Map<String, String> env = binance();
        assertThatThrownBy(() -> ExecutionService.start(env, CLOCK)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hedge mode");
        assertThat(rest.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/order")))).isEmpty();
    }

    @Test
    void theServiceDoesNotStartWhenTheExchangeCannotBeReconciled() {
        rest.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}")));

        Map<String, String> env = binance();
        assertThatThrownBy(() -> ExecutionService.start(env, CLOCK)).hasMessageContaining("-2015")
                .hasMessageNotContaining("the-secret");
        // nothing was taken from the intake: no consumer group was created on the approvals stream
        String approvals = new RedisStreamsEventBus(redis, RedisStreamsEventBus.Settings.defaults())
                .streamOf("risk.signal.approved");
        try (StatefulRedisConnection<String, String> raw = RedisTestServer.client().connect()) {
            assertThat(raw.sync().exists(approvals)).isZero();
        }
    }

    private Map<String, String> binance() {
        return binanceWith(Map.of());
    }

    private Map<String, String> binanceWith(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("REDIS_URL", RedisTestServer.url());
        env.put("HEALTH_PORT", "0");
        env.put("EXECUTION_EXCHANGE", "binance");
        env.put("BINANCE_BASE_URL", rest.baseUrl());
        env.put("BINANCE_STREAM_URL", ws.uri("").toString());
        env.put("BINANCE_API_KEY", "the-key");
        env.put("BINANCE_API_SECRET", "the-secret");
        env.put("EXECUTION_SYMBOLS", "BTCUSDT");
        env.put("BINANCE_RECONNECT_MILLIS", "20");
        env.putAll(overrides);
        return env;
    }

    private List<JsonNode> published(String eventName) {
        try (StatefulRedisConnection<String, String> raw = RedisTestServer.client().connect()) {
            String stream = new RedisStreamsEventBus(redis, RedisStreamsEventBus.Settings.defaults()).streamOf(eventName);
            return raw.sync().xrange(stream, Range.create("-", "+")).stream()
                    .map(entry -> EventJson.readTree(entry.getBody().get("entry")).path("detail").path("payload"))
                    .toList();
        }
    }

    private Map<String, String> latest() {
        try (StatefulRedisConnection<String, String> raw = RedisTestServer.client().connect()) {
            return raw.sync().hgetall("market:prices:BTCUSDT");
        }
    }

    private static int indexOf(List<ServeEvent> served, String method, String query) {
        for (int i = 0; i < served.size(); i++) {
            if (served.get(i).getRequest().getMethod().getName().equals(method)
                    && served.get(i).getRequest().getUrl().contains(query)) {
                return i;
            }
        }
        throw new AssertionError("no " + method + " with " + query);
    }

    private static String kline(long open, String close, boolean closed, long eventTime) {
        return "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + eventTime + ",\"s\":\"BTCUSDT\","
                + "\"k\":{\"t\":" + open + ",\"T\":" + (open + 59_999) + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,"
                + "\"L\":200,\"o\":\"61190.0\",\"c\":\"" + close + "\",\"h\":\"" + close + "\",\"l\":\"61150.0\","
                + "\"v\":\"12.500\",\"n\":100,\"x\":" + closed + ",\"q\":\"765000.0\",\"V\":\"6.2\",\"Q\":\"380000.0\","
                + "\"B\":\"0\"}}}";
    }

    private static String resource(String name) {
        try (InputStream in = ExecutionServiceOnBinanceTest.class.getResourceAsStream("/binance/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test payload " + name, e);
        }
    }
}
