package com.quantumtrader.events.portfolio;

import java.math.BigDecimal;

/**
 * Performance metrics of one slice of the account: the whole of it, one strategy or one symbol. Definitions in
 * {@code functions/portfolio/README.md}.
 *
 * @param scope        TOTAL, STRATEGY or SYMBOL
 * @param key          ALL, the strategy id or the symbol
 * @param profitFactor gross profit / gross loss; absent without a losing trade
 * @param averageR     mean R multiple of the trades that had one; absent when none had
 */
public record SliceMetrics(
        String scope,
        String key,
        BigDecimal totalReturn,
        BigDecimal annualizedReturn,
        BigDecimal annualizedVolatility,
        BigDecimal sharpe,
        BigDecimal sortino,
        BigDecimal calmar,
        BigDecimal maxDrawdown,
        int maxDrawdownDays,
        int trades,
        BigDecimal winRate,
        BigDecimal profitFactor,
        BigDecimal expectancy,
        BigDecimal averageR,
        BigDecimal exposure,
        BigDecimal realizedPnl,
        BigDecimal fees,
        BigDecimal funding) {
}
