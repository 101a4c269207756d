package com.quantumtrader.learning.journal.model;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What learning keeps of one closed trade.
 *
 * @param win realised P&L above zero (the portfolio's definition of a winning trade)
 */
public record JournalEntry(
        String tradeId,
        String strategyId,
        String modelId,
        String symbol,
        Side side,
        Instant closedAt,
        BigDecimal rMultiple,
        BigDecimal realizedPnl,
        boolean win) {
}
