package com.quantumtrader.execution.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.execution.orders.model.TrackedPosition;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Execution's positions by symbol (one per symbol, one-way mode), in the domain store under {@code positions}. */
public final class TrackedPositions {

    private static final String POSITIONS = ExecutionKeys.POSITIONS;

    private final KeyValueStore store;

    public TrackedPositions(KeyValueStore store) {
        this.store = store;
    }

    public Optional<TrackedPosition> find(String symbol) {
        return store.hashGet(POSITIONS, symbol).map(json -> EventJson.read(json, TrackedPosition.class));
    }

    /** Every position held, sorted by symbol. */
    public List<TrackedPosition> all() {
        return new TreeMap<>(store.hashGetAll(POSITIONS)).values().stream()
                .map(json -> EventJson.read(json, TrackedPosition.class)).toList();
    }

    public void save(TrackedPosition position) {
        store.hashPut(POSITIONS, position.symbol(), EventJson.write(position));
    }

    public void remove(String symbol) {
        store.hashDelete(POSITIONS, symbol);
    }
}
