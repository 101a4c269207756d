package com.quantumtrader.ai.strategy;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import java.time.Instant;
import java.util.Optional;

/**
 * The strategy the orchestrator runs now, as the meta-strategy selector left it in the AI engine's state
 * (key {@value #KEY}). Without a decision yet, the trend strategy runs.
 */
public final class ActiveStrategy {

    static final String KEY = "strategy:active";

    private final KeyValueStore state;

    public ActiveStrategy(KeyValueStore state) {
        this.state = state;
    }

    public StrategyProfile current() {
        return load().map(s -> Strategies.find(s.strategyId()).orElse(Strategies.TREND)).orElse(Strategies.TREND);
    }

    Optional<Selection> load() {
        return state.get(KEY).map(json -> EventJson.read(json, Selection.class));
    }

    void save(Selection selection) {
        state.put(KEY, EventJson.write(selection));
    }

    /**
     * @param strategyId the active strategy
     * @param asOf       the performance snapshot the decision was taken on; older snapshots are ignored
     */
    record Selection(String strategyId, Instant asOf) {
    }
}
