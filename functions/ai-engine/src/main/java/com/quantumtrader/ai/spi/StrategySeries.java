package com.quantumtrader.ai.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/**
 * How every runtime builds the bar series a strategy sees, so a strategy computes the same in training, backtest,
 * paper and Lambda: ta4j's {@link DoubleNum} (indicator arithmetic in doubles, for speed; prices that reach an order
 * are BigDecimal rounded to the tick by the strategy), bounded to {@code maximumBarCount} bars, one bar per closed
 * kline with its close time as the bar's end time.
 */
public final class StrategySeries {

    private StrategySeries() {
    }

    /** An empty series keeping at most {@code maximumBarCount} bars (older bars are dropped as new ones arrive). */
    public static BarSeries create(String name, int maximumBarCount) {
        if (maximumBarCount < 1) {
            throw new IllegalArgumentException("a series keeps at least one bar, not " + maximumBarCount);
        }
        return new BaseBarSeriesBuilder().withName(name).withNumTypeOf(DoubleNum.class)
                .withMaxBarCount(maximumBarCount).build();
    }

    /**
     * Appends one closed bar. Bars must arrive in order of close time.
     *
     * @param openTime  the bar's open time, null when unknown (the bar then spans 1 ms)
     * @param volume    base-asset volume, null when unknown (0)
     */
    public static void append(BarSeries series, Instant openTime, Instant closeTime, BigDecimal open,
                              BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
        Duration period = openTime == null || !closeTime.isAfter(openTime) ? Duration.ofMillis(1)
                : Duration.between(openTime, closeTime);
        series.addBar(period, closeTime.atZone(ZoneOffset.UTC),
                DoubleNum.valueOf(open == null ? close.doubleValue() : open.doubleValue()),
                DoubleNum.valueOf(high.doubleValue()), DoubleNum.valueOf(low.doubleValue()),
                DoubleNum.valueOf(close.doubleValue()),
                DoubleNum.valueOf(volume == null ? 0 : volume.doubleValue()));
    }
}
