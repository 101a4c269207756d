package com.quantumtrader.events.portfolio;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;

/**
 * A position is flat again.
 *
 * @param realizedPnl net of fees and funding, in the quote asset
 * @param exitReason  STOP_LOSS, TAKE_PROFIT, EXIT
 */
public record PositionClosed(
        String positionId,
        String symbol,
        Side side,
        BigDecimal quantity,
        BigDecimal entryPrice,
        BigDecimal exitPrice,
        BigDecimal realizedPnl,
        BigDecimal fees,
        String exitReason,
        String signalId) {
}
