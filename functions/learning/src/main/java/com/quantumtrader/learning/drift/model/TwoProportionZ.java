package com.quantumtrader.learning.drift.model;

/**
 * The pooled two-proportion z-test: are {@code x1} successes of {@code n1} and {@code x2} of {@code n2} two draws of
 * one success rate? z = (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2)) with p = (x1 + x2) / (n1 + n2).
 */
public final class TwoProportionZ {

    private TwoProportionZ() {
    }

    /** The z statistic; 0 when both samples are all successes or all failures (no variance, no evidence). */
    public static double z(int x1, int n1, int x2, int n2) {
        if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            throw new IllegalArgumentException("need 0 <= x <= n and n > 0 in both samples");
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        return variance == 0 ? 0 : (p1 - p2) / Math.sqrt(variance);
    }
}
