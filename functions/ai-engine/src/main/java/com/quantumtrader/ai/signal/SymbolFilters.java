package com.quantumtrader.ai.signal;

import com.quantumtrader.core.instrument.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds the orchestrator's prices and quantities to the instrument's tick and step (shared-core's instrument
 * catalog, the exchange's own filters); execution checks every filter again before sending.
 */
final class SymbolFilters {

    private SymbolFilters() {
    }

    /** Nearest multiple of the instrument's tick (half up), at the tick's scale. */
    static BigDecimal roundToTick(Instrument instrument, BigDecimal price) {
        BigDecimal tick = instrument.tickSize();
        return price.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick).setScale(tick.scale(), RoundingMode.UNNECESSARY);
    }

    /** Largest multiple of the instrument's quantity step not above {@code quantity}. */
    static BigDecimal roundDownToStep(Instrument instrument, BigDecimal quantity) {
        BigDecimal step = instrument.stepSize();
        return quantity.divide(step, 0, RoundingMode.DOWN).multiply(step)
                .setScale(Math.max(0, step.scale()), RoundingMode.UNNECESSARY);
    }
}
