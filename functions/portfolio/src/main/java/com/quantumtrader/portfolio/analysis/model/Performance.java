package com.quantumtrader.portfolio.analysis.model;

import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.portfolio.positions.model.Ledger;
import com.quantumtrader.portfolio.positions.model.Money;
import com.quantumtrader.portfolio.valuation.model.DrawdownState;
import com.quantumtrader.portfolio.valuation.model.Valuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The {@code portfolio.performance} snapshot: the account valued now, its peak and drawdown, the win rate. Pure. */
public final class Performance {

    static final int WIN_RATE_SCALE = 4;

    private Performance() {
    }

    public static PortfolioPerformance of(Instant now, Valuation valuation, DrawdownState drawdown, Ledger ledger) {
        BigDecimal peak = drawdown.peakEquity().max(valuation.equity());
        BigDecimal winRate = ledger.closedTrades() == 0 ? BigDecimal.ZERO.setScale(WIN_RATE_SCALE)
                : BigDecimal.valueOf(ledger.winningTrades())
                        .divide(BigDecimal.valueOf(ledger.closedTrades()), WIN_RATE_SCALE, RoundingMode.HALF_EVEN);
        return new PortfolioPerformance(now, valuation.equity(), Money.amount(peak), valuation.drawdownFrom(peak),
                valuation.realized(), valuation.unrealized(), valuation.fees(), valuation.openPositions(),
                ledger.closedTrades(), winRate);
    }
}
