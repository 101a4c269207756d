package com.quantumtrader.portfolio.positions;

import java.math.BigDecimal;

/**
 * The account's totals since the start: realised P&L (net of fees) of every exit, every fee paid, and the count
 * of completed round trips and of the winning ones.
 */
public record Ledger(BigDecimal realizedPnl, BigDecimal fees, int closedTrades, int winningTrades) {

    static final Ledger EMPTY = new Ledger(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

    Ledger paid(BigDecimal fee) {
        return new Ledger(realizedPnl, fees.add(fee), closedTrades, winningTrades);
    }

    Ledger realised(BigDecimal pnl) {
        return new Ledger(realizedPnl.add(pnl), fees, closedTrades, winningTrades);
    }

    Ledger tradeClosed(BigDecimal tradePnl) {
        return new Ledger(realizedPnl, fees, closedTrades + 1, winningTrades + (tradePnl.signum() > 0 ? 1 : 0));
    }
}
