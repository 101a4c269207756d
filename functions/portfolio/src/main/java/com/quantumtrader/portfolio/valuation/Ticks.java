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
        return onGrid(symbol, entry, side == Side.LONG ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    /** A trailing stop on the grid, rounded away from the price (down for a long) so it never sits closer. */
    static BigDecimal trailingStop(String symbol, Side side, BigDecimal stop) {
        return onGrid(symbol, stop, side == Side.LONG ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    /**
     * A time-exit stop: at or beyond the close on the side that triggers (up for a long's sell stop), so the next
     * bar fills it at its open.
     */
    static BigDecimal exitNowStop(String symbol, Side side, BigDecimal close) {
        return onGrid(symbol, close, side == Side.LONG ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    private static BigDecimal onGrid(String symbol, BigDecimal price, RoundingMode mode) {
        BigDecimal tick = tick(symbol);
        return price.divide(tick, 0, mode).multiply(tick);
    }
}
