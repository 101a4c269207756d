package com.quantumtrader.core.ml;

import java.util.List;
import java.util.Optional;

/**
 * The model registry port: immutable model versions (manifest + artifact bytes), and per strategy slot one
 * champion and any number of challengers. Redis in every runtime (bounded in size), a file directory locally.
 */
public interface ModelRegistry {

    /** Stores a new version; its id and version must not exist yet. */
    void register(ModelManifest manifest, byte[] artifact);

    List<ModelManifest> list();

    Optional<ModelManifest> manifest(String id, int version);

    Optional<byte[]> artifact(String id, int version);

    /** The champion of a strategy slot, as {@code id@version}. */
    Optional<String> champion(String slot);

    /** Makes a registered version the champion of a slot; the previous champion becomes a challenger again. */
    void promote(String slot, String id, int version);

    List<String> challengers(String slot);

    /** Every slot's champion ({@code id@version}), by slot. */
    java.util.Map<String, String> champions();

    /**
     * Adds a registered version to a slot's challengers (learning's retrained models); a no-op for the slot's champion
     * or a version already challenging. Unknown versions are refused.
     */
    void addChallenger(String slot, String id, int version);
}
