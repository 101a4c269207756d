package com.quantumtrader.portfolio.valuation;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Price ticks of Binance USD-M, for prices portfolio sets itself (a moved stop). */
final class Ticks {

    private static final Map<String, BigDecimal> TICKS = Map.of(
            "BTCUSDT", new BigDecimal("0.10"),
            "ETHUSDT", new BigDecimal("0.01"));
    private static final BigDecimal DEFAULT_TICK = new BigDecimal("0.01");

    private Ticks() {
    }

    static BigDecimal tick(String symbol) {
        return TICKS.getOrDefault(symbol, DEFAULT_TICK);
    }

    /**
     * A break-even stop on the tick grid, never on the losing side of the entry: up for a long, down for a short.
     */
    static BigDecimal breakEvenStop(String symbol, Side side, BigDecimal entry) {
        BigDecimal tick = tick(symbol);
        RoundingMode mode = side == Side.LONG ? RoundingMode.CEILING : RoundingMode.FLOOR;
        return entry.divide(tick, 0, mode).multiply(tick);
    }
}
