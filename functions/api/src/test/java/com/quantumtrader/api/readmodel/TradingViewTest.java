package com.quantumtrader.api.readmodel;

import com.quantumtrader.api.testing.TradingEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.risk.CircuitBreakerActivated;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trading view on a real (embedded) Redis, as the projection Lambda writes it and the trading URL's Lambda reads
 * it: two view objects on one store stand for two Lambda instances.
 */
class TradingViewTest {

    final TradingEvents events = new TradingEvents();
    RedisConnections redis;
    KeyValueStore store;
    TradingView projection;
    TradingView routes;

    @BeforeEach
    void setUp() {
        RedisTestServer.flush();
        redis = RedisConnections.connect(RedisTestServer.url());
        store = new RedisKeyValueStore(redis, Domain.CORE_OS);
        projection = new TradingView(store);
        routes = new TradingView(new RedisKeyValueStore(redis, Domain.CORE_OS));
    }

    @AfterEach
    void tearDown() {
        redis.close();
    }

    @Test
    void foldsPositionsOrdersTradesAndPerformanceThatAnotherInstanceReadsWithExactDecimals() {
        projection.accept(events.positionOpened("pos-1", "trace-1"));
        projection.accept(events.orderSubmitted("co-1", "trace-1"));
        projection.accept(events.tradeClosed("trade-1", "trace-0"));
        projection.accept(events.performance("10050.10"));

        List<JsonNode> positions = routes.openPositions();
        assertThat(positions).hasSize(1);
        assertThat(EventJson.write(positions.get(0))).contains("\"entry_price\":64262.90", "\"stop_price\":63600.00",
                "\"opened_at\":\"2024-03-12T19:00:00Z\"");
        assertThat(routes.openOrders()).extracting(order -> order.path("client_order_id").asText())
                .containsExactly("co-1");
        assertThat(routes.recentTrades(10)).extracting(trade -> trade.path("trade_id").asText())
                .containsExactly("trade-1");
        assertThat(EventJson.write(routes.performance().orElseThrow())).contains("\"equity\":10050.10");
        assertThat(routes.trace("trace-1").orElseThrow()).extracting(step -> step.path("event").asText())
                .containsExactly("portfolio.position.opened", "execution.order.submitted");
        assertThat(routes.lastEventByDomain()).containsOnlyKeys("portfolio", "execution");
    }

    @Test
    void closingAPositionAndCompletingAnOrderRemovesThemButAPartialFillKeepsTheOrderOpen() {
        projection.accept(events.positionOpened("pos-1", "trace-1"));
        projection.accept(events.orderSubmitted("co-1", "trace-1"));
        projection.accept(events.orderSubmitted("co-2", "trace-2"));

        projection.accept(events.later(Duration.ofMinutes(1)).orderFilled("co-1", false, "trace-1"));
        assertThat(routes.openOrders()).hasSize(2);

        projection.accept(events.orderFilled("co-1", true, "trace-1"));
        projection.accept(events.positionClosed("pos-1", "trace-1"));

        assertThat(routes.openPositions()).isEmpty();
        assertThat(routes.openOrders()).extracting(order -> order.path("client_order_id").asText())
                .containsExactly("co-2");
    }

    @Test
    void closingAPositionRemovesTheProtectiveOrdersOfItsSignalWhichExecutionCancelsWithoutAnEvent() {
        projection.accept(events.positionOpened("pos-1", "trace-1"));
        projection.accept(events.protectiveStopSubmitted("co-stop-1", "sig-pos-1", "trace-1"));
        projection.accept(events.protectiveStopSubmitted("co-stop-2", "sig-pos-2", "trace-2"));

        projection.accept(events.positionClosed("pos-1", "trace-1"));

        assertThat(routes.openOrders()).extracting(order -> order.path("client_order_id").asText())
                .containsExactly("co-stop-2");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        BusEvent trade = events.tradeClosed("trade-1", "trace-1");
        BusEvent opened = events.positionOpened("pos-1", "trace-2");
        BusEvent closed = events.positionClosed("pos-1", "trace-2");
        projection.accept(trade);
        projection.accept(opened);
        projection.accept(closed);

        projection.accept(trade);
        projection.accept(opened); // a late duplicate of the open must not bring the closed position back

        assertThat(routes.recentTrades(10)).hasSize(1);
        assertThat(routes.trace("trace-1").orElseThrow()).hasSize(1);
        assertThat(routes.trace("trace-2").orElseThrow()).hasSize(2);
        assertThat(routes.openPositions()).isEmpty();
    }

    @Test
    void aCloseDeliveredBeforeItsOpenLeavesNoPositionOpen() {
        BusEvent opened = events.positionOpened("pos-1", "trace-1");
        BusEvent closed = events.later(Duration.ofMinutes(5)).positionClosed("pos-1", "trace-1");

        projection.accept(closed); // EventBridge does not promise order
        projection.accept(opened);

        assertThat(routes.openPositions()).isEmpty();
        assertThat(routes.trace("trace-1").orElseThrow()).extracting(step -> step.path("event").asText())
                .as("steps in the order the events were created").containsExactly("portfolio.position.opened",
                        "portfolio.position.closed");
    }

    @Test
    void anOlderPerformanceSnapshotDeliveredLateDoesNotReplaceTheNewerOne() {
        BusEvent older = events.performance("10000.00");
        BusEvent newer = events.later(Duration.ofHours(1)).performance("10200.00");

        projection.accept(newer);
        projection.accept(older);

        assertThat(routes.performance().orElseThrow().path("equity").decimalValue()).isEqualByComparingTo("10200.00");
    }

    @Test
    void keepsTheNewestTradesNewestFirstWithinItsBound() {
        for (int i = 1; i <= TradingView.RECENT_TRADES + 5; i++) {
            projection.accept(events.later(Duration.ofMinutes(1)).tradeClosed("trade-" + i, "trace-" + i));
        }

        List<JsonNode> trades = routes.recentTrades(TradingView.RECENT_TRADES);
        assertThat(trades).hasSize(TradingView.RECENT_TRADES);
        assertThat(trades.get(0).path("trade_id").asText()).isEqualTo("trade-" + (TradingView.RECENT_TRADES + 5));
        assertThat(trades.get(trades.size() - 1).path("trade_id").asText()).isEqualTo("trade-6");
        assertThat(routes.recentTrades(3)).extracting(t -> t.path("trade_id").asText())
                .containsExactly("trade-205", "trade-204", "trade-203");
    }

    @Test
    void keepsTheNewestTracesAndAtMostItsBoundOfEventsPerTrace() {
        for (int i = 0; i < TradingView.EVENTS_PER_TRACE + 6; i++) {
            projection.accept(events.orderSubmitted("co-" + i, "long-trace"));
        }
        assertThat(routes.trace("long-trace").orElseThrow()).hasSize(TradingView.EVENTS_PER_TRACE);

        for (int i = 1; i <= TradingView.TRACES; i++) {
            projection.accept(events.performance("10000.00", "trace-" + i));
        }

        assertThat(routes.trace("long-trace")).as("the oldest trace made room").isEmpty();
        assertThat(routes.trace("trace-1")).isPresent();
        assertThat(routes.trace("trace-" + TradingView.TRACES)).isPresent();
        projection.accept(events.performance("10000.00", "trace-new"));
        assertThat(routes.trace("trace-1")).isEmpty();
        assertThat(routes.trace("trace-2")).isPresent();
    }

    @Test
    void rejectsAnEventWithoutTheIdItIsKeyedByAndStoresNothingOfIt() {
        BusEvent broken = TradingEvents.withPayload(events.positionOpened("pos-1", "trace-1"),
                payload -> payload.remove("position_id"));

        assertThatThrownBy(() -> projection.accept(broken))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("portfolio.position.opened " + broken.eventId())
                .hasMessageContaining("has no position_id");
        assertThat(routes.openPositions()).isEmpty();
        assertThat(routes.trace("trace-1")).isEmpty();
        assertThat(routes.lastEventByDomain()).isEmpty();
    }

    @Test
    void rejectsACircuitBreakerWhoseEndIsNotAnInstant() {
        BusEvent breaker = events.factory.create(EventCatalog.RISK_CIRCUIT_BREAKER_ACTIVATED,
                new CircuitBreakerActivated("ORDER_FAILURES", "3 failures", TradingEvents.START.plusSeconds(60)),
                "trace-cb");
        BusEvent broken = TradingEvents.withPayload(breaker, payload -> payload.put("until", "tomorrow"));

        assertThatThrownBy(() -> projection.accept(broken))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("until that is not an instant: 'tomorrow'");
        assertThat(routes.openCircuitBreaker(TradingEvents.START)).isEmpty();

        projection.accept(breaker);
        assertThat(routes.openCircuitBreaker(TradingEvents.START)).isPresent();
        assertThat(routes.openCircuitBreaker(TradingEvents.START.plusSeconds(61))).isEmpty();
    }

    @Test
    void rejectsAnEventItsRouteDoesNotSelect() {
        BusEvent price = events.factory.create(EventCatalog.MARKET_PRICE_UPDATE, samplePrice(), "trace-p");

        assertThatThrownBy(() -> projection.accept(price))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("does not read market.price.update");
    }

    @Test
    void theRoutingTableSelectsExactlyTheEventsTheViewReadsFromTheirProducers() {
        Route route = RoutingTable.standard().require(TradingProjection.HANDLER);
        Set<String> named = new TreeSet<>();
        route.pattern().path("detail-type").forEach(name -> named.add(name.asText()));
        Set<String> sources = new TreeSet<>();
        route.pattern().path("source").forEach(source -> sources.add(source.asText()));
        Set<String> producers = new TreeSet<>();
        TradingView.EVENTS.forEach(name -> producers.add(EventCatalog.require(name).producer().source()));

        assertThat(named).isEqualTo(new TreeSet<>(TradingView.EVENTS));
        assertThat(sources).isEqualTo(producers);
        assertThat(route.module()).isEqualTo("api");
    }

    @Test
    void theInMemoryTwinServesWhatRedisServes() {
        TradingView memory = new TradingView(new InMemoryKeyValueStore());
        List<BusEvent> run = new ArrayList<>(List.of(events.positionOpened("pos-1", "trace-1"),
                events.orderSubmitted("co-1", "trace-1"), events.later(Duration.ofMinutes(1)).orderFilled("co-1", true,
                        "trace-1"), events.positionOpened("pos-2", "trace-2"), events.positionClosed("pos-1", "trace-1"),
                events.tradeClosed("trade-1", "trace-1"), events.performance("10015.45")));
        run.add(run.get(3)); // a redelivery
        run.forEach(projection::accept);
        run.forEach(memory::accept);

        assertThat(EventJson.write(memory.openPositions())).isEqualTo(EventJson.write(routes.openPositions()));
        assertThat(EventJson.write(memory.openOrders())).isEqualTo(EventJson.write(routes.openOrders()));
        assertThat(EventJson.write(memory.recentTrades(50))).isEqualTo(EventJson.write(routes.recentTrades(50)));
        assertThat(EventJson.write(memory.trace("trace-1").orElseThrow()))
                .isEqualTo(EventJson.write(routes.trace("trace-1").orElseThrow()));
        assertThat(memory.performance()).isEqualTo(routes.performance());
        assertThat(memory.lastEventByDomain()).isEqualTo(routes.lastEventByDomain());
    }

    private static MarketPriceUpdate samplePrice() {
        return new MarketPriceUpdate("BTCUSDT", "1h", TradingEvents.START.minusSeconds(3600), TradingEvents.START,
                new BigDecimal("64000.0"), new BigDecimal("64500.0"), new BigDecimal("63900.0"),
                new BigDecimal("64262.9"), new BigDecimal("12.5"), MarketPriceUpdate.BAR_CLOSE);
    }
}
