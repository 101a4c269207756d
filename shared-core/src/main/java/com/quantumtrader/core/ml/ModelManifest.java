package com.quantumtrader.core.ml;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything known about one immutable model version besides its bytes: what it reads, what it predicts, what it
 * was trained on and how well it validated. Stored beside the artifact in the model registry.
 *
 * @param id              model id, stable across versions (e.g. {@code "btc-logit"})
 * @param version         1, 2, ... per id; a version is never overwritten
 * @param kind            how the artifact is served, e.g. {@code "tribuo"} or {@code "onnx"}
 * @param featureSpec     the inputs, in order
 * @param labelSpec       the target it was trained on
 * @param trainedFrom     first bar of the training window (open time)
 * @param trainedTo       end of the training window: no label whose horizon closes after it was used
 * @param dataFingerprint SHA-256 of the training bars, hex
 * @param hyperparameters as given to the trainer, as text
 * @param metrics         out-of-sample validation metrics (auc, log_loss, brier, hit_rate …)
 * @param provenance      the trainer's own provenance record (JSON text) or the importer's description
 */
public record ModelManifest(
        String id,
        int version,
        String kind,
        FeatureSpec featureSpec,
        LabelSpec labelSpec,
        Instant trainedFrom,
        Instant trainedTo,
        String dataFingerprint,
        Map<String, String> hyperparameters,
        Map<String, Double> metrics,
        String provenance) {

    public ModelManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(featureSpec, "featureSpec");
        if (id.isBlank() || version < 1) {
            throw new IllegalArgumentException("model manifest needs an id and a version >= 1");
        }
        hyperparameters = hyperparameters == null ? Map.of() : Map.copyOf(hyperparameters);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** {@code id@version}, the reference a signal's {@code model_id} carries. */
    public String reference() {
        return id + "@" + version;
    }
}
