package com.quantumtrader.core.ml.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Out-of-sample quality of probabilities against outcomes.
 *
 * @param auc         area under the ROC curve (ties count half); NaN when only one class occurs
 * @param logLoss     mean cross-entropy, probabilities clipped to [1e-15, 1 - 1e-15]
 * @param brier       mean squared error of the probability
 * @param hitRate     share of outcomes that happened among rows with probability >= 0.5 (NaN if none)
 * @param baseRate    share of positive outcomes
 * @param reliability per probability decile: mean predicted, observed frequency, count (empty bins left out)
 */
public record ClassifierMetrics(int rows, double auc, double logLoss, double brier, double hitRate, double baseRate,
                                List<ReliabilityBin> reliability) {

    public record ReliabilityBin(double from, double to, double meanPredicted, double observed, int count) {
    }

    public static ClassifierMetrics of(double[] p, boolean[] y) {
        if (p.length != y.length || p.length == 0) {
            throw new IllegalArgumentException("metrics need one outcome per probability, at least one");
        }
        int n = p.length;
        double logLoss = 0, brier = 0;
        int positives = 0, called = 0, calledHits = 0;
        for (int i = 0; i < n; i++) {
            double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
            double o = y[i] ? 1 : 0;
            logLoss -= y[i] ? Math.log(q) : Math.log(1 - q);
            brier += (p[i] - o) * (p[i] - o);
            positives += y[i] ? 1 : 0;
            if (p[i] >= 0.5) {
                called++;
                calledHits += y[i] ? 1 : 0;
            }
        }
        return new ClassifierMetrics(n, auc(p, y), logLoss / n, brier / n,
                called == 0 ? Double.NaN : (double) calledHits / called, (double) positives / n, bins(p, y));
    }

    /** Mann-Whitney AUC over ranks, ties given their average rank. */
    public static double auc(double[] p, boolean[] y) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static List<ReliabilityBin> bins(double[] p, boolean[] y) {
        double[] sumP = new double[10];
        double[] sumY = new double[10];
        int[] count = new int[10];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(9, Math.max(0, (int) Math.floor(p[i] * 10)));
            sumP[b] += p[i];
            sumY[b] += y[i] ? 1 : 0;
            count[b]++;
        }
        List<ReliabilityBin> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) {
                bins.add(new ReliabilityBin(b / 10.0, (b + 1) / 10.0, sumP[b] / count[b], sumY[b] / count[b],
                        count[b]));
            }
        }
        return bins;
    }
}
