package com.quantumtrader.learning.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.learning.candidates.model.Candidate;
import java.util.List;
import java.util.TreeMap;

/**
 * The candidates in shadow testing, at most one per strategy (a newer refit replaces the older): hash
 * {@code candidates}, field = strategy id.
 */
public final class Candidates {

    static final String KEY = "candidates";

    private final KeyValueStore state;

    public Candidates(KeyValueStore state) {
        this.state = state;
    }

    public void put(Candidate candidate) {
        state.hashPut(KEY, candidate.strategyId(), EventJson.write(candidate));
    }

    public void remove(String strategyId) {
        state.hashDelete(KEY, strategyId);
    }

    /** Every candidate, by strategy id (a fixed order, so evaluations replay identically). */
    public List<Candidate> all() {
        return new TreeMap<>(state.hashGetAll(KEY)).values().stream()
                .map(json -> EventJson.read(json, Candidate.class))
                .toList();
    }
}
