package com.quantumtrader.core.ml.registry;

import com.quantumtrader.core.ml.FeatureSpec;
import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.ModelManifest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test manifests: a fully filled one per id and version. */
final class Manifests {

    private Manifests() {
    }

    static ModelManifest manifest(String id, int version) {
        return new ModelManifest(id, version, "tribuo", new FeatureSpec("bars-v1", 1, List.of("ret_1", "rsi_14")),
                new LabelSpec(12, 1.5, 14, 8.0), Instant.parse("2022-01-01T00:00:00Z"),
                Instant.parse("2024-12-31T00:00:00Z"), "ab12", Map.of("epochs", "5"),
                Map.of("auc", 0.56, "brier", 0.24), "{\"trainer\":\"test\"}");
    }
}
