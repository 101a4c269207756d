package com.quantumtrader.events.portfolio;

import java.math.BigDecimal;

/**
 * One candidate symbol as the liquidity filter saw it.
 *
 * @param rank        1 = most liquid eligible symbol; 0 when excluded
 * @param quoteVolume traded quote volume of the last 24 hours, in USDT
 * @param spreadBps   typical bid-ask spread in basis points of the price
 * @param volatility  annualised volatility of recent bar returns
 * @param exclusion   why the symbol is not eligible; absent when it is
 */
public record SymbolLiquidity(
        String symbol,
        int rank,
        boolean eligible,
        BigDecimal quoteVolume,
        BigDecimal spreadBps,
        BigDecimal volatility,
        BigDecimal price,
        int listingAgeDays,
        String exclusion) {
}
