package com.quantumtrader.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.reservation.ReservationStore;
import com.quantumtrader.core.reservation.ReservationStores;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.events.portfolio.DrawdownHigh;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The risk domain as the runtime sees it: real handlers from {@link RiskSafetyDomain} over an in-memory store,
 * a simulated clock and a policy the test can change. Events are built with the real {@link EventFactory}.
 */
final class RiskFixture {

    static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    final SimulatedClock clock;
    final KeyValueStore state;
    final AtomicReference<Policy> policy;
    final DomainServices services;
    final EventFactory events;
    final Map<String, HandlerDefinition> handlers;

    /**
     * BTCUSDT and ETHUSDT as the shipped snapshot lists them; every other symbol these limit tests trade (SOLUSDT at
     * 100, XRPUSDT at 1, made-up AAAUSDT...) with a 0.01 tick and a 0.001 step, the values the platform applied to
     * every symbol before it had instrument data, so that the limit arithmetic the tests check stays what it was.
     * Tests of the instrument data itself use {@link InstrumentCatalog#bundled()}.
     */
    static final InstrumentCatalog LIMIT_TEST_INSTRUMENTS = limitTestInstruments();

    RiskFixture() {
        this(new SimulatedClock(START), new InMemoryKeyValueStore());
    }

    /** Over a given store (e.g. Redis), on a clock that may be shared with an earlier instance. */
    RiskFixture(SimulatedClock clock, KeyValueStore state) {
        this(clock, state, new AtomicReference<>(PolicyDefaults.load()),
                ReservationStores.sameBackendAs(state, clock), LIMIT_TEST_INSTRUMENTS);
    }

    /** With these instruments. */
    RiskFixture(InstrumentCatalog instruments) {
        this(new SimulatedClock(START), new InMemoryKeyValueStore(), instruments);
    }

    private RiskFixture(SimulatedClock clock, KeyValueStore state, InstrumentCatalog instruments) {
        this(clock, state, new AtomicReference<>(PolicyDefaults.load()),
                ReservationStores.sameBackendAs(state, clock), instruments);
    }

    private RiskFixture(SimulatedClock clock, KeyValueStore state, AtomicReference<Policy> policy,
                        ReservationStore reservations, InstrumentCatalog instruments) {
        this.clock = clock;
        this.state = state;
        this.policy = policy;
        this.services = new DomainServices(clock, state, policy::get, reservations, instruments);
        this.events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(42)));
        this.handlers = new RiskSafetyDomain().handlers(services).stream()
                .collect(Collectors.toMap(HandlerDefinition::name, h -> h));
    }

    /** A fresh domain instance over the same store, clock and policy: what a restarted process sees. */
    RiskFixture restarted() {
        return new RiskFixture(clock, state, policy, services.reservations(), services.instruments());
    }

    @SafeVarargs
    final RiskFixture withPolicy(UnaryOperator<Policy>... changes) {
        for (UnaryOperator<Policy> change : changes) {
            policy.updateAndGet(change);
        }
        return this;
    }

    RiskControls controls() {
        return RiskSafetyDomain.controls(services);
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    List<Emit> signal(SignalGenerated signal) {
        return deliver(RiskSafetyDomain.GLOBAL_RISK_CONTROLLER, EventCatalog.AI_SIGNAL_GENERATED, signal);
    }

    SignalApproved approved(SignalGenerated signal) {
        List<Emit> out = signal(signal);
        assertThat(out).extracting(e -> e.type().name()).containsExactly("risk.signal.approved");
        return (SignalApproved) out.get(0).payload();
    }

    SignalRejected rejected(SignalGenerated signal) {
        List<Emit> out = signal(signal);
        assertThat(out).extracting(e -> e.type().name()).containsExactly("risk.signal.rejected");
        return (SignalRejected) out.get(0).payload();
    }

    List<Emit> positionClosed(SignalApproved approved, String realizedPnl) {
        return positionClosed(approved, realizedPnl, "TAKE_PROFIT");
    }

    List<Emit> positionClosed(SignalApproved approved, String realizedPnl, String exitReason) {
        PositionClosed closed = new PositionClosed("pos-" + approved.signalId(), approved.symbol(), approved.side(),
                approved.approvedQuantity(), approved.referencePrice(), approved.targetPrice(),
                new BigDecimal(realizedPnl), new BigDecimal("2.40"), exitReason, approved.signalId());
        return deliver(RiskSafetyDomain.EXPOSURE_RELEASE, EventCatalog.PORTFOLIO_POSITION_CLOSED, closed);
    }

    List<Emit> orderFailed(String signalId, String symbol, OrderPurpose purpose) {
        OrderFailed failed = new OrderFailed(signalId, "cid-" + signalId + "-" + purpose, symbol, OrderSide.BUY,
                purpose, new BigDecimal("0.010"), "-4164", "Order's notional must be no smaller than 100");
        return deliver(RiskSafetyDomain.ORDER_FAILURE_MONITOR, EventCatalog.EXECUTION_ORDER_FAILED, failed);
    }

    List<Emit> orderFailed(String signalId, String symbol, String errorCode) {
        OrderFailed failed = new OrderFailed(signalId, "cid-" + signalId, symbol, OrderSide.BUY, OrderPurpose.ENTRY,
                new BigDecimal("0.010"), errorCode, "order failed with " + errorCode);
        return deliver(RiskSafetyDomain.ORDER_FAILURE_MONITOR, EventCatalog.EXECUTION_ORDER_FAILED, failed);
    }

    /** A closed one-minute bar of {@code symbol} ending now. */
    List<Emit> bar(String symbol, String close) {
        Instant closeTime = clock.instant();
        BigDecimal price = new BigDecimal(close);
        return deliver(RiskSafetyDomain.RISK_MARKET_WATCH, EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate(
                symbol, "1m", closeTime.minus(Duration.ofMinutes(1)), closeTime, price, price, price, price,
                BigDecimal.ONE, MarketPriceUpdate.BAR_CLOSE));
    }

    List<Emit> modelDegraded(String modelId) {
        return deliver(RiskSafetyDomain.MODEL_HEALTH_MONITOR, EventCatalog.AI_MODEL_DEGRADED,
                new ModelDegraded(modelId, "ma_crossover", "win_rate", 0.31, 0.40, 50));
    }

    List<Emit> selfHealing(String component) {
        return deliver(RiskSafetyDomain.SYSTEM_HEALTH_MONITOR, EventCatalog.OS_SELF_HEALING_TRIGGERED,
                new SelfHealingTriggered(component, component + " lost its connection", "reconnected"));
    }

    /** One run of the periodic stuck-trade watch. */
    List<Emit> stuckTradeWatch() {
        return new RiskSafetyDomain().periodicJobs(services).stream()
                .filter(job -> job.name().equals(RiskSafetyDomain.STUCK_TRADE_WATCH)).findFirst().orElseThrow()
                .job().get();
    }

    List<Emit> drawdown(String drawdown) {
        DrawdownHigh high = new DrawdownHigh(new BigDecimal(drawdown), new BigDecimal("0.10"),
                new BigDecimal("8000"), new BigDecimal("10000"));
        return deliver(RiskSafetyDomain.DRAWDOWN_GUARD, EventCatalog.PORTFOLIO_DRAWDOWN_HIGH, high);
    }

    <T extends Record> BusEvent event(EventType<T> type, T payload) {
        return events.create(type, payload, events.newTraceId());
    }

    <T extends Record> List<Emit> deliver(String handler, EventType<T> type, T payload) {
        return handlers.get(handler).handler().handle(new InboundEvent(event(type, payload)));
    }


    private static InstrumentCatalog limitTestInstruments() {
        List<Instrument> instruments = new ArrayList<>();
        instruments.add(InstrumentCatalog.bundled().require("BTCUSDT"));
        instruments.add(InstrumentCatalog.bundled().require("ETHUSDT"));
        for (String symbol : List.of("SOLUSDT", "XRPUSDT", "ADAUSDT", "AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT",
                "EEEUSDT", "FFFUSDT", "GGGUSDT", "HHHUSDT", "IIIUSDT", "JJJUSDT", "KKKUSDT", "LLLUSDT")) {
            instruments.add(new Instrument(symbol, symbol, Instrument.PERPETUAL, Instrument.TRADING,
                    new BigDecimal("0.01"), null, null, new BigDecimal("0.001"), null, null, null, null,
                    new BigDecimal("5"), null, null, null, null));
        }
        return InstrumentCatalog.of("the risk limit tests' instruments", instruments);
    }
}
