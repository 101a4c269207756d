package com.quantumtrader.core.ml;

import java.util.List;
import java.util.Objects;

/**
 * Which features a model reads, in which order, computed by one code path in training, backtest, paper and Lambda.
 * A model is served only with the spec it was trained on: a different name, version or feature list is refused at
 * load.
 *
 * @param name     spec family, e.g. {@code "bars-v1"}
 * @param version  bumped whenever any feature's definition changes
 * @param features feature names in model-input order (e.g. {@code "ret_1"}, {@code "rsi_14"}); no duplicates
 */
public record FeatureSpec(String name, int version, List<String> features) {

    public FeatureSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || version < 1) {
            throw new IllegalArgumentException("feature spec needs a name and a version >= 1");
        }
        features = List.copyOf(features);
        if (features.isEmpty() || features.stream().distinct().count() != features.size()) {
            throw new IllegalArgumentException("feature spec " + name + " needs distinct feature names");
        }
    }

    /** Name and version, e.g. {@code bars-v1@1}: what a model's manifest and an ONNX sidecar declare. */
    public String id() {
        return name + "@" + version;
    }
}
