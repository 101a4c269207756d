package com.quantumtrader.core.lambda;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.os.RegimeChanged;
import com.quantumtrader.events.os.UniverseUpdated;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only core_os module with one real handler under the routing table's name {@code regime_detector}: it
 * classifies each bar by its range and body and publishes {@code os.regime.changed} when a symbol's regime changes,
 * remembering the regime in the domain's state. Its hourly periodic job {@code calm_universe} publishes the symbols
 * whose last regime is not volatile as {@code os.universe.updated}. Registered for the ServiceLoader in
 * {@code src/test/resources/lambda-test-modules} (kept off the test-jar's service list, which domain modules'
 * tests load).
 */
public final class BarRegimeTestModule implements DomainModule {

    static final String HANDLER = "regime_detector";
    static final String JOB = "calm_universe";
    static final Duration JOB_PERIOD = Duration.ofHours(1);
    private static final String REGIMES = "regimes";
    private static final double VOLATILE_RANGE = 0.02;
    private static final double TREND_BODY = 0.005;

    @Override
    public Domain domain() {
        return Domain.CORE_OS;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        return List.of(new HandlerDefinition(HANDLER, Domain.CORE_OS, event -> classify(event, services.state())));
    }

    @Override
    public List<PeriodicJob> periodicJobs(DomainServices services) {
        return List.of(new PeriodicJob(JOB, JOB_PERIOD, () -> calmUniverse(services.state())));
    }

    private static List<Emit> calmUniverse(KeyValueStore state) {
        List<String> calm = state.hashGetAll(REGIMES).entrySet().stream()
                .filter(regime -> !regime.getValue().equals("VOLATILE"))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return List.of(Emit.of(EventCatalog.OS_UNIVERSE_UPDATED, new UniverseUpdated(calm, "hourly calm universe")));
    }

    private static List<Emit> classify(InboundEvent event, KeyValueStore state) {
        MarketPriceUpdate bar = event.payload(EventCatalog.MARKET_PRICE_UPDATE);
        double range = ratio(bar.high().subtract(bar.low()), bar.close());
        double body = ratio(bar.close().subtract(bar.open()), bar.open());
        String regime = range > VOLATILE_RANGE ? "VOLATILE"
                : body > TREND_BODY ? "TRENDING_UP"
                : body < -TREND_BODY ? "TRENDING_DOWN"
                : "RANGING";
        String key = "regime:" + bar.symbol();
        Optional<String> previous = state.get(key);
        if (previous.filter(regime::equals).isPresent()) {
            return List.of();
        }
        state.put(key, regime);
        state.hashPut(REGIMES, bar.symbol(), regime);
        return List.of(Emit.of(EventCatalog.OS_REGIME_CHANGED,
                new RegimeChanged(bar.symbol(), previous.orElse(null), regime, range, body)));
    }

    private static double ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, MathContext.DECIMAL64).doubleValue();
    }
}
