package com.quantumtrader.events.portfolio;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One completed round trip, with what opened it, for learning and analysis.
 *
 * @param realizedPnl net of fees and funding
 * @param rMultiple   realised P&L divided by the initial risk (entry to stop times quantity)
 */
public record TradeClosed(
        String tradeId,
        String symbol,
        Side side,
        BigDecimal quantity,
        BigDecimal entryPrice,
        BigDecimal exitPrice,
        Instant openedAt,
        Instant closedAt,
        BigDecimal fees,
        BigDecimal funding,
        BigDecimal realizedPnl,
        BigDecimal rMultiple,
        String exitReason,
        String signalId,
        String strategyId,
        String modelId) {
}
