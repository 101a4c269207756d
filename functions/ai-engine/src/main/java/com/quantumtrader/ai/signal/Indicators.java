package com.quantumtrader.ai.signal;

import java.math.BigDecimal;
import java.math.MathContext;

/** The price indicators of the crossover strategy, in exact decimals. */
final class Indicators {

    private Indicators() {
    }

    /** Sum of the {@code count} closes ending {@code back} bars before the newest. */
    static BigDecimal sumOfCloses(BarWindow window, int count, int back) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = back; i < back + count; i++) {
            sum = sum.add(window.back(i).close());
        }
        return sum;
    }

    /**
     * Average true range over the newest {@code period} bars, as a simple mean (not Wilder's smoothing, which would
     * need a longer history to settle). True range = max(high - low, |high - previous close|, |low - previous close|).
     */
    static BigDecimal averageTrueRange(BarWindow window, int period) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int back = 0; back < period; back++) {
            BarWindow.Point bar = window.back(back);
            BigDecimal previousClose = window.back(back + 1).close();
            BigDecimal range = bar.high().subtract(bar.low());
            BigDecimal up = bar.high().subtract(previousClose).abs();
            BigDecimal down = bar.low().subtract(previousClose).abs();
            sum = sum.add(range.max(up).max(down));
        }
        return sum.divide(BigDecimal.valueOf(period), MathContext.DECIMAL64);
    }
}
