package com.quantumtrader.core.ml.serving;

import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.ProbabilityModel;
import com.quantumtrader.core.ml.registry.ModelReference;
import com.quantumtrader.core.ml.registry.ModelRegistryException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads registered model versions by {@code id@version} and the manifest's kind, once per version: a version is
 * immutable, so the loaded model is cached for the life of the process (a Lambda environment, a paper run) and
 * shared by every thread. A champion swap is picked up on the next {@link #champion} call without a restart. A
 * version that fails to load is not cached, so the error repeats (clearly) rather than serving something else.
 */
public final class ModelLoader {

    private final ModelRegistry registry;
    private final Map<String, ModelKind> kinds;
    /** The process's models: what SnapStart priming loaded is what the restored handlers serve. */
    private static final Map<String, ProbabilityModel> PROCESS = new ConcurrentHashMap<>();

    private final Map<String, ProbabilityModel> loaded;

    public ModelLoader(ModelRegistry registry, Map<String, ModelKind> kinds) {
        this(registry, kinds, new ConcurrentHashMap<>());
    }

    private ModelLoader(ModelRegistry registry, Map<String, ModelKind> kinds, Map<String, ProbabilityModel> loaded) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.kinds = Map.copyOf(kinds);
        this.loaded = loaded;
    }

    /**
     * A loader over {@code registry} sharing one cache with every other shared loader of this process (every kind
     * available): a Lambda's handlers are rebuilt around new Redis connections after a SnapStart restore, but the
     * models primed before the checkpoint stay loaded. Versions are immutable and unique within one deployment's
     * registry, so sharing by {@code id@version} is safe.
     */
    public static ModelLoader shared(ModelRegistry registry) {
        return new ModelLoader(registry, availableKinds(), PROCESS);
    }

    /**
     * A loader that serves every kind this class path can: {@code tribuo} when Tribuo is present, {@code onnx} when
     * ONNX Runtime is.
     */
    public static ModelLoader withAvailableKinds(ModelRegistry registry) {
        return new ModelLoader(registry, availableKinds());
    }

    static Map<String, ModelKind> availableKinds() {
        Map<String, ModelKind> kinds = new TreeMap<>();
        if (TribuoKind.available()) {
            kinds.put(TribuoKind.NAME, TribuoKind.kind());
        }
        if (OnnxKind.available()) {
            kinds.put(OnnxKind.NAME, OnnxKind.kind());
        }
        return kinds;
    }

    /** The model {@code reference} ({@code id@version}) names, loaded on first use. */
    public ProbabilityModel load(String reference) {
        ModelReference parsed = ModelReference.parse(reference);
        return loaded.computeIfAbsent(parsed.toString(), key -> loadFromRegistry(parsed));
    }

    /** The slot's current champion, loaded on first use; empty when the slot has none. */
    public Optional<ProbabilityModel> champion(String slot) {
        return registry.champion(slot).map(this::load);
    }

    /** The versions loaded so far (by every shared loader, for a shared one). */
    public Set<String> loadedVersions() {
        return Set.copyOf(loaded.keySet());
    }

    private ProbabilityModel loadFromRegistry(ModelReference reference) {
        ModelManifest manifest = registry.manifest(reference.id(), reference.version())
                .orElseThrow(() -> new ModelRegistryException("model " + reference + " is not in the registry"));
        ModelKind kind = kinds.get(manifest.kind());
        if (kind == null) {
            throw new ModelRegistryException("model " + reference + " is of kind '" + manifest.kind()
                    + "', which this runtime cannot serve (it serves " + kinds.keySet() + ")");
        }
        byte[] artifact = registry.artifact(reference.id(), reference.version())
                .orElseThrow(() -> new ModelRegistryException("model " + reference + " has no artifact"));
        ProbabilityModel model = kind.load(manifest, artifact);
        if (!model.manifest().reference().equals(reference.toString())) {
            throw new ModelRegistryException("loading " + reference + " gave " + model.manifest().reference());
        }
        return model;
    }
}
