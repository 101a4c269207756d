package com.quantumtrader.learning.drift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TwoProportionZTest {

    @Test
    void computesThePooledStatistic() {
        // 3/20 vs 18/30: pooled 21/50 = 0.42, se = sqrt(0.42 x 0.58 x (1/20 + 1/30)) = sqrt(0.0203)
        assertThat(TwoProportionZ.z(3, 20, 18, 30)).isCloseTo(-0.45 / Math.sqrt(0.0203), within(1e-12));
        assertThat(TwoProportionZ.z(18, 30, 3, 20)).isCloseTo(0.45 / Math.sqrt(0.0203), within(1e-12));
    }

    @Test
    void isZeroForEqualRatesAndForSamplesWithoutVariance() {
        assertThat(TwoProportionZ.z(10, 20, 15, 30)).isZero();
        assertThat(TwoProportionZ.z(20, 20, 30, 30)).isZero();
        assertThat(TwoProportionZ.z(0, 20, 0, 30)).isZero();
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> TwoProportionZ.z(21, 20, 3, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwoProportionZ.z(0, 0, 3, 30)).isInstanceOf(IllegalArgumentException.class);
    }
}
