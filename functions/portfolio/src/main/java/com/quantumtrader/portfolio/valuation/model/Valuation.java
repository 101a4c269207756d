package com.quantumtrader.portfolio.valuation.model;

import com.quantumtrader.portfolio.positions.model.Ledger;
import com.quantumtrader.portfolio.positions.model.Money;
import com.quantumtrader.portfolio.positions.model.Position;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The account marked to the latest prices: equity = starting equity (the policy's) + realised + unrealised, where
 * unrealised is net of the entry fees already paid on open positions (so equity is what the account is worth).
 * A position without a mark yet is valued at its average entry price.
 */
public record Valuation(BigDecimal equity, BigDecimal realized, BigDecimal unrealized, BigDecimal fees, int openPositions) {

    public static Valuation of(BigDecimal startingEquity, Ledger ledger, List<Position> positions, Map<String, BigDecimal> marks) {
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Position position : positions) {
            BigDecimal mark = marks.getOrDefault(position.symbol(), position.averageEntryPrice());
            unrealized = unrealized.add(position.unrealizedPnl(mark));
        }
        BigDecimal realized = Money.amount(ledger.realizedPnl());
        unrealized = Money.amount(unrealized);
        return new Valuation(Money.amount(startingEquity.add(realized).add(unrealized)), realized, unrealized,
                Money.amount(ledger.fees()), positions.size());
    }

    /** (peak - equity) / peak, 0 at or above the peak. */
    public BigDecimal drawdownFrom(BigDecimal peak) {
        if (peak.signum() <= 0 || equity.compareTo(peak) >= 0) {
            return Money.amount(BigDecimal.ZERO);
        }
        return Money.ratio(peak.subtract(equity), peak);
    }
}
