package com.quantumtrader.os.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.os.universe.model.UniverseState;

/** The active universe's state (ranking in force, throttled symbols, universe in force), under {@code universe}. */
public final class UniverseStates {

    static final String KEY = "universe";

    private final KeyValueStore state;

    public UniverseStates(KeyValueStore state) {
        this.state = state;
    }

    public UniverseState load() {
        return state.get(KEY).map(json -> EventJson.read(json, UniverseState.class))
                .orElseGet(UniverseState::empty);
    }

    public void save(UniverseState universe) {
        state.put(KEY, EventJson.write(universe));
    }
}
