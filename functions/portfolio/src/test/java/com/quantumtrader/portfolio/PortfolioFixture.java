package com.quantumtrader.portfolio;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.portfolio.PortfolioMetrics;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The portfolio domain as a runtime wires it: real handlers and job from {@link PortfolioDomain} over an
 * in-memory store, a simulated clock and the default policy. Fills of one signal share the signal's trace.
 */
final class PortfolioFixture {

    static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    final SimulatedClock clock;
    final KeyValueStore state;
    final AtomicReference<Policy> policy;
    final DomainServices services;
    final EventFactory events;
    final Map<String, HandlerDefinition> handlers;
    private final Map<String, String> traceOfSignal;

    final PortfolioSettings settings;

    PortfolioFixture() {
        this(PortfolioSettings.defaults());
    }

    PortfolioFixture(PortfolioSettings settings) {
        this(new SimulatedClock(START), new InMemoryKeyValueStore(), new AtomicReference<>(PolicyDefaults.load()),
                new HashMap<>(), settings);
    }

    /** Over a given store (e.g. Redis), on a clock that may be shared with an earlier instance. */
    PortfolioFixture(SimulatedClock clock, KeyValueStore state) {
        this(clock, state, new AtomicReference<>(PolicyDefaults.load()), new HashMap<>(),
                PortfolioSettings.defaults());
    }

    private PortfolioFixture(SimulatedClock clock, KeyValueStore state, AtomicReference<Policy> policy,
                             Map<String, String> traceOfSignal, PortfolioSettings settings) {
        this.settings = settings;
        this.clock = clock;
        this.state = state;
        this.policy = policy;
        this.traceOfSignal = traceOfSignal;
        this.services = new DomainServices(clock, state, policy::get);
        this.events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(11)));
        this.handlers = new PortfolioDomain(settings).handlers(services).stream()
                .collect(Collectors.toMap(HandlerDefinition::name, h -> h));
    }

    /** A fresh domain instance over the same store and clock: what a restarted process sees. */
    PortfolioFixture restarted() {
        return new PortfolioFixture(clock, state, policy, traceOfSignal, settings);
    }

    String traceOf(String signalId) {
        return traceOfSignal.computeIfAbsent(signalId, id -> events.newTraceId());
    }

    BusEvent fillEvent(OrderFilled fill) {
        return events.create(EventCatalog.EXECUTION_ORDER_FILLED, fill, traceOf(fill.signalId()));
    }

    List<Emit> fill(FillBuilder fill) {
        return handlers.get(PortfolioDomain.POSITION_MONITOR).handler().handle(new InboundEvent(
                fillEvent(fill.at(clock.instant()).build())));
    }

    /** A closed one-hour bar ending now, every price at {@code close}. */
    BusEvent barEvent(String symbol, String close) {
        BigDecimal price = new BigDecimal(close);
        Instant end = clock.instant();
        return events.create(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate(symbol, "1h",
                end.minus(Duration.ofHours(1)), end, price, price, price, price, BigDecimal.TEN,
                MarketPriceUpdate.BAR_CLOSE), events.newTraceId());
    }

    List<Emit> bar(String symbol, String close) {
        clock.advance(Duration.ofHours(1));
        return handlers.get(PortfolioDomain.MARK_TO_MARKET).handler().handle(new InboundEvent(
                barEvent(symbol, close)));
    }

    /** An {@code execution.funding.paid} as the exchange reports it, in a trace of its own. */
    BusEvent fundingEvent(FundingBuilder funding) {
        return events.create(EventCatalog.EXECUTION_FUNDING_PAID, funding.build(), events.newTraceId());
    }

    List<Emit> deliverFunding(BusEvent funding) {
        return handlers.get(PortfolioDomain.FUNDING_SETTLEMENT).handler().handle(new InboundEvent(funding));
    }

    List<Emit> funding(FundingBuilder funding) {
        return deliverFunding(fundingEvent(funding));
    }

    PortfolioPerformance performance() {
        return only(job(PortfolioDomain.PERFORMANCE_JOB), EventCatalog.PORTFOLIO_PERFORMANCE);
    }

    PortfolioMetrics metrics() {
        return only(job(PortfolioDomain.PERFORMANCE_JOB), EventCatalog.PORTFOLIO_METRICS_REPORTED);
    }

    List<Emit> job(String name) {
        return new PortfolioDomain(settings).periodicJobs(services).stream().filter(j -> j.name().equals(name))
                .findFirst().orElseThrow().job().get();
    }

    /** A closed bar of {@code interval} ending now with its own range and volume; the clock does not move. */
    List<Emit> bar(String symbol, String high, String low, String close, String volume) {
        Instant end = clock.instant();
        return handlers.get(PortfolioDomain.MARK_TO_MARKET).handler().handle(new InboundEvent(events.create(
                EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate(symbol, "1h", end.minus(Duration.ofHours(1)),
                        end, new BigDecimal(close), new BigDecimal(high), new BigDecimal(low), new BigDecimal(close),
                        new BigDecimal(volume), MarketPriceUpdate.BAR_CLOSE), events.newTraceId())));
    }

    static <T extends Record> T only(List<Emit> out, EventType<T> type) {
        List<Emit> matching = out.stream().filter(e -> e.type().equals(type)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + type.name() + " in " + out);
        }
        return type.payloadType().cast(matching.get(0).payload());
    }
}
