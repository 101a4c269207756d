package com.quantumtrader.core.ml.calibration;

/**
 * Platt scaling: p = 1 / (1 + exp(a * s + b)) on the raw score s. Fitted by Newton's method on the log loss with
 * Platt's smoothed targets ((n+ + 1)/(n+ + 2) and 1/(n- + 2)) so a perfectly separated fold does not send a and b to
 * infinity. Same input, same parameters: no randomness.
 */
public record PlattScaling(double a, double b) implements Calibrator {

    private static final int MAX_ITERATIONS = 100;

    public PlattScaling {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Platt parameters must be finite: a=" + a + " b=" + b);
        }
    }

    @Override
    public double calibrate(double score) {
        if (Double.isNaN(score)) {
            return score;
        }
        double z = a * score + b;
        return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
    }

    @Override
    public String kind() {
        return "platt";
    }

    public static PlattScaling fit(double[] scores, boolean[] outcomes) {
        Calibrator.requireSameLength(scores, outcomes);
        int positives = 0;
        for (boolean o : outcomes) {
            positives += o ? 1 : 0;
        }
        int negatives = outcomes.length - positives;
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double a = 0;
        double b = Math.log((negatives + 1.0) / (positives + 1.0));
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // gradient and Hessian of the cross-entropy in (a, b); p = sigmoid(-(a s + b))
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (int i = 0; i < scores.length; i++) {
                double s = scores[i];
                double t = outcomes[i] ? hi : lo;
                double p = new PlattScaling(a, b).calibrate(s);
                double d = t - p; // d loss / d z
                ga += d * s;
                gb += d;
                double w = p * (1 - p);
                haa += w * s * s;
                hab += w * s;
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(-hab * ga + haa * gb) / det;
            a += da;
            b += db;
            if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new PlattScaling(a, b);
    }
}
