package com.quantumtrader.execution;

import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.core.handler.Emit;
import java.util.List;
import java.util.Objects;

/**
 * Where closed bars enter the platform (the execution container's market-data feed; not a bus handler). Each bar
 * first moves the simulated exchange it shares with execution's handlers, then becomes
 * {@code market.price.update}. The caller sets the clock to the bar's close before calling and publishes what it
 * returns, in order. A bar already seen (same or earlier open) returns nothing, so a replay never fills twice.
 */
public final class MarketDataFeed {

    private final ExecutionEngine engine;

    MarketDataFeed(ExecutionEngine engine) {
        this.engine = engine;
    }

    /**
     * Funding settled since the last bar ({@code execution.funding.paid}), fills of waiting entries at the bar's
     * open (with their new stop and target orders), fills of protective orders the bar's range triggers, slippage
     * alerts and entry-mode switches, then the bar's {@code market.price.update}.
     */
    public List<Emit> onBar(MarketPriceUpdate bar) {
        return engine.onBar(Objects.requireNonNull(bar, "bar"));
    }
}
