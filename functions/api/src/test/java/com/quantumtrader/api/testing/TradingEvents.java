package com.quantumtrader.api.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventEnvelope;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.portfolio.TradeClosed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** Builds the trading events the view folds, on a clock the test moves; ids are ULIDs as in production. */
public final class TradingEvents {

    public static final Instant START = Instant.parse("2024-03-12T19:00:00Z");

    final SimulatedClock clock = new SimulatedClock(START);
    public final EventFactory factory = new EventFactory(clock, new EventIds(clock, new SplittableRandom(3)));

    public TradingEvents later(Duration duration) {
        clock.advance(duration);
        return this;
    }

    public BusEvent positionOpened(String positionId, String trace) {
        return factory.create(EventCatalog.PORTFOLIO_POSITION_OPENED, new PositionOpened(positionId, "BTCUSDT",
                Side.LONG, new BigDecimal("0.012"), new BigDecimal("64262.90"), new BigDecimal("63600.00"),
                new BigDecimal("65550.30"), "sig-" + positionId, "ma_crossover", "ma_crossover@1"), trace);
    }

    public BusEvent positionClosed(String positionId, String trace) {
        return factory.create(EventCatalog.PORTFOLIO_POSITION_CLOSED, new PositionClosed(positionId, "BTCUSDT",
                Side.LONG, new BigDecimal("0.012"), new BigDecimal("64262.90"), new BigDecimal("65550.30"),
                new BigDecimal("15.45"), new BigDecimal("0.62"), "TAKE_PROFIT", "sig-" + positionId), trace);
    }

    public BusEvent orderSubmitted(String clientOrderId, String trace) {
        return factory.create(EventCatalog.EXECUTION_ORDER_SUBMITTED, new OrderSubmitted("sig-1", clientOrderId,
                "BTCUSDT", OrderSide.BUY, OrderPurpose.ENTRY, "MARKET", new BigDecimal("0.012"), null, false), trace);
    }

    /** A reduce-only stop-loss guarding the position of {@code signalId}. */
    public BusEvent protectiveStopSubmitted(String clientOrderId, String signalId, String trace) {
        return factory.create(EventCatalog.EXECUTION_ORDER_SUBMITTED, new OrderSubmitted(signalId, clientOrderId,
                "BTCUSDT", OrderSide.SELL, OrderPurpose.STOP_LOSS, "STOP_MARKET", new BigDecimal("0.012"),
                new BigDecimal("63600.00"), true), trace);
    }

    public BusEvent orderFilled(String clientOrderId, boolean complete, String trace) {
        return factory.create(EventCatalog.EXECUTION_ORDER_FILLED, new OrderFilled("sig-1", clientOrderId, "BTCUSDT",
                OrderSide.BUY, OrderPurpose.ENTRY, new BigDecimal("0.006"), new BigDecimal(complete ? "0.012" : "0.006"),
                complete, new BigDecimal("64262.90"), new BigDecimal("64250.00"), new BigDecimal("0.3855774"), "USDT",
                new BigDecimal("63600.00"), new BigDecimal("65550.30"), "ma_crossover", "ma_crossover@1",
                clock.instant()), trace);
    }

    public BusEvent tradeClosed(String tradeId, String trace) {
        return factory.create(EventCatalog.TRADE_CLOSED, new TradeClosed(tradeId, "BTCUSDT", Side.LONG,
                new BigDecimal("0.012"), new BigDecimal("64262.90"), new BigDecimal("65550.30"),
                clock.instant().minus(Duration.ofHours(3)), clock.instant(), new BigDecimal("0.77"),
                new BigDecimal("0.00"), new BigDecimal("15.45"), new BigDecimal("1.94"), "TAKE_PROFIT", "sig-" + tradeId,
                "ma_crossover", "ma_crossover@1"), trace);
    }

    public BusEvent performance(String equity) {
        return performance(equity, factory.newTraceId());
    }

    public BusEvent performance(String equity, String trace) {
        return factory.create(EventCatalog.PORTFOLIO_PERFORMANCE, new PortfolioPerformance(clock.instant(),
                new BigDecimal(equity), new BigDecimal("10100.00"), new BigDecimal("0.0050"), new BigDecimal("15.45"),
                BigDecimal.ZERO, new BigDecimal("0.77"), 0, 1, new BigDecimal("1.0")), trace);
    }

    /** The event with its payload changed, as a broken or hostile producer might send it. */
    public static BusEvent withPayload(BusEvent event, Consumer<ObjectNode> change) {
        ObjectNode payload = event.envelope().payload().deepCopy();
        change.accept(payload);
        EventEnvelope e = event.envelope();
        return new BusEvent(event.source(), event.name(), new EventEnvelope(e.eventId(), e.traceId(), e.occurredAt(),
                e.producer(), e.schemaVersion(), payload));
    }
}
