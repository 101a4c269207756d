package com.quantumtrader.api.lambda;

import com.quantumtrader.api.routes.RouteGroup;
import com.quantumtrader.api.testing.TradingEvents;
import com.quantumtrader.api.readmodel.TradingView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trading projection's Lambda and the trading URL's Lambda on one real (embedded) Redis, with events shaped as
 * EventBridge hands them to Lambda, and their SnapStart hooks called as Lambda calls them around a snapshot.
 */
class TradingProjectionHandlerTest {

    final TradingEvents events = new TradingEvents();
    final Clock clock = Clock.fixed(TradingEvents.START, ZoneOffset.UTC);
    final List<BusEvent> published = new CopyOnWriteArrayList<>();
    RedisConnections redis;
    TradingProjectionHandler projection;

    @BeforeEach
    void setUp() {
        RedisTestServer.flush();
        redis = RedisConnections.connect(RedisTestServer.url());
        projection = new TradingProjectionHandler(RedisTestServer.url(), clock);
    }

    @AfterEach
    void tearDown() {
        projection.hooks().beforeCheckpoint(null); // closes its connection
        redis.close();
    }

    @Test
    void foldsAnEventBridgeDeliveryIntoRedisAndIgnoresItsRedelivery() {
        String delivery = lambdaEvent(events.positionOpened("pos-1", "trace-1"));

        JsonNode first = EventJson.readTree(projection.handle(delivery));
        JsonNode second = EventJson.readTree(projection.handle(delivery));

        assertThat(first.path("status").asText()).isEqualTo("HANDLED");
        assertThat(second.path("status").asText()).isEqualTo("DUPLICATE");
        TradingView view = new TradingView(new RedisKeyValueStore(redis, Domain.CORE_OS));
        assertThat(view.openPositions()).extracting(p -> p.path("position_id").asText()).containsExactly("pos-1");
        assertThat(view.trace("trace-1").orElseThrow()).hasSize(1);
    }

    @Test
    void rejectsAnEventItsRuleWouldNotDeliverAndOneThatBreaksItsSchema() {
        BusEvent price = events.factory.create(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate("BTCUSDT", "1h",
                TradingEvents.START.minusSeconds(3600), TradingEvents.START, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, MarketPriceUpdate.BAR_CLOSE), "trace-p");
        BusEvent noSymbol = TradingEvents.withPayload(events.positionOpened("pos-2", "trace-2"),
                payload -> payload.remove("symbol"));

        assertThatThrownBy(() -> projection.handle(lambdaEvent(price)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("does not match its route");
        assertThatThrownBy(() -> projection.handle(lambdaEvent(noSymbol)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("trading_projection rejected the event")
                .hasMessageContaining("symbol");
        assertThatThrownBy(() -> projection.handle("{not json"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not JSON");
        assertThat(new TradingView(new RedisKeyValueStore(redis, Domain.CORE_OS)).openPositions()).isEmpty();
    }

    @Test
    void primingBeforeTheSnapshotWritesAndPublishesNothingAndTheRestoredFunctionFoldsAgain() {
        long keysBefore = redis.connection().sync().dbsize();

        projection.hooks().beforeCheckpoint(null);

        assertThat(projection.connected()).as("no Redis socket in the snapshot").isFalse();
        assertThat(redis.connection().sync().dbsize()).as("priming touched no Redis key").isEqualTo(keysBefore);

        projection.hooks().afterRestore(null);

        assertThat(projection.connected()).isTrue();
        projection.handle(lambdaEvent(events.tradeClosed("trade-1", "trace-1")));
        assertThat(new TradingView(new RedisKeyValueStore(redis, Domain.CORE_OS)).recentTrades(5)).hasSize(1);
    }

    @Test
    void theTradingUrlPrimesWithoutPublishingAndServesFromRedisAfterTheRestore() {
        FunctionUrlHandler trading = new FunctionUrlHandler(Set.of(RouteGroup.TRADING), RedisTestServer.url(), clock,
                published::add);
        FunctionUrlHandler admin = new FunctionUrlHandler(Set.of(RouteGroup.ADMIN), RedisTestServer.url(), clock,
                published::add);
        try {
            projection.handle(lambdaEvent(events.positionOpened("pos-1", "trace-1")));

            trading.hooks().beforeCheckpoint(null);
            admin.hooks().beforeCheckpoint(null);

            assertThat(trading.connected()).isFalse();
            assertThat(admin.connected()).isFalse();
            assertThat(published).as("priming sent no operator command").isEmpty();

            trading.hooks().afterRestore(null);
            APIGatewayV2HTTPResponse response = trading.handleRequest(get("/trading/positions"), null);

            assertThat(trading.connected()).isTrue();
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).contains("\"position_id\":\"pos-1\"", "\"entry_price\":64262.90");
        } finally {
            trading.hooks().beforeCheckpoint(null);
            admin.hooks().beforeCheckpoint(null);
        }
    }

    /** The event as the EventBridge rule hands it to Lambda: the entry plus EventBridge's own fields. */
    static String lambdaEvent(BusEvent event) {
        ObjectNode entry = (ObjectNode) EventJson.tree(event);
        entry.put("version", "0").put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718").put("account", "111122223333")
                .put("time", event.envelope().occurredAt().toString()).put("region", "us-east-1")
                .putArray("resources");
        return EventJson.write(entry);
    }

    static APIGatewayV2HTTPEvent get(String path) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path)
                                .build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                                        .withUserArn("arn:aws:iam::123456789012:user/alice").build())
                                .build())
                        .build())
                .build();
    }
}
