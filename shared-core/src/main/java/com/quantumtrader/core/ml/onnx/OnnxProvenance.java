package com.quantumtrader.core.ml.onnx;

import com.quantumtrader.events.EventJson;
import java.util.Objects;

/**
 * The provenance an imported model's manifest carries (as JSON text): the sidecar it was served with, the file it
 * came from and that file's SHA-256. The loader reads the sidecar back from here, so the registry keeps one manifest
 * and one artifact per version whatever the kind.
 */
public record OnnxProvenance(String importedFrom, String sha256, OnnxSidecar sidecar) {

    public OnnxProvenance {
        Objects.requireNonNull(sidecar, "sidecar");
    }

    public String toJson() {
        return EventJson.write(this);
    }

    public static OnnxProvenance fromJson(String json) {
        try {
            return EventJson.read(json, OnnxProvenance.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("an onnx model's provenance must carry its sidecar: " + e.getMessage(),
                    e);
        }
    }
}
