package com.quantumtrader.portfolio.valuation.model;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices portfolio sets itself (a moved stop) on the instrument's tick grid (the tick comes from shared-core's
 * instrument catalog).
 */
final class Ticks {

    private Ticks() {
    }

    /**
     * A break-even stop on the tick grid, never on the losing side of the entry: up for a long, down for a short.
     */
    static BigDecimal breakEvenStop(BigDecimal tick, Side side, BigDecimal entry) {
        return onGrid(tick, entry, side == Side.LONG ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    /** A trailing stop on the grid, rounded away from the price (down for a long) so it never sits closer. */
    static BigDecimal trailingStop(BigDecimal tick, Side side, BigDecimal stop) {
        return onGrid(tick, stop, side == Side.LONG ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    /**
     * A time-exit stop: at or beyond the close on the side that triggers (up for a long's sell stop), so the next
     * bar fills it at its open.
     */
    static BigDecimal exitNowStop(BigDecimal tick, Side side, BigDecimal close) {
        return onGrid(tick, close, side == Side.LONG ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    private static BigDecimal onGrid(BigDecimal tick, BigDecimal price, RoundingMode mode) {
        return price.divide(tick, 0, mode).multiply(tick);
    }
}
