package com.quantumtrader.risk.market;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.risk.safety.SafetySwitches;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code market.price.update}: remembers the close for the price collar and the correlation window, and trips the
 * circuit breaker when a bar's return lies beyond {@code abnormal_move_sigmas} standard deviations of the symbol's
 * recent returns.
 */
public final class RiskMarketWatch implements EventHandler {

    public static final String CAUSE = "ABNORMAL_VOLATILITY";
    private static final Logger LOG = LoggerFactory.getLogger(RiskMarketWatch.class);

    private final String name;
    private final Clock clock;
    private final PolicyReader policy;
    private final MarketBook market;
    private final SafetySwitches switches;

    public RiskMarketWatch(String name, Clock clock, PolicyReader policy, MarketBook market, SafetySwitches switches) {
        this.name = name;
        this.clock = clock;
        this.policy = policy;
        this.market = market;
        this.switches = switches;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        MarketPriceUpdate bar = event.payload(EventCatalog.MARKET_PRICE_UPDATE);
        Policy current = policy.current();
        List<MarketBook.Close> before = market.closes(bar.symbol());
        if (!market.record(bar.symbol(), new MarketBook.Close(bar.closeTime(), bar.close()),
                RiskPolicy.of(current).correlation().windowBars())) {
            return List.of();
        }
        if (before.isEmpty() || !before.get(before.size() - 1).at().isBefore(bar.closeTime())) {
            return List.of();
        }
        double[] history = market.returns(before).values().stream().mapToDouble(Double::doubleValue).toArray();
        if (history.length < RiskPolicy.of(current).correlation().minBars()) {
            return List.of();
        }
        double mean = java.util.Arrays.stream(history).average().orElse(0);
        double sigma = Math.sqrt(java.util.Arrays.stream(history).map(r -> (r - mean) * (r - mean)).sum()
                / (history.length - 1));
        MarketBook.Close last = before.get(before.size() - 1);
        double move = bar.close().subtract(last.price()).divide(last.price(), java.math.MathContext.DECIMAL64)
                .doubleValue();
        double sigmas = RiskPolicy.of(current).circuitBreaker().abnormalMoveSigmas().doubleValue();
        if (sigma <= 0 || Math.abs(move - mean) <= sigmas * sigma) {
            return List.of();
        }
        String detail = String.format(Locale.ROOT, "%s moved %.4f in one bar, %.1f sigma of %d returns (limit %s)",
                bar.symbol(), move, Math.abs(move - mean) / sigma, history.length,
                RiskPolicy.of(current).circuitBreaker().abnormalMoveSigmas().toPlainString());
        LOG.warn("circuit breaker trips: {}", detail);
        return switches.trip(CAUSE, detail, clock.instant(), RiskPolicy.of(current).circuitBreaker(), name);
    }
}
