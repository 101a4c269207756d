package com.quantumtrader.learning.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.learning.retraining.model.RetrainingState;

/** The retraining trigger's last version and refit time per strategy, under {@code retraining:<strategy id>}. */
public final class RetrainingStates {

    private final KeyValueStore state;

    public RetrainingStates(KeyValueStore state) {
        this.state = state;
    }

    public RetrainingState load(String strategyId) {
        return state.get(key(strategyId)).map(json -> EventJson.read(json, RetrainingState.class))
                .orElseGet(RetrainingState::initial);
    }

    public void save(String strategyId, RetrainingState retraining) {
        state.put(key(strategyId), EventJson.write(retraining));
    }

    private static String key(String strategyId) {
        return "retraining:" + strategyId;
    }
}
