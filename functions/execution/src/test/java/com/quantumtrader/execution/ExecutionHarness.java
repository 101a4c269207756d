package com.quantumtrader.execution;

import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.portfolio.StopLossAdjusted;
import com.quantumtrader.events.risk.EmergencyStop;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One execution domain on the simulated exchange with a simulated clock, driven the way the local runtime drives
 * it: bars through the feed (clock at the bar's close), events built by the real EventFactory into the handlers.
 */
final class ExecutionHarness {

    final KeyValueStore store;
    final SimulatedClock clock;
    final EventFactory events;
    final SimulatedExchangeSettings settings;
    final Map<String, HandlerDefinition> handlers;
    final MarketDataFeed feed;

    ExecutionHarness() {
        this(SimulatedExchangeSettings.defaults(), new InMemoryKeyValueStore(), new SimulatedClock(Bars.START));
    }

    ExecutionHarness(SimulatedExchangeSettings settings, KeyValueStore store, SimulatedClock clock) {
        this(settings, store, clock, PolicyDefaults::load, UnaryOperator.identity());
    }

    /**
     * @param policy    the policy the handlers read (e.g. adaptive entries on or off)
     * @param orderPort wraps the simulated exchange the order manager talks to (e.g. to record or refuse calls)
     */
    ExecutionHarness(SimulatedExchangeSettings settings, KeyValueStore store, SimulatedClock clock, PolicyReader policy,
                     UnaryOperator<ExchangePort> orderPort) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(42)));
        ExecutionDomain domain = ExecutionDomain.paper(settings, orderPort);
        DomainServices services = new DomainServices(clock, store, policy);
        this.handlers = domain.handlers(services).stream()
                .collect(Collectors.toMap(HandlerDefinition::name, Function.identity()));
        this.feed = domain.marketDataFeed(services);
    }

    /** A second process over the same store and clock, as after a restart of the execution container. */
    ExecutionHarness restarted() {
        return new ExecutionHarness(settings, store, clock);
    }

    List<Emit> bar(MarketPriceUpdate bar) {
        clock.advanceTo(bar.closeTime());
        return feed.onBar(bar);
    }

    List<Emit> approve(SignalApproved approval, String traceId) {
        return handle("signal_executor", inbound(EventCatalog.RISK_SIGNAL_APPROVED, approval, traceId));
    }

    List<Emit> emergencyStop() {
        return handle("emergency_flattener", inbound(EventCatalog.SAFETY_EMERGENCY_STOP,
                new EmergencyStop("drawdown 21% over emergency limit 20%", "drawdown_guard"), "TRACE-ESS"));
    }

    List<Emit> moveStop(String signalId, String symbol, String previous, String next) {
        return handle("protective_stop_mover", inbound(EventCatalog.PORTFOLIO_SL_ADJUSTED,
                new StopLossAdjusted("POS-" + signalId, symbol, signalId, new BigDecimal(previous), new BigDecimal(next),
                        "BREAK_EVEN"), "TRACE-SL"));
    }

    <T extends Record> InboundEvent inbound(EventType<T> type, T payload, String traceId) {
        return new InboundEvent(events.create(type, payload, traceId));
    }

    List<Emit> handle(String handler, InboundEvent event) {
        return handlers.get(handler).handler().handle(event);
    }

    /** The exchange as a reconciler would see it: the same venue state in the store. */
    SimulatedExchange exchange() {
        return new SimulatedExchange(settings, store, clock);
    }

    /** Persisted state of one of execution's orders, e.g. {@code CANCELED}. */
    String orderState(String clientOrderId) {
        return store.get("order:" + clientOrderId)
                .map(json -> EventJson.readTree(json).path("state").asText())
                .orElse("NONE");
    }

    static <T extends Record> List<T> payloads(List<Emit> emits, EventType<T> type) {
        return emits.stream().filter(e -> e.type().equals(type)).map(e -> type.payloadType().cast(e.payload())).toList();
    }

    static List<String> names(List<Emit> emits) {
        return emits.stream().map(e -> e.type().name()).toList();
    }
}
