package com.quantumtrader.core.ml.onnx;

import com.quantumtrader.core.ml.FeatureSpec;
import java.util.Objects;

/**
 * What a quant declares beside an imported {@code .onnx} file: the feature spec the model was trained on (its
 * feature list in the model's input order), the input to feed, and which output and column hold the probability of
 * the labelled move. JSON, e.g.
 * <pre>{"feature_spec": {"name": "bars-v1", "version": 1, "features": ["ret_1", "rsi_14"]},
 *  "input_name": "input", "output_name": "output", "probability_index": 1}</pre>
 * The input must be a float or double tensor {@code [batch, features]}; the output a float or double tensor
 * {@code [batch, classes]} (scikit-learn exports: convert with {@code zipmap=False}).
 */
public record OnnxSidecar(FeatureSpec featureSpec, String inputName, String outputName, int probabilityIndex) {

    public OnnxSidecar {
        Objects.requireNonNull(featureSpec, "sidecar needs feature_spec");
        if (inputName == null || inputName.isBlank() || outputName == null || outputName.isBlank()) {
            throw new IllegalArgumentException("sidecar needs input_name and output_name");
        }
        if (probabilityIndex < 0) {
            throw new IllegalArgumentException("sidecar probability_index must be >= 0, got " + probabilityIndex);
        }
    }
}
