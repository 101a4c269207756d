package com.quantumtrader.events.portfolio;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Periodic snapshot of the account.
 *
 * @param drawdown fraction of peak equity lost (0.05 = 5 %)
 * @param winRate  fraction of closed trades with positive realised P&L (0 with no trades)
 */
public record PortfolioPerformance(
        Instant asOf,
        BigDecimal equity,
        BigDecimal peakEquity,
        BigDecimal drawdown,
        BigDecimal realizedPnl,
        BigDecimal unrealizedPnl,
        BigDecimal fees,
        int openPositions,
        int closedTrades,
        BigDecimal winRate) {
}
