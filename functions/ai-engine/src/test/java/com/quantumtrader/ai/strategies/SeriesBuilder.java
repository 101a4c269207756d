package com.quantumtrader.ai.strategies;

import com.quantumtrader.ai.spi.StrategySeries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ta4j.core.BarSeries;

/** Generated hourly bars for strategy tests: given closes and ranges, or a seeded random walk on a 0.01 tick. */
final class SeriesBuilder {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    /** One generated bar: close and its high/low. */
    record Candle(BigDecimal high, BigDecimal low, BigDecimal close) {
    }

    private final List<Candle> candles = new ArrayList<>();

    static SeriesBuilder bars() {
        return new SeriesBuilder();
    }

    /** {@code count} bars whose closes move by {@code step} from {@code base}, high/low +/- {@code halfRange}. */
    SeriesBuilder line(double base, double step, int count, double halfRange) {
        for (int i = 0; i < count; i++) {
            close(base + step * i, halfRange);
        }
        return this;
    }

    SeriesBuilder close(double close, double halfRange) {
        BigDecimal c = BigDecimal.valueOf(close).setScale(2, RoundingMode.HALF_UP);
        BigDecimal h = BigDecimal.valueOf(halfRange).setScale(2, RoundingMode.HALF_UP);
        candles.add(new Candle(c.add(h), c.subtract(h), c));
        return this;
    }

    /** A seeded random walk of {@code count} bars from {@code start}: 1 % hourly volatility, ranges around it. */
    SeriesBuilder randomWalk(long seed, int count, double start) {
        SplittableRandom random = new SplittableRandom(seed);
        double close = start;
        for (int i = 0; i < count; i++) {
            double previous = close;
            close = Math.max(1, close * (1 + 0.01 * gaussian(random)));
            BigDecimal c = BigDecimal.valueOf(close).setScale(2, RoundingMode.HALF_UP);
            double wick = Math.abs(close - previous) + close * 0.004 * random.nextDouble();
            candles.add(new Candle(c.add(BigDecimal.valueOf(wick * random.nextDouble()).setScale(2,
                    RoundingMode.HALF_UP)), c.subtract(BigDecimal.valueOf(wick * random.nextDouble()).setScale(2,
                    RoundingMode.HALF_UP)).max(new BigDecimal("0.01")), c));
        }
        return this;
    }

    /** {@code count} bars closing at {@code mean} plus seeded gaussian noise of {@code sigma}: a ranging market. */
    SeriesBuilder noise(long seed, int count, double mean, double sigma, double halfRange) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            close(mean + sigma * gaussian(random), halfRange);
        }
        return this;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: deterministic for a seed
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    List<Candle> candles() {
        return List.copyOf(candles);
    }

    BarSeries series() {
        BarSeries series = StrategySeries.create("TEST", Integer.MAX_VALUE);
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            Instant closeTime = START.plus(Duration.ofHours(i + 1L));
            StrategySeries.append(series, closeTime.minus(Duration.ofHours(1)), closeTime, c.close(), c.high(),
                    c.low(), c.close(), BigDecimal.ONE);
        }
        return series;
    }
}
