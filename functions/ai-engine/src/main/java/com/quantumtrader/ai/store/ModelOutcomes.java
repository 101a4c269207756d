package com.quantumtrader.ai.store;

import com.quantumtrader.ai.supervision.model.OutcomeWindow;
import com.quantumtrader.core.state.KeyValueStore;

/** Each model's last trade outcomes, key {@code model:<model id>}. */
public final class ModelOutcomes {

    private final KeyValueStore state;

    public ModelOutcomes(KeyValueStore state) {
        this.state = state;
    }

    public OutcomeWindow load(String modelId) {
        return state.getJson(key(modelId), OutcomeWindow.class).orElseGet(OutcomeWindow::empty);
    }

    public void save(String modelId, OutcomeWindow window) {
        state.putJson(key(modelId), window);
    }

    static String key(String modelId) {
        return "model:" + modelId;
    }
}
