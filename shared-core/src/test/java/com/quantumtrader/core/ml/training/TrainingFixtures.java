package com.quantumtrader.core.ml.training;

import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.MlFixtures;
import com.quantumtrader.core.ml.labels.Direction;
import com.quantumtrader.core.ml.labels.Labeler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small two-symbol training set over generated momentum bars, and a plan that splits it in time. */
final class TrainingFixtures {

    static final LabelSpec LABEL = new LabelSpec(6, 1.0, 14, 10);
    static final int BARS = 4000;

    private TrainingFixtures() {
    }

    static List<LabelledRow> rows(double momentum, long seed) {
        return DatasetBuilder.build(Map.of(
                "BTCUSDT", MlFixtures.hourlyBars("BTCUSDT", BARS, momentum, seed),
                "ETHUSDT", MlFixtures.hourlyBars("ETHUSDT", BARS, momentum, seed + 1)),
                new Labeler(LABEL, Direction.LONG));
    }

    /** Train on the first 3000 hours, validate on the rest. */
    static TrainingPlan plan(String calibration) {
        Instant cut = MlFixtures.START.plus(Duration.ofHours(3000));
        return new TrainingPlan(MlFixtures.START, cut, cut, MlFixtures.START.plus(Duration.ofHours(BARS + 10)), 4,
                Duration.ofHours(12), calibration, 0.10, 0.75);
    }
}
