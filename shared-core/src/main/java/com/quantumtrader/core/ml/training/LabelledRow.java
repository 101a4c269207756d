package com.quantumtrader.core.ml.training;

import com.quantumtrader.core.ml.validation.PurgedWalkForward;
import java.time.Instant;
import java.util.Objects;

/**
 * One training example: the feature vector at the close of a decision bar and its label.
 *
 * @param decisionTime close of the decision bar (features are known then)
 * @param knownAt      close of the last bar of the label's horizon: the label may be used only after this
 */
public record LabelledRow(String symbol, Instant decisionTime, Instant knownAt, double[] features, boolean label)
        implements PurgedWalkForward.Timed {

    public LabelledRow {
        Objects.requireNonNull(symbol, "symbol");
        if (knownAt.isBefore(decisionTime)) {
            throw new IllegalArgumentException("a label cannot be known before its decision bar closes");
        }
        features = features.clone();
    }

    @Override
    public double[] features() {
        return features.clone();
    }

    public double feature(int i) {
        return features[i];
    }

    public int width() {
        return features.length;
    }
}
