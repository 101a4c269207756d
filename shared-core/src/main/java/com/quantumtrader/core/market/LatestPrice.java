package com.quantumtrader.core.market;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the market-data feed last saw of one symbol. A part not seen yet is null.
 *
 * @param last   last traded price (the latest bar's close, or the open bar's price so far), in USDT
 * @param lastAt when {@code last} was seen
 * @param mark   mark price (what margin and liquidation use), in USDT
 * @param markAt when {@code mark} was seen
 * @param bid    best bid, in USDT
 * @param ask    best ask, in USDT
 * @param bookAt when {@code bid} and {@code ask} were seen
 */
public record LatestPrice(String symbol, BigDecimal last, Instant lastAt, BigDecimal mark, Instant markAt,
                          BigDecimal bid, BigDecimal ask, Instant bookAt) {
}
