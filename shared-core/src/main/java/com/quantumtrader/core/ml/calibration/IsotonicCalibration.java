package com.quantumtrader.core.ml.calibration;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Isotonic regression: the non-decreasing step function of the score that best fits the outcomes (pool adjacent
 * violators). Between two knots the probability is interpolated linearly; outside them it is the end value. Ties in
 * the score are pooled first, so the fit does not depend on the input order.
 *
 * @param knots  increasing scores
 * @param values non-decreasing probabilities, one per knot
 */
public record IsotonicCalibration(double[] knots, double[] values) implements Calibrator {

    public IsotonicCalibration {
        knots = knots.clone();
        values = values.clone();
        if (knots.length == 0 || knots.length != values.length) {
            throw new IllegalArgumentException("isotonic calibration needs as many values as knots, at least one");
        }
        for (int i = 1; i < knots.length; i++) {
            if (!(knots[i] > knots[i - 1]) || values[i] < values[i - 1]) {
                throw new IllegalArgumentException("isotonic knots must increase and values must not decrease");
            }
        }
    }

    @Override
    public double[] knots() {
        return knots.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double calibrate(double score) {
        if (Double.isNaN(score)) {
            return score;
        }
        if (score <= knots[0]) {
            return values[0];
        }
        int last = knots.length - 1;
        if (score >= knots[last]) {
            return values[last];
        }
        int i = Arrays.binarySearch(knots, score);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = (score - knots[lo]) / (knots[hi] - knots[lo]);
        return values[lo] + w * (values[hi] - values[lo]);
    }

    @Override
    public String kind() {
        return "isotonic";
    }

    public static IsotonicCalibration fit(double[] scores, boolean[] outcomes) {
        Calibrator.requireSameLength(scores, outcomes);
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        // blocks of (score, mean outcome, weight); equal scores start in one block
        double[] x = new double[scores.length];
        double[] y = new double[scores.length];
        double[] w = new double[scores.length];
        int n = 0;
        for (int k = 0; k < order.length; k++) {
            double s = scores[order[k]];
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("isotonic calibration got a NaN score");
            }
            double o = outcomes[order[k]] ? 1 : 0;
            if (n > 0 && x[n - 1] == s) {
                y[n - 1] = (y[n - 1] * w[n - 1] + o) / (w[n - 1] + 1);
                w[n - 1] += 1;
            } else {
                x[n] = s;
                y[n] = o;
                w[n] = 1;
                n++;
            }
        }
        // pool adjacent violators; a pooled block keeps the weighted mean score as its knot
        double[] bx = new double[n], by = new double[n], bw = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            bx[m] = x[i];
            by[m] = y[i];
            bw[m] = w[i];
            m++;
            while (m > 1 && by[m - 2] >= by[m - 1]) {
                double weight = bw[m - 2] + bw[m - 1];
                bx[m - 2] = (bx[m - 2] * bw[m - 2] + bx[m - 1] * bw[m - 1]) / weight;
                by[m - 2] = (by[m - 2] * bw[m - 2] + by[m - 1] * bw[m - 1]) / weight;
                bw[m - 2] = weight;
                m--;
            }
        }
        return new IsotonicCalibration(Arrays.copyOf(bx, m), Arrays.copyOf(by, m));
    }
}
