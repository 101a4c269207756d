package com.quantumtrader.os.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.os.flow.model.FlowState;

/** The signal-flow monitor's window of recent signals, under {@code flow}. */
public final class FlowWindows {

    static final String KEY = "flow";

    private final KeyValueStore state;

    public FlowWindows(KeyValueStore state) {
        this.state = state;
    }

    public FlowState load() {
        return state.get(KEY).map(json -> EventJson.read(json, FlowState.class)).orElseGet(FlowState::empty);
    }

    public void save(FlowState window) {
        state.put(KEY, EventJson.write(window));
    }
}
