package com.quantumtrader.ai.signal.model;

import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.spi.StrategyParameters;
import java.util.Map;
import java.util.Objects;

/**
 * One strategy the plan runs on a symbol: its factory, its validated parameters and the raw values they came from
 * (kept so a variant of the same family can be validated from the same values).
 */
public record PlannedStrategy(StrategyFactory factory, StrategyParameters parameters, Map<String, Object> raw) {

    public PlannedStrategy {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(parameters, "parameters");
        raw = raw == null ? Map.of() : Map.copyOf(raw);
    }

    public String strategyId() {
        return factory.id();
    }

    /** Bars of history its decisions need. */
    public int historyBars() {
        return factory.historyBars(parameters);
    }
}
