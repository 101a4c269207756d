package com.quantumtrader.core.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The latest prices per symbol: a shared read-only fact. Execution's market-data feed writes them; any domain may
 * read them (e.g. to mark a position between bars), none but the feed writes. Redis in production
 * ({@link RedisLatestPrices}), memory in backtests and tests ({@link InMemoryLatestPrices}).
 */
public interface LatestPrices {

    void recordLast(String symbol, BigDecimal price, Instant at);

    void recordMark(String symbol, BigDecimal price, Instant at);

    void recordBook(String symbol, BigDecimal bid, BigDecimal ask, Instant at);

    /** Everything seen of the symbol, or empty when nothing was. */
    Optional<LatestPrice> get(String symbol);

    /** Refuses what no price can be: null, zero or negative, an ask below the bid. */
    static void requirePrice(String symbol, String what, BigDecimal price) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a latest price needs a symbol");
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException(symbol + " " + what + " must be positive but is " + price);
        }
    }
}
