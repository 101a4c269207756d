package com.quantumtrader.core.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.quantumtrader.core.ml.features.BarsV1;
import com.quantumtrader.core.ml.tribuo.TribuoTrainer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkForwardTrainingTest {

    private static TrainingOutcome train(String algorithm, double momentum, long seed) {
        return new WalkForwardTraining(BarsV1.SPEC.features(), new TribuoTrainer(algorithm, Map.of("trees", "5", "max_depth", "4"), 42),
                TrainingFixtures.plan("platt")).run(TrainingFixtures.rows(momentum, seed));
    }

    @Test
    void learnsAPredictableMarketOutOfSampleWithoutLeakWarnings() {
        TrainingOutcome outcome = train("logistic", 0.3, 1);

        assertThat(outcome.folds()).hasSize(4);
        assertThat(outcome.validationMetrics().auc()).isGreaterThan(0.55).isLessThan(0.75);
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void calibratedValidationProbabilitiesTrackTheBaseRate() {
        TrainingOutcome outcome = train("logistic", 0.0, 2);

        double meanProbability = outcome.validation().stream()
                .mapToDouble(TrainingOutcome.Prediction::probability).average().orElseThrow();
        assertThat(meanProbability).isCloseTo(outcome.validationMetrics().baseRate(), within(0.05));
    }

    @Test
    void sameRowsAndSeedGiveTheSameModelAndMetrics() {
        TrainingOutcome a = train("forest", 0.2, 3);
        TrainingOutcome b = train("forest", 0.2, 3);

        assertThat(b.validationMetrics()).isEqualTo(a.validationMetrics());
        assertThat(b.validation()).isEqualTo(a.validation());
    }
}
