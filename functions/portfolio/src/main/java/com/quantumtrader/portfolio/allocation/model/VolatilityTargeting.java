package com.quantumtrader.portfolio.allocation.model;

import com.quantumtrader.events.portfolio.AllocationUpdated;
import com.quantumtrader.events.portfolio.CapitalAllocation;
import com.quantumtrader.portfolio.market.model.SymbolHistory;
import com.quantumtrader.portfolio.positions.model.Money;
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
 * The balance allocator's rule (the seed's PBA): capital per enabled strategy and traded symbol by volatility
 * targeting. With N slots (strategy x symbol with a volatility estimate), a slot's weight is
 * min(maxSlotWeight, targetVolatility / (N x volatility)); then the weights of one symbol are scaled down together
 * to at most maxSymbolShare, then all of them to at most 1. Weights round down to 8 decimals (never over-commit),
 * capital = weight x equity. Published first as INITIAL, then as DRIFT whenever a slot appeared, disappeared or its
 * weight moved more than rebalanceDrift from the last published one; otherwise nothing. Pure.
 */
public final class VolatilityTargeting {

    private static final MathContext MATH = MathContext.DECIMAL64;

    private final PortfolioSettings settings;

    public VolatilityTargeting(PortfolioSettings settings) {
        this.settings = settings;
    }

    /**
     * @param universe   the bar history of each universe symbol that has one
     * @param strategies the policy's strategy switches
     */
    public List<CapitalAllocation> allocate(List<SymbolHistory> universe, Map<String, Boolean> strategies,
                                            BigDecimal equity) {
        Map<String, BigDecimal> volatility = new TreeMap<>();
        for (SymbolHistory history : universe) {
            history.annualisedVolatility(settings.volatilityBars(), settings.daysPerYear())
                    .filter(v -> v.signum() > 0).ifPresent(v -> volatility.put(history.symbol(), v));
        }
        List<String> enabled = new TreeMap<>(strategies).entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).toList();
        int slots = enabled.size() * volatility.size();
        if (slots == 0) {
            return List.of();
        }
        record Slot(String strategy, String symbol, BigDecimal volatility, BigDecimal weight, boolean capped) {
        }
        List<Slot> raw = new ArrayList<>();
        BigDecimal n = BigDecimal.valueOf(slots);
        for (String strategy : enabled) {
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

    /** The allocation to publish (INITIAL, or DRIFT against {@code last}); empty when nothing drifted. */
    public Optional<AllocationUpdated> rebalance(Optional<AllocationUpdated> last, List<CapitalAllocation> allocations,
                                                 BigDecimal equity, Instant now) {
        if (last.isPresent() && !drifted(last.get().allocations(), allocations)) {
            return Optional.empty();
        }
        return Optional.of(new AllocationUpdated(now, Money.amount(equity), settings.targetVolatility(), allocations,
                last.isEmpty() ? "INITIAL" : "DRIFT"));
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
