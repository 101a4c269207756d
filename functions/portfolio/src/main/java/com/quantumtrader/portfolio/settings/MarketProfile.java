package com.quantumtrader.portfolio.settings;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the liquidity filter needs about a symbol that no event carries: its typical bid-ask spread and the day the
 * contract was listed. Kept in portfolio settings until execution publishes book-ticker and exchange-info facts.
 *
 * @param spreadBps typical spread, in basis points of the price
 */
public record MarketProfile(BigDecimal spreadBps, LocalDate listedOn) {
}
