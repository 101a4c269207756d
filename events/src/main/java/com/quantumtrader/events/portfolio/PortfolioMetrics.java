package com.quantumtrader.events.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The portfolio analyzer's report, published with every {@code portfolio.performance}: today's and total P&L,
 * fees and funding, and the risk and trade metrics of the account, each strategy and each symbol.
 *
 * @param days    daily equity returns the ratios are computed from
 * @param funding net funding since start, signed as it affected P&L (negative = paid)
 */
public record PortfolioMetrics(
        Instant asOf,
        Instant since,
        int days,
        BigDecimal equity,
        BigDecimal pnlToday,
        BigDecimal realizedPnlToday,
        BigDecimal realizedPnl,
        BigDecimal unrealizedPnl,
        BigDecimal feesToday,
        BigDecimal fees,
        BigDecimal fundingToday,
        BigDecimal funding,
        List<SliceMetrics> slices) {
}
