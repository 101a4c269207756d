package com.quantumtrader.portfolio.allocation;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.portfolio.AllocationUpdated;
import com.quantumtrader.events.portfolio.CapitalAllocation;
import com.quantumtrader.portfolio.allocation.model.VolatilityTargeting;
import com.quantumtrader.portfolio.market.model.SymbolHistory;
import com.quantumtrader.portfolio.store.AllocationStore;
import com.quantumtrader.portfolio.store.MarketStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import com.quantumtrader.portfolio.settings.PortfolioSettings;

/**
 * The hourly balance allocation check: loads the universe's bar histories, allocates by volatility targeting
 * ({@link VolatilityTargeting}) and publishes {@code portfolio.allocation.updated} when it drifted from the last one.
 */
public final class BalanceAllocator {

    private final MarketStore market;
    private final AllocationStore allocations;
    private final Supplier<PortfolioSettings> settings;

    public BalanceAllocator(MarketStore market, AllocationStore allocations, Supplier<PortfolioSettings> settings) {
        this.market = market;
        this.allocations = allocations;
        this.settings = settings;
    }

    public List<Emit> rebalance(Policy policy, BigDecimal equity, Instant now) {
        VolatilityTargeting targeting = new VolatilityTargeting(settings.get());
        List<SymbolHistory> universe = policy.universe().stream().map(market::of).flatMap(Optional::stream).toList();
        List<CapitalAllocation> target = targeting.allocate(universe, policy.strategies(), equity);
        if (target.isEmpty() || equity.signum() <= 0) {
            return List.of();
        }
        Optional<AllocationUpdated> update = targeting.rebalance(allocations.last(), target, equity, now);
        update.ifPresent(allocations::save);
        return update.map(u -> List.of(Emit.of(EventCatalog.PORTFOLIO_ALLOCATION_UPDATED, u))).orElse(List.of());
    }
}
