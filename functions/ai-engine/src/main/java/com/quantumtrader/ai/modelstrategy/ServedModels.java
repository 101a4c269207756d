package com.quantumtrader.ai.modelstrategy;

import com.quantumtrader.core.ml.ProbabilityModel;
import com.quantumtrader.core.ml.serving.ModelLoader;
import java.util.Optional;

/**
 * The models the model-driven strategy serves: the runtime's {@link ModelLoader} over its model registry (Redis in
 * Lambda and paper, the run's in-memory registry in a backtest), which loads each version once and caches it. The AI
 * engine's domain builds one per runtime ({@link com.quantumtrader.ai.AiEngineDomain}); {@link #none()} is what a
 * runtime without a registry has, and it refuses every model by name.
 */
public final class ServedModels {

    private static final String CHAMPION = "champion:";

    private final Optional<ModelLoader> loader;

    public ServedModels(ModelLoader loader) {
        this.loader = Optional.of(loader);
    }

    private ServedModels() {
        this.loader = Optional.empty();
    }

    /** No registry: every {@link #load} fails, naming the model. */
    public static ServedModels none() {
        return new ServedModels();
    }

    /**
     * @param reference {@code id@version}, or {@code champion:<slot>} for the slot's current champion
     * @throws IllegalArgumentException naming the reference when this runtime has no registry or no champion for the
     *                                  slot; the loader's exception when the registry holds no such version or it
     *                                  cannot be served (unknown kind, inputs not its spec)
     */
    public ProbabilityModel load(String reference) {
        ModelLoader models = loader.orElseThrow(() ->
                new IllegalArgumentException("model " + reference + ": this runtime has no model registry"));
        if (reference.startsWith(CHAMPION)) {
            String slot = reference.substring(CHAMPION.length());
            return models.champion(slot).orElseThrow(() ->
                    new IllegalArgumentException("no champion for strategy slot " + slot));
        }
        return models.load(reference);
    }
}
