package com.quantumtrader.core.ml.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** Scores whose true probability is sigmoid(3 s - 1): a well-specified case for Platt. */
    private static Sample logisticSample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = random.nextDouble(-2, 2);
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(3 * s[i] - 1)));
        }
        return new Sample(s, y);
    }

    private record Sample(double[] scores, boolean[] outcomes) { }

    @Test
    void plattRecoversTheTrueLogisticMapping() {
        Sample sample = logisticSample(20_000, 7);

        PlattScaling platt = PlattScaling.fit(sample.scores(), sample.outcomes());

        assertThat(platt.a()).isCloseTo(-3, within(0.15));
        assertThat(platt.b()).isCloseTo(1, within(0.1));
        assertThat(platt.calibrate(1.0)).isCloseTo(1 / (1 + Math.exp(-2)), within(0.02));
    }

    @Test
    void plattStaysFiniteOnPerfectlySeparatedScores() {
        double[] s = {-3, -2, -1, 1, 2, 3};
        boolean[] y = {false, false, false, true, true, true};

        PlattScaling platt = PlattScaling.fit(s, y);

        assertThat(platt.calibrate(3)).isLessThan(1).isGreaterThan(0.5);
        assertThat(platt.calibrate(-3)).isGreaterThan(0).isLessThan(0.5);
    }

    @Test
    void isotonicIsMonotoneAndMatchesBinFrequencies() {
        Sample sample = logisticSample(20_000, 11);

        IsotonicCalibration iso = IsotonicCalibration.fit(sample.scores(), sample.outcomes());

        double previous = -1;
        for (double s = -2; s <= 2; s += 0.01) {
            double p = iso.calibrate(s);
            assertThat(p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
        assertThat(iso.calibrate(1.0)).isCloseTo(1 / (1 + Math.exp(-2)), within(0.06));
    }

    @Test
    void isotonicPoolsAViolatingPairIntoItsMean() {
        IsotonicCalibration iso = IsotonicCalibration.fit(new double[] {0.1, 0.2, 0.3, 0.4},
                new boolean[] {false, true, false, true});

        assertThat(iso.calibrate(0.1)).isEqualTo(0.0);
        assertThat(iso.calibrate(0.25)).isEqualTo(0.5);
        assertThat(iso.calibrate(0.4)).isEqualTo(1.0);
    }

    @Test
    void fitDoesNotDependOnRowOrder() {
        Sample sample = logisticSample(2_000, 3);
        int n = sample.scores().length;
        double[] reversedScores = new double[n];
        boolean[] reversedOutcomes = new boolean[n];
        for (int i = 0; i < n; i++) {
            reversedScores[i] = sample.scores()[n - 1 - i];
            reversedOutcomes[i] = sample.outcomes()[n - 1 - i];
        }

        IsotonicCalibration a = IsotonicCalibration.fit(sample.scores(), sample.outcomes());
        IsotonicCalibration b = IsotonicCalibration.fit(reversedScores, reversedOutcomes);

        assertThat(b.knots()).containsExactly(a.knots());
        assertThat(b.values()).containsExactly(a.values());
        assertThat(PlattScaling.fit(reversedScores, reversedOutcomes).a())
                .isCloseTo(PlattScaling.fit(sample.scores(), sample.outcomes()).a(), within(1e-9));
    }

    @Test
    void refusesMismatchedOrEmptyInputAndUnknownKinds() {
        assertThatThrownBy(() -> PlattScaling.fit(new double[] {1}, new boolean[] {true, false}))
                .hasMessageContaining("one outcome per score");
        assertThatThrownBy(() -> IsotonicCalibration.fit(new double[0], new boolean[0]))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> Calibrator.fit("beta", new double[] {1}, new boolean[] {true}))
                .hasMessageContaining("unknown calibration 'beta'");
    }
}
