package com.quantumtrader.os.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.os.supervision.model.Watch;

/** The performance supervisor's watch (newest snapshot seen, drawdown latch), under {@code performance:supervisor}. */
public final class SupervisorWatches {

    static final String KEY = "performance:supervisor";

    private final KeyValueStore state;

    public SupervisorWatches(KeyValueStore state) {
        this.state = state;
    }

    public Watch load() {
        return state.get(KEY).map(json -> EventJson.read(json, Watch.class)).orElse(Watch.NONE);
    }

    public void save(Watch watch) {
        state.put(KEY, EventJson.write(watch));
    }
}
