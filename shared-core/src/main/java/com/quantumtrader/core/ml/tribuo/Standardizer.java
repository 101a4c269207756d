package com.quantumtrader.core.ml.tribuo;

import java.util.List;

/**
 * Per-feature z-scoring fitted on the training rows only; an undefined (NaN) or constant feature maps to 0, the
 * training mean. Part of the artifact, so serving scales exactly as training did.
 */
public record Standardizer(double[] mean, double[] std) {

    public Standardizer {
        mean = mean.clone();
        std = std.clone();
        if (mean.length != std.length) {
            throw new IllegalArgumentException("standardizer needs one std per mean");
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    public static Standardizer fit(List<double[]> rows, int width) {
        double[] sum = new double[width];
        long[] count = new long[width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                if (Double.isFinite(row[j])) {
                    sum[j] += row[j];
                    count[j]++;
                }
            }
        }
        double[] mean = new double[width];
        for (int j = 0; j < width; j++) {
            mean[j] = count[j] == 0 ? 0 : sum[j] / count[j];
        }
        double[] squares = new double[width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                if (Double.isFinite(row[j])) {
                    double d = row[j] - mean[j];
                    squares[j] += d * d;
                }
            }
        }
        double[] std = new double[width];
        for (int j = 0; j < width; j++) {
            std[j] = count[j] < 2 ? 0 : Math.sqrt(squares[j] / (count[j] - 1));
        }
        return new Standardizer(mean, std);
    }

    public double[] apply(double[] raw) {
        if (raw.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features but got " + raw.length);
        }
        double[] scaled = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            scaled[j] = !Double.isFinite(raw[j]) || std[j] == 0 ? 0 : (raw[j] - mean[j]) / std[j];
        }
        return scaled;
    }
}
