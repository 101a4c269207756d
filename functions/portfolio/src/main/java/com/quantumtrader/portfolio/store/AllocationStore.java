package com.quantumtrader.portfolio.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.portfolio.AllocationUpdated;
import java.util.Optional;

/** The last published allocation, in portfolio's store (the event as published, so drift compares with it). */
public final class AllocationStore {

    private static final String LAST = "allocation";

    private final KeyValueStore state;

    public AllocationStore(KeyValueStore state) {
        this.state = state;
    }

    public Optional<AllocationUpdated> last() {
        return state.get(LAST).map(json -> EventJson.read(json, AllocationUpdated.class));
    }

    public void save(AllocationUpdated update) {
        state.put(LAST, EventJson.write(update));
    }
}
