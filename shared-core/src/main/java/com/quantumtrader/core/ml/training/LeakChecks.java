package com.quantumtrader.core.ml.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warnings that a model learnt something it could not know. Market direction at 1h is barely predictable: an
 * out-of-sample AUC far above the ceiling, or one fold far above the others, points at a leak (a feature computed
 * from the future, a label used before its horizon closed) before it points at skill.
 */
final class LeakChecks {

    private LeakChecks() {
    }

    static List<String> warnings(List<TrainingOutcome.FoldResult> folds, ClassifierMetrics validation,
                                 TrainingPlan plan) {
        List<String> warnings = new ArrayList<>();
        for (TrainingOutcome.FoldResult fold : folds) {
            double auc = fold.metrics().auc();
            double othersMedian = median(folds.stream().filter(f -> f != fold)
                    .mapToDouble(f -> f.metrics().auc()).filter(Double::isFinite).sorted().toArray());
            if (Double.isFinite(auc) && Double.isFinite(othersMedian) && auc - othersMedian > plan.foldAucGap()) {
                warnings.add(String.format(Locale.ROOT, "fold %d AUC %.3f is %.3f above the other folds' median"
                        + " %.3f: check for leakage", fold.number(), auc, auc - othersMedian, othersMedian));
            }
            if (auc > plan.aucCeiling()) {
                warnings.add(String.format(Locale.ROOT, "fold %d AUC %.3f is above the plausibility ceiling %.2f:"
                        + " check for leakage", fold.number(), auc, plan.aucCeiling()));
            }
        }
        if (validation.auc() > plan.aucCeiling()) {
            warnings.add(String.format(Locale.ROOT, "validation AUC %.3f is above the plausibility ceiling %.2f:"
                    + " check for leakage", validation.auc(), plan.aucCeiling()));
        }
        return warnings;
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
