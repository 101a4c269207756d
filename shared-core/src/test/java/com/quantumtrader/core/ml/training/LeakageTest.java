package com.quantumtrader.core.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.quantumtrader.core.ml.MlFixtures;
import com.quantumtrader.core.ml.features.BarsV1;
import com.quantumtrader.core.ml.features.FeatureBar;
import com.quantumtrader.core.ml.tribuo.TribuoTrainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The leakage checks: each would pass silently if training could see the future. */
class LeakageTest {

    private static TrainingOutcome train(List<String> features, List<LabelledRow> rows) {
        return new WalkForwardTraining(features, new TribuoTrainer("logistic", Map.of(), 42),
                TrainingFixtures.plan("platt")).run(rows);
    }

    @Test
    void shuffledLabelsGiveAnOutOfSampleAucOfAboutOneHalf() {
        List<LabelledRow> rows = TrainingFixtures.rows(0.3, 11);
        List<Boolean> labels = new ArrayList<>(rows.stream().map(LabelledRow::label).toList());
        Collections.shuffle(labels, new Random(5));
        List<LabelledRow> shuffled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LabelledRow r = rows.get(i);
            shuffled.add(new LabelledRow(r.symbol(), r.decisionTime(), r.knownAt(), r.features(), labels.get(i)));
        }

        TrainingOutcome outcome = train(BarsV1.SPEC.features(), shuffled);

        assertThat(outcome.validationMetrics().auc()).isCloseTo(0.5, within(0.04));
        outcome.folds().forEach(f -> assertThat(f.metrics().auc()).isCloseTo(0.5, within(0.06)));
    }

    @Test
    void noLabelReachesTrainingBeforeItsHorizonClosed() {
        List<LabelledRow> rows = TrainingFixtures.rows(0.0, 12);
        TrainingPlan plan = TrainingFixtures.plan("platt");
        WalkForwardTraining training = new WalkForwardTraining(BarsV1.SPEC.features(),
                new TribuoTrainer("logistic", Map.of(), 42), plan);

        List<LabelledRow> used = training.trainingRows(rows);

        assertThat(used).isNotEmpty().allMatch(r -> !r.knownAt().isAfter(plan.trainTo()));
        assertThat(rows).as("rows deciding before the cut-off whose label closes after it exist and are left out")
                .anyMatch(r -> r.decisionTime().isBefore(plan.trainTo()) && r.knownAt().isAfter(plan.trainTo()));
        // and the dataset never holds a label whose horizon runs past the data
        Instant lastClose = MlFixtures.hourlyBars("BTCUSDT", TrainingFixtures.BARS, 0, 12)
                .get(TrainingFixtures.BARS - 1).closeTime();
        assertThat(rows).allMatch(r -> !r.knownAt().isAfter(lastClose));
    }

    @Test
    void aLeakyNextBarReturnFeatureIsFlaggedNotRewardedSilently() {
        Map<String, List<FeatureBar>> bars = new HashMap<>();
        bars.put("BTCUSDT", MlFixtures.hourlyBars("BTCUSDT", TrainingFixtures.BARS, 0.0, 13));
        bars.put("ETHUSDT", MlFixtures.hourlyBars("ETHUSDT", TrainingFixtures.BARS, 0.0, 14));
        List<LabelledRow> rows = TrainingFixtures.rows(0.0, 13);
        List<LabelledRow> leaky = new ArrayList<>();
        for (LabelledRow r : rows) {
            List<FeatureBar> series = bars.get(r.symbol());
            int t = (int) java.time.Duration.between(MlFixtures.START, r.decisionTime()).toHours() - 1;
            double[] features = java.util.Arrays.copyOf(r.features(), r.width() + 1);
            features[r.width()] = Math.log(series.get(t + 1).close() / series.get(t).close()); // the future
            leaky.add(new LabelledRow(r.symbol(), r.decisionTime(), r.knownAt(), features, r.label()));
        }
        List<String> names = new ArrayList<>(BarsV1.SPEC.features());
        names.add("next_ret_1");

        TrainingOutcome honest = train(BarsV1.SPEC.features(), rows);
        TrainingOutcome cheating = train(names, leaky);

        assertThat(honest.warnings()).isEmpty();
        assertThat(cheating.validationMetrics().auc()).isGreaterThan(0.75);
        assertThat(cheating.leakSuspected()).isTrue();
        assertThat(cheating.warnings()).anyMatch(w -> w.contains("validation AUC") && w.contains("leakage"));
    }
}
