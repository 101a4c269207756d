package com.quantumtrader.core.ml.registry;

import com.quantumtrader.core.ml.ModelManifest;

/**
 * A registered version as the bounded registry keeps it: the manifest, the order it was registered in (eviction
 * goes oldest first) and the size of its artifact.
 */
record StoredVersion(ModelManifest manifest, long sequence, long artifactBytes) {

    ModelReference reference() {
        return new ModelReference(manifest.id(), manifest.version());
    }
}
