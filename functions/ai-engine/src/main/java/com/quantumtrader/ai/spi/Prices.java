package com.quantumtrader.ai.spi;

import com.quantumtrader.core.instrument.Instrument;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Turns a strategy's indicator arithmetic (doubles, for speed) into prices an order can carry. */
public final class Prices {

    private static final MathContext SIGNIFICANT = new MathContext(12, RoundingMode.HALF_EVEN);

    private Prices() {
    }

    /** Nearest multiple of the instrument's tick (half up), at the tick's scale. */
    public static BigDecimal toTick(Instrument instrument, BigDecimal price) {
        BigDecimal tick = instrument.tickSize();
        return price.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick)
                .setScale(Math.max(0, tick.scale()), RoundingMode.UNNECESSARY);
    }

    /**
     * {@link #toTick(Instrument, BigDecimal)} of a computed price; {@code price} must be finite. The double is first
     * rounded to 12 significant digits: that drops binary noise ({@code 1679.8649999999998}), so a price that lies
     * exactly on half a tick in decimals rounds as the decimal computation would.
     */
    public static BigDecimal toTick(Instrument instrument, double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException(instrument.symbol() + ": price " + price + " is not a number");
        }
        return toTick(instrument, BigDecimal.valueOf(price).round(SIGNIFICANT));
    }
}
