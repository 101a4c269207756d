package com.quantumtrader.events.portfolio;

import java.math.BigDecimal;

/**
 * The capital one strategy may commit to one symbol.
 *
 * @param volatility annualised volatility of the symbol the weight was sized against (0.6 = 60 %)
 * @param weight     fraction of account equity
 * @param capital    weight x equity, in USDT
 * @param capped     the weight was cut by the per-slot cap, the per-symbol share or the total
 */
public record CapitalAllocation(
        String strategyId,
        String symbol,
        BigDecimal volatility,
        BigDecimal weight,
        BigDecimal capital,
        boolean capped) {
}
