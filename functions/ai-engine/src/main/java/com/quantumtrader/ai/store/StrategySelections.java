package com.quantumtrader.ai.store;

import com.quantumtrader.ai.strategy.model.Selection;
import com.quantumtrader.ai.strategy.model.Strategies;
import com.quantumtrader.ai.strategy.model.StrategyProfile;
import com.quantumtrader.core.state.KeyValueStore;
import java.util.Optional;

/**
 * The strategy variant the meta-strategy selector chose last (key {@value #KEY}); without a decision yet, the trend
 * strategy runs.
 */
public final class StrategySelections {

    static final String KEY = "strategy:active";

    private final KeyValueStore state;

    public StrategySelections(KeyValueStore state) {
        this.state = state;
    }

    public StrategyProfile current() {
        return load().map(s -> Strategies.find(s.strategyId()).orElse(Strategies.TREND)).orElse(Strategies.TREND);
    }

    public Optional<Selection> load() {
        return state.getJson(KEY, Selection.class);
    }

    public void save(Selection selection) {
        state.putJson(KEY, selection);
    }
}
