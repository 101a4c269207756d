package com.quantumtrader.portfolio.positions.model;

import java.math.BigDecimal;

/**
 * The account's totals since the start: realised P&L (exits net of fees, and funding), every fee paid, net
 * funding (negative = paid), and the count of completed round trips and of the winning ones.
 */
public record Ledger(BigDecimal realizedPnl, BigDecimal fees, int closedTrades, int winningTrades,
                     BigDecimal funding) {

    public static final Ledger EMPTY = new Ledger(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO);

    public Ledger {
        funding = funding == null ? BigDecimal.ZERO : funding;
    }

    Ledger paid(BigDecimal fee) {
        return new Ledger(realizedPnl, fees.add(fee), closedTrades, winningTrades, funding);
    }

    Ledger realised(BigDecimal pnl) {
        return new Ledger(realizedPnl.add(pnl), fees, closedTrades, winningTrades, funding);
    }

    /** Funding settled: cash in or out of the account now, so realised P&L too. */
    Ledger funded(BigDecimal amount) {
        return new Ledger(realizedPnl.add(amount), fees, closedTrades, winningTrades, funding.add(amount));
    }

    Ledger tradeClosed(BigDecimal tradePnl) {
        return new Ledger(realizedPnl, fees, closedTrades + 1, winningTrades + (tradePnl.signum() > 0 ? 1 : 0),
                funding);
    }
}
