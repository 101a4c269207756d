package com.quantumtrader.risk.market;

import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.risk.model.market.AbnormalMove;
import com.quantumtrader.risk.model.market.Close;
import com.quantumtrader.risk.model.market.Closes;
import com.quantumtrader.risk.model.market.MarketReturns;
import com.quantumtrader.risk.safety.SafetySwitches;
import com.quantumtrader.risk.store.MarketStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code market.price.update}: remembers the close for the price collar and the correlation window, and trips the
 * circuit breaker when a bar's return lies beyond {@code abnormal_move_sigmas} standard deviations of the symbol's
 * recent returns ({@link AbnormalMove}).
 */
public final class RiskMarketWatch implements EventHandler {

    public static final String CAUSE = "ABNORMAL_VOLATILITY";
    private static final Logger LOG = LoggerFactory.getLogger(RiskMarketWatch.class);

    private final String name;
    private final Clock clock;
    private final PolicyReader policy;
    private final MarketStore market;
    private final MarketReturns returns;
    private final SafetySwitches switches;

    public RiskMarketWatch(String name, Clock clock, PolicyReader policy, MarketStore market, MarketReturns returns,
                           SafetySwitches switches) {
        this.name = name;
        this.clock = clock;
        this.policy = policy;
        this.market = market;
        this.returns = returns;
        this.switches = switches;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        MarketPriceUpdate bar = event.payload(EventCatalog.MARKET_PRICE_UPDATE);
        RiskPolicy current = RiskPolicy.of(policy.current());
        Closes before = market.load(bar.symbol());
        Close close = new Close(bar.closeTime(), bar.close());
        if (before.contains(close)) {
            return List.of();
        }
        market.save(bar.symbol(), before.with(close, current.correlation().windowBars()));
        Optional<String> abnormal = AbnormalMove.detect(bar.symbol(), before.closes(), close,
                current.correlation().minBars(), current.circuitBreaker().abnormalMoveSigmas(), returns);
        if (abnormal.isEmpty()) {
            return List.of();
        }
        LOG.warn("circuit breaker trips: {}", abnormal.get());
        return switches.trip(CAUSE, abnormal.get(), clock.instant(), current.circuitBreaker(), name);
    }
}
