package com.quantumtrader.events.market;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A closed bar, or a large move inside one, from the execution container's market-data feed. Never per tick.
 *
 * @param reason BAR_CLOSE or LARGE_MOVE
 */
public record MarketPriceUpdate(
        String symbol,
        String interval,
        Instant openTime,
        Instant closeTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        String reason) {

    public static final String BAR_CLOSE = "BAR_CLOSE";
    public static final String LARGE_MOVE = "LARGE_MOVE";
}
