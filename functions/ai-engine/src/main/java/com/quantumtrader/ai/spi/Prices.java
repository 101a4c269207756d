package com.quantumtrader.ai.spi;

import com.quantumtrader.core.instrument.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turns a strategy's indicator arithmetic (doubles, for speed) into prices an order can carry. */
public final class Prices {

    private Prices() {
    }

    /** Nearest multiple of the instrument's tick (half up), at the tick's scale. */
    public static BigDecimal toTick(Instrument instrument, BigDecimal price) {
        BigDecimal tick = instrument.tickSize();
        return price.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick)
                .setScale(Math.max(0, tick.scale()), RoundingMode.UNNECESSARY);
    }

    /** {@link #toTick(Instrument, BigDecimal)} of a computed price; {@code price} must be finite. */
    public static BigDecimal toTick(Instrument instrument, double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException(instrument.symbol() + ": price " + price + " is not a number");
        }
        return toTick(instrument, BigDecimal.valueOf(price));
    }
}
