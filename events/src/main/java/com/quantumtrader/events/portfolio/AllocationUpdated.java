package com.quantumtrader.events.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The balance allocator's capital per strategy and symbol, published when it first exists and whenever a weight
 * drifts beyond the rebalancing threshold. Other domains size from it without reading portfolio state.
 *
 * @param targetVolatility annualised volatility each allocation aims at, before caps
 * @param reason           INITIAL or DRIFT
 */
public record AllocationUpdated(
        Instant asOf,
        BigDecimal equity,
        BigDecimal targetVolatility,
        List<CapitalAllocation> allocations,
        String reason) {
}
