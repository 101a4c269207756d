package com.quantumtrader.api.readmodel;

import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.portfolio.PositionOpened;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The subscriber that keeps the trading routes' read model: the routing table's {@value #HANDLER} entry (core OS's,
 * run by this module), whose pattern selects exactly {@link TradingView#EVENTS}. It folds each event into core OS's
 * state and publishes nothing. The local runtime wires it like any handler; in AWS it is its own Lambda
 * ({@code api.lambda.TradingProjectionHandler}).
 */
public final class TradingProjection {

    public static final String HANDLER = "trading_projection";

    private TradingProjection() {
    }

    /** The handler over core OS's state store (Redis, or memory in a backtest): the same store the routes read. */
    public static HandlerDefinition definition(KeyValueStore coreOsState) {
        return definition(coreOsState, Clock.systemUTC());
    }

    /** @param receivedClock stamps when each domain was last heard of: wall time (health's liveness check) */
    public static HandlerDefinition definition(KeyValueStore coreOsState, Clock receivedClock) {
        TradingView view = new TradingView(coreOsState, receivedClock);
        return new HandlerDefinition(HANDLER, RoutingTable.standard().require(HANDLER).domain(), event -> {
            view.accept(event.event());
            return List.of();
        });
    }

    /**
     * Runs the whole path of one delivery (decode the EventBridge JSON, validate it against its schema, fold it, read
     * it back as the routes do) on a throw-away in-memory store: loads and JIT-warms the classes a real delivery
     * needs, touching neither Redis nor a bus. For SnapStart's priming before the checkpoint.
     *
     * @return the outcome, which is HANDLED unless the code is broken
     */
    public static HandlerOutcome prime() {
        Clock clock = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
        EventFactory events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(1)));
        KeyValueStore scratch = new InMemoryKeyValueStore();
        HandlerRuntime runtime = new HandlerRuntime(definition(scratch), new InMemoryIdempotencyStore(), events,
                published -> {
                    throw new IllegalStateException("priming must publish nothing, got " + published.name());
                });
        BusEvent sample = events.create(EventCatalog.PORTFOLIO_POSITION_OPENED, new PositionOpened("priming",
                "BTCUSDT", Side.LONG, new BigDecimal("0.001"), new BigDecimal("60000.0"), new BigDecimal("59000.0"),
                new BigDecimal("62000.0"), "priming", "priming", "priming"), events.newTraceId());
        HandlerOutcome outcome = runtime.dispatchJson(EventJson.write(sample));
        TradingView view = new TradingView(scratch);
        EventJson.write(view.openPositions());
        view.trace(sample.traceId());
        return outcome;
    }
}
