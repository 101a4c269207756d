package com.quantumtrader.core.ml.serving;

import com.quantumtrader.core.ml.onnx.OnnxProbabilityModel;

/**
 * The {@code onnx} kind, in its own class so that ONNX Runtime's classes are linked only where it is on the class
 * path (it is optional: only the ONNX-serving AI engine artifact carries its natives).
 */
final class OnnxKind {

    static final String NAME = "onnx";

    private OnnxKind() {
    }

    static boolean available() {
        try {
            Class.forName("ai.onnxruntime.OrtEnvironment", false, OnnxKind.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static ModelKind kind() {
        return OnnxProbabilityModel::load;
    }
}
