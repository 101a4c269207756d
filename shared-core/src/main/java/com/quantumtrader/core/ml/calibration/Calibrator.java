package com.quantumtrader.core.ml.calibration;

/**
 * Maps a model's raw score to a calibrated probability. Fitted on held-back (out-of-sample) predictions only, so the
 * mapping is not learnt on the rows the model itself was fitted on. Immutable and deterministic.
 */
public sealed interface Calibrator permits PlattScaling, IsotonicCalibration, Calibrator.Identity {

    /** @return the calibrated probability in [0, 1] for a raw score (NaN in, NaN out) */
    double calibrate(double score);

    /** A short name written into the artifact: {@code platt}, {@code isotonic} or {@code none}. */
    String kind();

    /** Leaves scores as they are (clamped to [0, 1]); for tests and models whose output is already calibrated. */
    record Identity() implements Calibrator {
        @Override
        public double calibrate(double score) {
            return Double.isNaN(score) ? score : Math.min(1, Math.max(0, score));
        }

        @Override
        public String kind() {
            return "none";
        }
    }

    /** Fits the named calibrator ({@code platt}, {@code isotonic} or {@code none}) on held-back scores and outcomes. */
    static Calibrator fit(String kind, double[] scores, boolean[] outcomes) {
        return switch (kind) {
            case "platt" -> PlattScaling.fit(scores, outcomes);
            case "isotonic" -> IsotonicCalibration.fit(scores, outcomes);
            case "none" -> new Identity();
            default -> throw new IllegalArgumentException("unknown calibration '" + kind
                    + "' (expected platt, isotonic or none)");
        };
    }

    static void requireSameLength(double[] scores, boolean[] outcomes) {
        if (scores.length != outcomes.length) {
            throw new IllegalArgumentException("calibration needs one outcome per score: " + scores.length
                    + " scores, " + outcomes.length + " outcomes");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one held-back prediction");
        }
    }
}
