package com.quantumtrader.learning.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.learning.drift.model.DriftState;

/** The drift detector's outcomes per strategy, under {@code drift:<strategy id>}. */
public final class DriftStates {

    private final KeyValueStore state;

    public DriftStates(KeyValueStore state) {
        this.state = state;
    }

    public DriftState load(String strategyId) {
        return state.get(key(strategyId)).map(json -> EventJson.read(json, DriftState.class))
                .orElseGet(DriftState::empty);
    }

    public void save(String strategyId, DriftState drift) {
        state.put(key(strategyId), EventJson.write(drift));
    }

    private static String key(String strategyId) {
        return "drift:" + strategyId;
    }
}
