package com.quantumtrader.portfolio.allocation;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.portfolio.AllocationUpdated;
import com.quantumtrader.events.portfolio.CapitalAllocation;
import com.quantumtrader.portfolio.market.MarketHistory;
import com.quantumtrader.portfolio.positions.Money;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The balance allocator (the seed's PBA): capital per enabled strategy and traded symbol by volatility targeting.
 * With N slots (strategy x symbol with a volatility estimate), a slot's weight is
 * min(maxSlotWeight, targetVolatility / (N x volatility)); then the weights of one symbol are scaled down together
 * to at most maxSymbolShare, then all of them to at most 1. Weights round down to 8 decimals (never over-commit),
 * capital = weight x equity. Published first as INITIAL, then as DRIFT whenever a slot appeared, disappeared or its
 * weight moved more than rebalanceDrift from the last published one; otherwise nothing.
 */
public final class BalanceAllocator {

    private static final String LAST = "allocation";
    private static final MathContext MATH = MathContext.DECIMAL64;

    private final KeyValueStore state;
    private final MarketHistory market;
    private final PortfolioSettings settings;

    public BalanceAllocator(KeyValueStore state, MarketHistory market, PortfolioSettings settings) {
        this.state = state;
        this.market = market;
        this.settings = settings;
    }

    public List<Emit> rebalance(Policy policy, BigDecimal equity, Instant now) {
        List<CapitalAllocation> allocations = allocate(policy, equity);
        if (allocations.isEmpty() || equity.signum() <= 0) {
            return List.of();
        }
        Optional<AllocationUpdated> last = state.get(LAST).map(json -> EventJson.read(json, AllocationUpdated.class));
        if (last.isPresent() && !drifted(last.get().allocations(), allocations)) {
            return List.of();
        }
        AllocationUpdated update = new AllocationUpdated(now, Money.amount(equity), settings.targetVolatility(),
                allocations, last.isEmpty() ? "INITIAL" : "DRIFT");
        state.put(LAST, EventJson.write(update));
        return List.of(Emit.of(EventCatalog.PORTFOLIO_ALLOCATION_UPDATED, update));
    }

    List<CapitalAllocation> allocate(Policy policy, BigDecimal equity) {
        Map<String, BigDecimal> volatility = new TreeMap<>();
        for (String symbol : policy.universe()) {
            market.of(symbol).flatMap(h -> h.annualisedVolatility(settings.volatilityBars(), settings.daysPerYear()))
                    .filter(v -> v.signum() > 0).ifPresent(v -> volatility.put(symbol, v));
        }
        List<String> strategies = new TreeMap<>(policy.strategies()).entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).toList();
        int slots = strategies.size() * volatility.size();
        if (slots == 0) {
            return List.of();
        }
        record Slot(String strategy, String symbol, BigDecimal volatility, BigDecimal weight, boolean capped) {
        }
        List<Slot> raw = new ArrayList<>();
        BigDecimal n = BigDecimal.valueOf(slots);
        for (String strategy : strategies) {
            volatility.forEach((symbol, vol) -> {
                BigDecimal target = settings.targetVolatility().divide(n.multiply(vol, MATH), MATH);
                boolean capped = target.compareTo(settings.maxSlotWeight()) > 0;
                raw.add(new Slot(strategy, symbol, vol, capped ? settings.maxSlotWeight() : target, capped));
            });
        }
        Map<String, BigDecimal> bySymbol = new HashMap<>();
        raw.forEach(s -> bySymbol.merge(s.symbol(), s.weight(), BigDecimal::add));
        List<Slot> symbolCapped = raw.stream().map(s -> {
            BigDecimal share = bySymbol.get(s.symbol());
            if (share.compareTo(settings.maxSymbolShare()) <= 0) {
                return s;
            }
            BigDecimal scaled = s.weight().multiply(settings.maxSymbolShare(), MATH).divide(share, MATH);
            return new Slot(s.strategy(), s.symbol(), s.volatility(), scaled, true);
        }).toList();
        BigDecimal total = symbolCapped.stream().map(Slot::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<CapitalAllocation> out = new ArrayList<>();
        for (Slot s : symbolCapped) {
            boolean overOne = total.compareTo(BigDecimal.ONE) > 0;
            BigDecimal weight = (overOne ? s.weight().divide(total, MATH) : s.weight())
                    .setScale(Money.SCALE, RoundingMode.DOWN);
            out.add(new CapitalAllocation(s.strategy(), s.symbol(), s.volatility(), weight,
                    equity.multiply(weight).setScale(Money.SCALE, RoundingMode.DOWN), s.capped() || overOne));
        }
        return List.copyOf(out);
    }

    private boolean drifted(List<CapitalAllocation> before, List<CapitalAllocation> now) {
        Map<String, BigDecimal> previous = new HashMap<>();
        before.forEach(a -> previous.put(a.strategyId() + "/" + a.symbol(), a.weight()));
        if (previous.size() != now.size()) {
            return true;
        }
        for (CapitalAllocation a : now) {
            BigDecimal was = previous.get(a.strategyId() + "/" + a.symbol());
            if (was == null || was.subtract(a.weight()).abs().compareTo(settings.rebalanceDrift()) > 0) {
                return true;
            }
        }
        return false;
    }
}
