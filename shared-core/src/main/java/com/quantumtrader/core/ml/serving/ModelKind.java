package com.quantumtrader.core.ml.serving;

import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ProbabilityModel;

/** Turns a registered version of one kind ({@code "onnx"}, {@code "tribuo"}) into a model ready to serve. */
@FunctionalInterface
public interface ModelKind {

    /** @throws IllegalArgumentException when the artifact does not match its manifest (refused at load) */
    ProbabilityModel load(ModelManifest manifest, byte[] artifact);
}
