package com.quantumtrader.core.ml.training;

import com.quantumtrader.core.ml.calibration.Calibrator;
import com.quantumtrader.core.ml.tribuo.TribuoArtifact;
import com.quantumtrader.core.ml.tribuo.TribuoTrainer;
import com.quantumtrader.core.ml.validation.Fold;
import com.quantumtrader.core.ml.validation.PurgedWalkForward;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One causal training run over time-ordered labelled rows: purged walk-forward folds inside the training period
 * (each fold's model scores only its test block), a calibrator fitted on those held-back scores, the final model
 * fitted on every training row whose label closed by the cut-off, and the validation period scored once, out of
 * sample. Deterministic for the trainer's seed.
 */
public final class WalkForwardTraining {

    private final List<String> featureNames;
    private final TribuoTrainer trainer;
    private final TrainingPlan plan;

    public WalkForwardTraining(List<String> featureNames, TribuoTrainer trainer, TrainingPlan plan) {
        this.featureNames = List.copyOf(featureNames);
        this.trainer = trainer;
        this.plan = plan;
    }

    /** The rows a run may learn from: deciding in the training window, labels closed by the cut-off. */
    public List<LabelledRow> trainingRows(List<LabelledRow> rows) {
        return rows.stream().filter(r -> !r.decisionTime().isBefore(plan.trainFrom()))
                .filter(r -> !r.knownAt().isAfter(plan.trainTo())).toList();
    }

    public TrainingOutcome run(List<LabelledRow> rows) {
        List<LabelledRow> training = trainingRows(rows);
        List<LabelledRow> validation = rows.stream().filter(r -> !r.decisionTime().isBefore(plan.validateFrom()))
                .filter(r -> r.decisionTime().isBefore(plan.validateTo())).toList();
        if (training.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("no " + (training.isEmpty() ? "training" : "validation")
                    + " rows: check the data files against the training and validation dates");
        }
        List<TrainingOutcome.FoldResult> folds = new ArrayList<>();
        List<Double> heldBackScores = new ArrayList<>();
        List<Boolean> heldBackOutcomes = new ArrayList<>();
        for (Fold fold : new PurgedWalkForward(plan.folds(), plan.embargo()).split(training)) {
            List<LabelledRow> foldTrain = pick(training, fold.train());
            List<LabelledRow> foldTest = pick(training, fold.test());
            if (foldTrain.isEmpty()) {
                throw new IllegalArgumentException("fold " + fold.number() + " has no training rows after purging"
                        + " and embargo: use fewer folds or a shorter embargo");
            }
            TribuoTrainer.Fitted fitted = fit(foldTrain);
            double[] scores = foldTest.stream().mapToDouble(r -> fitted.score(r.features())).toArray();
            boolean[] outcomes = outcomes(foldTest);
            for (int i = 0; i < scores.length; i++) {
                heldBackScores.add(scores[i]);
                heldBackOutcomes.add(outcomes[i]);
            }
            folds.add(new TrainingOutcome.FoldResult(fold.number(), fold.testFrom(), fold.testTo(), foldTrain.size(),
                    foldTest.size(), ClassifierMetrics.of(scores, outcomes)));
        }
        Calibrator calibrator = Calibrator.fit(plan.calibration(),
                heldBackScores.stream().mapToDouble(Double::doubleValue).toArray(), toArray(heldBackOutcomes));
        TribuoTrainer.Fitted fitted = fit(training);
        TribuoArtifact artifact = new TribuoArtifact(featureNames, fitted.standardizer(), calibrator, fitted.model());
        List<TrainingOutcome.Prediction> predictions = validation.stream().map(r -> new TrainingOutcome.Prediction(
                r.symbol(), r.decisionTime(), calibrator.calibrate(fitted.score(r.features())), r.label())).toList();
        ClassifierMetrics validationMetrics = ClassifierMetrics.of(
                predictions.stream().mapToDouble(TrainingOutcome.Prediction::probability).toArray(),
                outcomes(validation));
        return new TrainingOutcome(List.copyOf(folds), calibrator, artifact, training.size(), predictions,
                validationMetrics, LeakChecks.warnings(folds, validationMetrics, plan));
    }

    private TribuoTrainer.Fitted fit(List<LabelledRow> rows) {
        return trainer.fit(featureNames, rows.stream().map(LabelledRow::features).toList(),
                rows.stream().map(LabelledRow::label).toList(), plan.trainTo());
    }

    private static List<LabelledRow> pick(List<LabelledRow> rows, int[] indices) {
        return Arrays.stream(indices).mapToObj(rows::get).toList();
    }

    private static boolean[] outcomes(List<LabelledRow> rows) {
        boolean[] outcomes = new boolean[rows.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = rows.get(i).label();
        }
        return outcomes;
    }

    private static boolean[] toArray(List<Boolean> list) {
        boolean[] array = new boolean[list.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = list.get(i);
        }
        return array;
    }
}
