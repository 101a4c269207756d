package com.quantumtrader.core.ml;

/**
 * A loaded model ready to serve: the calibrated probability that the labelled move happens, for one feature vector
 * laid out as {@link ModelManifest#featureSpec()} says. Thread-safe; loaded once per version and reused.
 */
public interface ProbabilityModel {

    ModelManifest manifest();

    /**
     * @param features one value per feature of the spec, in its order; NaN where a feature is undefined
     * @return a probability in [0, 1]
     * @throws IllegalArgumentException when the vector's length does not match the spec
     */
    double probability(double[] features);
}
