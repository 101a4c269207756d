package com.quantumtrader.core.ml.training;

import com.quantumtrader.core.ml.calibration.Calibrator;
import com.quantumtrader.core.ml.tribuo.TribuoArtifact;
import java.time.Instant;
import java.util.List;

/**
 * What a training run produced: per-fold out-of-sample metrics, the calibrator fitted on the folds' held-back
 * predictions, the final model (all training rows) with that calibrator, the validation period's calibrated
 * predictions and metrics, and the leak warnings.
 */
public record TrainingOutcome(List<FoldResult> folds, Calibrator calibrator, TribuoArtifact artifact,
                              int trainingRows, List<Prediction> validation, ClassifierMetrics validationMetrics,
                              List<String> warnings) {

    /** One fold: its test window, its sizes and its model's out-of-sample metrics (raw scores, uncalibrated). */
    public record FoldResult(int number, Instant testFrom, Instant testTo, int trainRows, int testRows,
                             ClassifierMetrics metrics) {
    }

    /** A calibrated validation prediction at a decision bar's close. */
    public record Prediction(String symbol, Instant decisionTime, double probability, boolean outcome) {
    }

    public boolean leakSuspected() {
        return !warnings.isEmpty();
    }
}
