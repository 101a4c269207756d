package com.quantumtrader.execution.intake;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.risk.EmergencyStop;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The real execution handlers on the simulated exchange, with a BTCUSDT price known, behind ExecutionCommands. */
final class IntakeFixture {

    static final Instant NOW = Instant.parse("2025-01-06T12:00:00Z");

    final SimulatedClock clock = new SimulatedClock(NOW);
    final EventFactory events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(11)));
    final List<BusEvent> published = new CopyOnWriteArrayList<>();
    final ExecutionCommands commands;

    IntakeFixture() {
        this(null);
    }

    /** {@code alsoPublish} sees every event the handlers publish (e.g. a bus); may be null. */
    IntakeFixture(Consumer<BusEvent> alsoPublish) {
        DomainServices services = new DomainServices(clock, new InMemoryKeyValueStore(), PolicyDefaults::load);
        ExecutionDomain domain = ExecutionDomain.paper(SimulatedExchangeSettings.defaults());
        commands = new ExecutionCommands(domain.handlers(services), new InMemoryIdempotencyStore(), events, event -> {
            published.add(event);
            if (alsoPublish != null) {
                alsoPublish.accept(event);
            }
        });
        domain.marketDataFeed(services).onBar(PriceBars.bar("BTCUSDT", "1h", NOW.minus(Duration.ofHours(1)), NOW,
                new BigDecimal("61000"), new BigDecimal("61300"), new BigDecimal("60900"), new BigDecimal("61200"),
                new BigDecimal("12.5")));
    }

    BusEvent approval(String signalId) {
        return events.create(EventCatalog.RISK_SIGNAL_APPROVED, new SignalApproved(signalId, "BTCUSDT", Side.LONG,
                new BigDecimal("0.010"), new BigDecimal("61200.0"), new BigDecimal("60000.0"),
                new BigDecimal("63000.0"), "ma_crossover", "ma-crossover-v1"), "TRACE-" + signalId);
    }

    BusEvent emergencyStop() {
        return events.create(EventCatalog.SAFETY_EMERGENCY_STOP,
                new EmergencyStop("drawdown 21% over emergency limit 20%", "drawdown_guard"), "TRACE-ESS");
    }

    BusEvent priceUpdate() {
        return events.create(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate("BTCUSDT", "1h",
                NOW.minus(Duration.ofHours(1)), NOW, new BigDecimal("61000"), new BigDecimal("61300"),
                new BigDecimal("60900"), new BigDecimal("61200"), new BigDecimal("12.5"), MarketPriceUpdate.BAR_CLOSE),
                "TRACE-PRICE");
    }

    /** How many deliveries the named handler's runtime took (handled, duplicate, rejected or failed). */
    long metricsOf(String handler) {
        var metrics = commands.runtimes().stream().filter(runtime -> runtime.name().equals(handler)).findFirst()
                .orElseThrow().metrics();
        return metrics.handled() + metrics.duplicates() + metrics.rejected() + metrics.failed();
    }

    List<String> publishedNames() {
        return published.stream().map(BusEvent::name).toList();
    }
}
