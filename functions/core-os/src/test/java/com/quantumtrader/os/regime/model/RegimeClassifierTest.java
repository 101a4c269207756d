package com.quantumtrader.os.regime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The regime rules on plain values: no store, no handler. */
class RegimeClassifierTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** {@code count} closes from {@code first}, moving {@code step} a bar, taken into an empty window. */
    private static RegimeClassifier.Step feed(int first, int step, int count) {
        RegimeWindow window = RegimeWindow.empty();
        RegimeClassifier.Step last = null;
        for (int i = 0; i < count; i++) {
            last = RegimeClassifier.step(window, BigDecimal.valueOf(first + (long) i * step),
                    T0.plus(Duration.ofHours(i)), RegimeClassifier::logReturn);
            window = last.window();
        }
        return last;
    }

    @Test
    void classifiesNothingUntilTheWindowHoldsFortyEightReturns() {
        RegimeClassifier.Step warmingUp = feed(1000, 1, RegimeClassifier.RETURNS);

        assertThat(warmingUp.regime()).isNull();
        assertThat(warmingUp.changed()).isFalse();
        assertThat(warmingUp.window().closes()).hasSize(RegimeClassifier.RETURNS);
    }

    @Test
    void aSteadyRiseIsTrendingUpAndASteadyFallTrendingDown() {
        RegimeClassifier.Step up = feed(1000, 1, RegimeClassifier.RETURNS + 1);
        RegimeClassifier.Step down = feed(2000, -1, RegimeClassifier.RETURNS + 1);

        assertThat(up.regime()).isEqualTo(Regime.TRENDING_UP);
        assertThat(up.previous()).isNull();
        assertThat(up.changed()).isTrue();
        assertThat(up.trendStrength()).isEqualTo(1.0);
        assertThat(up.window().regime()).isEqualTo(Regime.TRENDING_UP);
        assertThat(down.regime()).isEqualTo(Regime.TRENDING_DOWN);
    }

    @Test
    void theWindowKeepsFortyNineClosesAndTheSameRegimeIsNoChange() {
        RegimeClassifier.Step later = feed(1000, 1, RegimeClassifier.RETURNS + 5);

        assertThat(later.window().closes()).hasSize(RegimeClassifier.RETURNS + 1);
        assertThat(later.previous()).isEqualTo(Regime.TRENDING_UP);
        assertThat(later.changed()).isFalse();
    }

    @Test
    void hysteresisKeepsAVolatileMarketVolatileAboveTheExitLevel() {
        assertThat(RegimeClassifier.classify(null, 0.009, 0)).isEqualTo(Regime.RANGING);
        assertThat(RegimeClassifier.classify(Regime.VOLATILE, 0.009, 0)).isEqualTo(Regime.VOLATILE);
        assertThat(RegimeClassifier.classify(null, 0.0101, 0)).isEqualTo(Regime.VOLATILE);
    }

    @Test
    void aFlatWindowHasNoTrendAndNoVolatility() {
        RegimeClassifier.Step flat = feed(1000, 0, RegimeClassifier.RETURNS + 1);

        assertThat(flat.trendStrength()).isZero();
        assertThat(flat.volatility()).isZero();
        assertThat(flat.regime()).isEqualTo(Regime.RANGING);
    }
}
