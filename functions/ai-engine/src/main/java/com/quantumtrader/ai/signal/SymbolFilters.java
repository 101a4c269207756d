package com.quantumtrader.ai.signal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Price tick and quantity step the orchestrator rounds to (Binance USD-M values). A symbol not in the table gets
 * a 0.01 tick; execution still checks the exchange's own filters.
 */
final class SymbolFilters {

    static final BigDecimal QUANTITY_STEP = new BigDecimal("0.001");
    private static final BigDecimal DEFAULT_TICK = new BigDecimal("0.01");
    private static final Map<String, BigDecimal> TICKS = Map.of(
            "BTCUSDT", new BigDecimal("0.10"),
            "ETHUSDT", new BigDecimal("0.01"));

    private SymbolFilters() {
    }

    static BigDecimal tick(String symbol) {
        return TICKS.getOrDefault(symbol, DEFAULT_TICK);
    }

    /** Nearest multiple of the symbol's tick (half up), at the tick's scale. */
    static BigDecimal roundToTick(String symbol, BigDecimal price) {
        BigDecimal tick = tick(symbol);
        return price.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick).setScale(tick.scale(), RoundingMode.UNNECESSARY);
    }

    /** Largest multiple of the quantity step not above {@code quantity}. */
    static BigDecimal roundDownToStep(BigDecimal quantity) {
        return quantity.divide(QUANTITY_STEP, 0, RoundingMode.DOWN).multiply(QUANTITY_STEP)
                .setScale(QUANTITY_STEP.scale(), RoundingMode.UNNECESSARY);
    }
}
