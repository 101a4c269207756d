package com.quantumtrader.execution.exchange;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the paper exchange behaves: which contracts it lists, what it charges and how much a taker loses to the book.
 *
 * @param symbols               contract rules by symbol; an order for any other symbol is rejected
 * @param takerFeeRate          fraction of notional charged to an order that takes liquidity (0.0004 = 4 bps)
 * @param makerFeeRate          fraction of notional charged to an order that rests and is hit (0.0002 = 2 bps);
 *                              every order type the simulator supports takes liquidity, so it charges the taker rate
 * @param baseSpreadBps         quoted spread in basis points; a taker crosses half of it
 * @param rangeSlippageFraction share of the fill bar's high-low range a taker additionally loses (volatility impact)
 */
public record SimulatedExchangeSettings(
        Map<String, SymbolRules> symbols,
        BigDecimal takerFeeRate,
        BigDecimal makerFeeRate,
        BigDecimal baseSpreadBps,
        BigDecimal rangeSlippageFraction) {

    private static final BigDecimal MAX_FEE_RATE = new BigDecimal("0.01");

    public SimulatedExchangeSettings {
        Objects.requireNonNull(symbols, "symbols");
        SortedMap<String, SymbolRules> sorted = new TreeMap<>(symbols);
        sorted.forEach((symbol, rules) -> {
            if (!symbol.equals(rules.symbol())) {
                throw new IllegalArgumentException("rules listed under " + symbol + " are for " + rules.symbol());
            }
        });
        symbols = Collections.unmodifiableSortedMap(sorted);
        fraction("takerFeeRate", takerFeeRate, MAX_FEE_RATE);
        fraction("makerFeeRate", makerFeeRate, MAX_FEE_RATE);
        fraction("baseSpreadBps", baseSpreadBps, new BigDecimal("1000"));
        fraction("rangeSlippageFraction", rangeSlippageFraction, BigDecimal.ONE);
    }

    /** Binance USD-M's BTCUSDT and ETHUSDT, 4 bps taker / 2 bps maker, a 2 bps spread and 5 % of the bar's range. */
    public static SimulatedExchangeSettings defaults() {
        return new SimulatedExchangeSettings(
                Map.of(SymbolRules.BTCUSDT.symbol(), SymbolRules.BTCUSDT, SymbolRules.ETHUSDT.symbol(), SymbolRules.ETHUSDT),
                new BigDecimal("0.0004"), new BigDecimal("0.0002"), new BigDecimal("2"), new BigDecimal("0.05"));
    }

    public SimulatedExchangeSettings withSlippage(BigDecimal spreadBps, BigDecimal rangeFraction) {
        return new SimulatedExchangeSettings(symbols, takerFeeRate, makerFeeRate, spreadBps, rangeFraction);
    }

    public SimulatedExchangeSettings withFees(BigDecimal takerRate, BigDecimal makerRate) {
        return new SimulatedExchangeSettings(symbols, takerRate, makerRate, baseSpreadBps, rangeSlippageFraction);
    }

    public SimulatedExchangeSettings withSymbol(SymbolRules rules) {
        Map<String, SymbolRules> more = new TreeMap<>(symbols);
        more.put(rules.symbol(), rules);
        return new SimulatedExchangeSettings(more, takerFeeRate, makerFeeRate, baseSpreadBps, rangeSlippageFraction);
    }

    private static void fraction(String name, BigDecimal value, BigDecimal max) {
        if (value == null || value.signum() < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and " + max.toPlainString() + " but is " + value);
        }
    }
}
