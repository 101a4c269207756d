package com.quantumtrader.core.ml;

import com.quantumtrader.core.ml.features.FeatureBar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generated bars for ML tests: no test reads market files. */
public final class MlFixtures {

    public static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    public static final Duration HOUR = Duration.ofHours(1);

    private MlFixtures() {
    }

    /**
     * Hourly bars whose log returns follow AR(1) with coefficient {@code momentum} and 1 % noise: a little
     * predictable when momentum is not 0, a pure random walk when it is.
     */
    public static List<FeatureBar> hourlyBars(String symbol, int count, double momentum, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FeatureBar> bars = new ArrayList<>(count);
        double close = 100;
        double previousReturn = 0;
        for (int i = 0; i < count; i++) {
            double r = momentum * previousReturn + 0.01 * gaussian(random);
            double open = close;
            close = open * Math.exp(r);
            double high = Math.max(open, close) * (1 + 0.003 * Math.abs(gaussian(random)));
            double low = Math.min(open, close) * (1 - 0.003 * Math.abs(gaussian(random)));
            double volume = 1000 * Math.exp(0.3 * gaussian(random));
            Instant openTime = START.plus(HOUR.multipliedBy(i));
            bars.add(new FeatureBar(symbol, openTime, openTime.plus(HOUR), open, high, low, close, volume,
                    Double.NaN));
            previousReturn = r;
        }
        return bars;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble(1e-12, 1);
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
