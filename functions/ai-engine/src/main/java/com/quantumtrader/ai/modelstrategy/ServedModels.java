package com.quantumtrader.ai.modelstrategy;

import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.ProbabilityModel;
import com.quantumtrader.core.ml.tribuo.TribuoProbabilityModel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models the model-driven strategy serves, loaded from the {@link ModelRegistry} port once per version and
 * cached (a version is immutable). Strategy factories are created by {@link java.util.ServiceLoader} with no
 * arguments, so the composition root (local runtime, Lambda handler) installs the registry here at start.
 */
public final class ServedModels {

    private static volatile ModelRegistry registry;
    private static final Map<String, ProbabilityModel> CACHE = new ConcurrentHashMap<>();

    private ServedModels() {
    }

    /** Called once by the composition root; replacing the registry drops the cache. */
    public static void install(ModelRegistry modelRegistry) {
        registry = modelRegistry;
        CACHE.clear();
    }

    /**
     * @param reference {@code id@version}, or {@code champion:<slot>} for the slot's current champion
     * @throws IllegalArgumentException naming the reference when no registry is installed or it holds no such model,
     *                                  or the model cannot be served (unknown kind, inputs not its spec)
     */
    public static ProbabilityModel load(String reference) {
        ModelRegistry current = registry;
        if (current == null) {
            throw new IllegalArgumentException("model " + reference + ": no model registry is installed");
        }
        String resolved = reference.startsWith("champion:")
                ? current.champion(reference.substring("champion:".length())).orElseThrow(() ->
                        new IllegalArgumentException("no champion for slot " + reference.substring(9)))
                : reference;
        return CACHE.computeIfAbsent(resolved, ref -> read(current, ref));
    }

    private static ProbabilityModel read(ModelRegistry registry, String reference) {
        int at = reference.lastIndexOf('@');
        int version;
        try {
            version = Integer.parseInt(reference.substring(at + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("model reference '" + reference + "' is not id@version");
        }
        String id = reference.substring(0, Math.max(0, at));
        Optional<ModelManifest> manifest = registry.manifest(id, version);
        Optional<byte[]> artifact = registry.artifact(id, version);
        if (manifest.isEmpty() || artifact.isEmpty()) {
            throw new IllegalArgumentException("model " + reference + " is not in the registry");
        }
        if (!TribuoProbabilityModel.KIND.equals(manifest.get().kind())) {
            throw new IllegalArgumentException("model " + reference + " is a '" + manifest.get().kind()
                    + "' model; this build serves " + TribuoProbabilityModel.KIND + " models");
        }
        return new TribuoProbabilityModel(manifest.get(), artifact.get());
    }
}
